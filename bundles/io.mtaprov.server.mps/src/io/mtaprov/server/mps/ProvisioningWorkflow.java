package io.mtaprov.server.mps;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.files.GeneratedFileStore;
import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Flow;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.provisioning.Enrollment;
import io.mtaprov.core.provisioning.ProvisioningResult;
import io.mtaprov.core.provisioning.ProvisioningSession;
import io.mtaprov.core.provisioning.ProvisioningSessions;
import io.mtaprov.core.provisioning.ProvisioningState;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.core.provisioning.SessionSnapshot;
import io.mtaprov.core.server.ServerCounters;
import io.mtaprov.core.trace.TraceBus;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the provisioning server's logic: it turns notifications, SNMP answers, TFTP downloads
 * (seen on the TraceBus) and timers into transitions of each MTA's {@link ProvisioningSession}:
 * step 4 (enrollment, the correlation-id rules of {@link ProvisioningSessions}), 5-6
 * ({@link ConfigGeneration}), 7 (the SET, retried on timeout), 9 (the download) and 10 (the status
 * INFORM, and the rejected lines on warnings). Ended attempts are recorded in the store.
 * <p>
 * Threading: the SNMP listen thread only queues; the work runs on virtual threads, timers on one
 * scheduler thread; sessions synchronize themselves, so late events of ended attempts are refused.
 */
final class ProvisioningWorkflow implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningWorkflow.class);

    private final MpsSettings settings;
    private final ProvisioningSessions sessions;
    private final Supplier<ProvisioningStore> store;
    private final ConfigGeneration generation;
    private final MtaRequests mta;
    private final TraceBus trace;
    private final ServerCounters counters;
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("mtaprov-mps-work-", 0).factory());
    private final ScheduledExecutorService timers = timerExecutor();
    private final TraceBus.Subscription downloads;

    ProvisioningWorkflow(MpsSettings settings, ProvisioningSessions sessions, Supplier<ProvisioningStore> store,
            ConfigGeneration generation, MtaRequests mta, TraceBus trace, ServerCounters counters) {
        this.settings = settings;
        this.sessions = sessions;
        this.store = store;
        this.generation = generation;
        this.mta = mta;
        this.trace = trace;
        this.counters = counters;
        this.downloads = trace.subscribe(this::onTrace);
    }

    /**
     * One scheduler thread for the attempts' timeouts. A cancelled timer leaves the queue at once: nearly
     * every timer is cancelled (the MTA answers in time), and a storm would otherwise keep one dead task
     * per MTA queued for the whole download or status timeout.
     */
    private static ScheduledExecutorService timerExecutor() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mtaprov-mps-timers");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    /** Called on the SNMP listen thread with a notification of the right community. */
    /**
     * A notification from {@code ip}. {@code acknowledge} sends an INFORM's Response: an enrollment
     * is acknowledged once its attempt is durably recorded as started (before the slow steps 5-7),
     * a status once its result is durably recorded; anything else once handled.
     */
    void onNotification(String ip, org.snmp4j.PDU pdu, Runnable acknowledge) {
        execute(() -> {
            try {
                Notice n;
                try {
                    n = InformDecoder.decode(pdu);
                } catch (IllegalArgumentException e) {
                    counters.rejected.increment();
                    publish("", ProvisioningStep.ENROLLMENT_REQUEST, ip, "notification from " + ip + " refused",
                            e.getMessage(), Outcome.REJECTED);
                    return;
                }
                if (n instanceof Notice.EnrollmentNotice en) {
                    // only authenticated SNMPv3 passes the endpoint
                    enroll(ip, en, pdu instanceof org.snmp4j.ScopedPDU, acknowledge);
                } else if (n instanceof Notice.StatusNotice st) {
                    status(ip, st);
                }
            } finally {
                acknowledge.run();
            }
        });
    }

    private void enroll(String ip, Notice.EnrollmentNotice n, boolean snmpV3, Runnable acknowledge) {
        ConfigGeneration.LeaseLookupResult lease = generation.lookUp(ip); // once: the flow here, 5b below
        String realm = generation.realmOf(lease);
        Flow flow = Flow.fromRealm(realm);
        String flowNote = "";
        if (flow.isBasic()) {
            flowNote = " (realm " + flow.realmName() + " has no enrollment: handled as HYBRID.2)";
            flow = Flow.HYBRID_2;
        }
        Enrollment e = new Enrollment(n.mac(), ip, n.correlationId(), flow, n.tree().name(), n.sysDescr(), n.swVersion(),
                n.typeIdentifier(), Instant.now());
        ProvisioningSessions.Admission adm = sessions.admit(e);
        if (adm.duplicate()) {
            return;
        }
        Attempt a = track(adm.session());
        a.enrollmentLease = lease;
        try {
            store.get().recordStart(n.mac(), n.correlationId(), flow.realmName(), e.received());
        } catch (RuntimeException ex) { // provisioning goes on; only a crash before its end would go unreported
            LOG.error("could not record the start of an attempt of {}", n.mac(), ex);
        }
        acknowledge.run();
        adm.superseded().ifPresent(old -> LOG.info("attempt {} of {} superseded by a reboot", old.id(), n.mac()));
        a.session.note(Direction.IN, "enrollment INFORM from " + ip + " (correlation id " + n.correlationId() + ")",
                "tree " + n.tree() + ", flow " + flow.realmName() + flowNote + ", sysDescr '" + n.sysDescr() + "', sw '"
                        + n.swVersion() + "', type '" + n.typeIdentifier() + "'; INFORM answered", Outcome.OK);
        if (flow == Flow.SECURE && !snmpV3) {
            a.session.fail(Direction.IN, "Secure flow enrollment not authenticated", "realm " + realm
                    + " selects the Secure flow: its enrollment INFORM must come over SNMPv3 with the keys of step 3"
                    + " (key management); this one came over SNMPv1/v2c");
            finish(a);
            return;
        }
        if (flow == Flow.SECURE && !a.session.moveTo(io.mtaprov.core.provisioning.ProvisioningState.ENROLLED,
                Direction.IN, "enrollment authenticated with the SNMPv3 keys of step 3", "SNMPv3 USM, keys from key"
                        + " management (Kerberized AP Request / AP Reply)")) {
            finish(a);
            return;
        }
        if (generation.run(a, true) == null) {
            finish(a);
            return;
        }
        set(a);
    }

    /** Step 7: one SET PDU with the file's URL and hash; retried on timeout. */
    private void set(Attempt a) {
        ProvisioningSession s = a.session;
        int tryNo = s.countSetTry();
        int tries = settings.timers().setRetries() + 1;
        String url = settings.configFileUrl(s.fileName());
        GeneratedConfig config = a.generated();
        byte[] hash = io.mtaprov.protocol.config.ConfigHash.sha1(config.bytes());
        String hex = HexFormat.of().formatHex(hash);
        if (!s.moveTo(ProvisioningState.SETTING, Direction.OUT, "SET pktcMtaDevConfigFile, pktcMtaDevProvConfigHash to "
                + a.ip() + ":" + mta.port() + (tryNo > 1 ? " (try " + tryNo + " of " + tries + ")" : ""),
                "pktcMtaDevConfigFile.0 = " + url + "\npktcMtaDevProvConfigHash.0 = " + hex)) {
            return;
        }
        Duration timeout = settings.timers().setTimeout();
        mta.setConfigFile(a.ip(), url, hash, config.tree(), timeout).whenComplete((resp, err) -> execute(() -> {
            if (s.state() != ProvisioningState.SETTING || s.snapshot().setTries() != tryNo) {
                return; // ended or superseded meanwhile
            }
            if (err != null) {
                s.fail(Direction.OUT, "SET not sent", "sending the SET to " + a.ip() + " failed: " + err);
                finish(a);
            } else if (resp == null) {
                if (tryNo < tries) {
                    s.note(Direction.OUT, "no answer to the SET in " + timeout.toMillis() + " ms", "retrying ("
                            + tryNo + " of " + tries + " tries used)", Outcome.WARNING);
                    set(a);
                } else {
                    s.fail(Direction.OUT, "SET unanswered", "no answer to the SET from " + a.ip() + ":" + mta.port()
                            + " after " + tries + " tries of " + timeout.toMillis() + " ms (mtaprov.mps.setTimeout, setRetries)");
                    finish(a);
                }
            } else if (resp.getErrorStatus() != org.snmp4j.PDU.noError) {
                s.fail(Direction.IN, "SET refused by the MTA", "error-status " + MtaRequests.describeError(resp, config.tree()));
                finish(a);
            } else if (s.moveTo(ProvisioningState.AWAITING_DOWNLOAD, ProvisioningStep.CONFIG_FILE_LOCATION,
                    Direction.IN, "SET accepted by the MTA",
                    "waiting for the TFTP download of " + s.fileName())) {
                await(a, ProvisioningState.AWAITING_DOWNLOAD, settings.timers().downloadTimeout(),
                        "the MTA did not download " + s.fileName() + " within %d s of the SET (steps 8-9)");
            }
        }));
    }

    /** Steps 8-9 as the TFTP server traced them: a completed download of an attempt's file. */
    private void onTrace(List<TraceEvent> batch) {
        for (TraceEvent e : batch) {
            if (!"tftp".equals(e.source()) || e.step() != ProvisioningStep.CONFIG_FILE_DOWNLOAD || e.outcome() != Outcome.OK) {
                continue;
            }
            Attempt a = attempts.get(e.mtaMac());
            String name = a == null ? "" : a.session.fileName();
            if (!name.isEmpty() && e.summary().contains(name)) {
                execute(() -> downloaded(a));
            }
        }
    }

    private void downloaded(Attempt a) {
        ProvisioningSession s = a.session;
        if (s.state() == ProvisioningState.SETTING) {
            // the download overtook the SET's answer (or the answer was lost): the MTA evidently took the SET.
            // Without this a loaded server missed the download of HYBRID.1 MTAs, which send no status INFORM
            // to end the attempt otherwise (11 of 1,000 in a mixed storm)
            s.moveTo(ProvisioningState.AWAITING_DOWNLOAD, ProvisioningStep.CONFIG_FILE_LOCATION, Direction.IN,
                    "download before the SET's answer", "the MTA downloads the file the SET named");
        }
        if (s.state() != ProvisioningState.AWAITING_DOWNLOAD) {
            return;
        }
        a.cancelTimer();
        if (s.enrollment().flow().sendsStatusInform()) {
            // traced in step 9, whose completed transfer it notes (after the TFTP server's event, which it reacts
            // to), not in step 10 that it begins: a note of step 10 could sit before or beside the transfer's
            // end in the Sequence view, which orders by time
            if (s.moveTo(ProvisioningState.AWAITING_STATUS, ProvisioningStep.CONFIG_FILE_DOWNLOAD, Direction.INTERNAL,
                    "download of " + s.fileName() + " seen", "waiting for the status INFORM")) {
                await(a, ProvisioningState.AWAITING_STATUS, settings.timers().statusTimeout(),
                        "no status INFORM within %d s of the download (step 10)");
            }
        } else if (s.moveTo(ProvisioningState.COMPLETE, Direction.INTERNAL, completion(s),
                s.enrollment().flow().realmName() + " sends no status INFORM: the attempt ends with the download")) {
            finish(a);
        }
    }

    /** Step 10: the status INFORM. */
    private void status(String ip, Notice.StatusNotice n) {
        Attempt a = attempts.get(n.mac());
        ProvisioningSession s = a == null ? null : a.session;
        if (s == null || !s.enrollment().flow().isBasic() && s.enrollment().correlationId() != n.correlationId()) {
            counters.rejected.increment();
            publish(n.mac(), ProvisioningStep.PROVISIONING_STATUS, ip, "status INFORM " + n.status() + " ignored",
                    s == null ? "no attempt of " + n.mac() + " is known" : "correlation id " + n.correlationId()
                            + " does not match attempt " + s.id() + " (" + s.enrollment().correlationId() + ")", Outcome.REJECTED);
            if (s == null) { // e.g. its attempt was cut by a restart: what the MTA reports is still kept
                Instant now = Instant.now();
                try {
                    store.get().recordResult(new ProvisioningResult(n.mac(), n.correlationId(), "",
                            n.status().isPass() ? ProvisioningState.COMPLETE : ProvisioningState.FAILED,
                            "status INFORM " + n.status() + " from " + ip + " for an attempt this server does not know"
                                    + " (interrupted by a restart, or begun before it)", "", n.status(), now, now, List.of()));
                } catch (RuntimeException e) {
                    LOG.error("could not record the status of {}", n.mac(), e);
                }
            }
            return;
        }
        s.statusReported(n.status());
        a.cancelTimer();
        if (s.state() == ProvisioningState.SETTING) { // the SET's answer was lost, the MTA evidently applied it
            s.moveTo(ProvisioningState.AWAITING_DOWNLOAD, Direction.IN, "status before the SET's answer", "");
        }
        if (!n.status().isPass()) {
            if (s.fail(Direction.IN, "MTA reported " + n.status(), "pktcMtaDevProvisioningState = " + n.status()
                    + " in the status INFORM from " + ip)) {
                finish(a);
            }
            return;
        }
        if (n.status().hasErrorOids()) {
            readRejected(a, ip);
        }
        if (s.moveTo(ProvisioningState.COMPLETE, Direction.IN, completion(s) + ": status " + n.status(),
                a.rejected.isEmpty() ? "" : a.rejected.size() + " line(s) rejected by the MTA")) {
            finish(a);
        }
    }

    private void readRejected(Attempt a, String ip) {
        try {
            GeneratedConfig config = a.generated();
            if (config == null) {
                a.session.note(Direction.OUT, "pktcMtaDevErrorOidsTable not read", "the attempt has no generated file",
                        Outcome.WARNING);
                return;
            }
            a.rejected = mta.rejectedLines(ip, config, settings.timers().getTimeout());
            a.session.note(Direction.OUT, "pktcMtaDevErrorOidsTable: " + a.rejected.size() + " rejected line(s)",
                    String.join("\n", a.rejected.stream().map(r -> "line " + r.line() + ": " + r.text() + "  <- "
                            + r.oid() + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")")).toList()),
                    a.rejected.isEmpty() ? Outcome.INFO : Outcome.WARNING);
        } catch (Exception e) {
            a.session.note(Direction.OUT, "reading pktcMtaDevErrorOidsTable failed", e.toString(), Outcome.WARNING);
        }
    }

    private static String completion(ProvisioningSession s) {
        return "provisioned in " + Duration.between(s.snapshot().started(), Instant.now()).toMillis() + " ms";
    }

    private void await(Attempt a, ProvisioningState state, Duration d, String reasonFormat) {
        a.cancelTimer();
        try {
            a.timer = timers.schedule(() -> execute(() -> {
                if (a.session.state() == state && a.session.fail(Direction.INTERNAL, "timed out in " + state,
                        String.format(reasonFormat, d.toSeconds()))) {
                    finish(a);
                }
            }), d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("stopping: no timer for {}", a.mac());
        }
    }

    /** Records an ended attempt in the store. */
    private void finish(Attempt a) {
        a.cancelTimer();
        SessionSnapshot s = a.session.snapshot();
        try {
            store.get().recordResult(new ProvisioningResult(s.mac(), s.enrollment().correlationId(),
                    s.enrollment().flow().realmName(), s.state(), s.reason(), s.fileName(), s.status(), s.started(),
                    s.ended() != null ? s.ended() : Instant.now(), a.rejected));
        } catch (RuntimeException e) {
            LOG.error("could not record the result of attempt {} of {}", s.id(), s.mac(), e);
        }
        a.settle();
    }

    private Attempt track(ProvisioningSession s) {
        Attempt a = new Attempt(s);
        Attempt old = attempts.put(s.enrollment().mac(), a);
        if (old != null) {
            old.cancelTimer();
            if (old.session.state() == ProvisioningState.SUPERSEDED) {
                finish(old);
            }
        }
        return a;
    }

    // ---- operator actions and the Basic flow -------------------------------------------------

    SessionSnapshot reprovision(String mac) {
        Attempt old = attempts.get(mac);
        GeneratedConfig config = old == null ? null : old.generated();
        if (config == null || old.session.fileName().isEmpty()) {
            throw new IllegalArgumentException("no stored file for " + mac + ": it has not been provisioned yet");
        }
        Attempt a = track(sessions.restart(old.session.enrollment(), ProvisioningState.UPLOADED));
        a.config = config;
        a.session.fileStored(old.session.fileName());
        a.session.note(Direction.INTERNAL, "operator: re-provision " + mac + " with " + old.session.fileName(), "", Outcome.INFO);
        execute(() -> set(a));
        return a.session.snapshot();
    }

    SessionSnapshot regenerate(String mac) {
        Attempt old = attempts.get(mac);
        if (old == null) {
            throw new IllegalArgumentException(mac + " has not enrolled since the server started");
        }
        Attempt a = track(sessions.restart(old.session.enrollment(), ProvisioningState.ENROLLED));
        a.session.note(Direction.INTERNAL, "operator: regenerate the file of " + mac, "", Outcome.INFO);
        execute(() -> {
            if (generation.run(a, true) == null) {
                finish(a);
            } else {
                set(a);
            }
        });
        return a.session.snapshot();
    }

    /** The Basic flow: generate with the hash TLV inside and wait for the download (and BASIC.2's status). */
    GeneratedFile basicFile(Lease lease, Flow flow, GeneratedFileStore files) {
        Enrollment e = new Enrollment(lease.mac(), lease.ip(), 0, flow, "", "", "", "", Instant.now());
        Attempt a = track(sessions.restart(e, ProvisioningState.GENERATING));
        a.dhcpLease = lease;
        a.session.note(Direction.IN, "Basic flow: file for the DHCP ACK of " + lease.mac() + " (" + lease.ip() + ")",
                "flow " + flow.realmName() + "; the hash TLV goes inside the file", Outcome.OK);
        if (generation.run(a, false) == null) {
            finish(a);
            throw new IllegalStateException(a.session.snapshot().reason());
        }
        a.session.moveTo(ProvisioningState.AWAITING_DOWNLOAD, Direction.OUT, "file named in the DHCP ACK",
                "waiting for the TFTP download of " + a.session.fileName());
        await(a, ProvisioningState.AWAITING_DOWNLOAD, settings.timers().downloadTimeout(),
                "the MTA did not download its file within %d s of the DHCP ACK (steps 8-9)");
        return files.find(a.session.fileName()).orElseThrow();
    }

    List<SessionSnapshot> snapshots() {
        return sessions.snapshots();
    }

    Attempt attempt(String mac) {
        return attempts.get(mac);
    }

    private void execute(Runnable r) {
        try {
            work.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.error("provisioning work failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("stopping: work dropped");
        }
    }

    /** Why attempts found open at start ended: the process stopped while they were in flight. */
    static final String INTERRUPTED = "interrupted: the provisioning server stopped (crash, kill or power loss) while"
            + " this attempt was in flight; whatever the MTA was told is stored; it provisions again at its next"
            + " enrollment (reboot)";

    /**
     * At start: records the attempts a crash or kill cut short as FAILED (see
     * {@link ProvisioningStore#closeInterrupted}) and traces each; returns how many there were.
     */
    int closeInterrupted() {
        List<ProvisioningResult> closed;
        try {
            closed = store.get().closeInterrupted(Instant.now(), INTERRUPTED);
        } catch (RuntimeException e) {
            LOG.error("could not close the attempts interrupted by the last stop", e);
            return 0;
        }
        for (ProvisioningResult r : closed) {
            publish(r.mac(), ProvisioningStep.PROVISIONING_STATUS, "", "attempt of " + r.flow() + " interrupted by a"
                    + " stop of the server (started " + r.started() + ")", INTERRUPTED, Outcome.FAILED);
        }
        if (!closed.isEmpty()) {
            LOG.warn("{} provisioning attempts were in flight when the server last stopped: recorded as failed",
                    closed.size());
        }
        return closed.size();
    }

    private void publish(String mac, ProvisioningStep step, String ip, String summary, String detail, Outcome o) {
        trace.publish(new TraceEvent(Instant.now(), mac, step, ProvisioningSession.SOURCE, Direction.IN, ip, summary,
                detail, o));
    }

    @Override
    public void close() {
        downloads.close();
        timers.shutdownNow();
        work.shutdownNow();
        int ended = 0;
        for (Attempt a : attempts.values()) { // a clean stop ends what is in flight, with the reason
            if (a.session.fail(Direction.INTERNAL, "stopped with the server", "the provisioning server was stopped"
                    + " while this attempt was in flight; the MTA provisions again at its next enrollment (reboot)")) {
                finish(a);
                ended++;
            }
        }
        if (ended > 0) {
            LOG.info("{} provisioning attempts in flight ended by the stop", ended);
        }
    }
}
