package io.mtaprov.sim;

import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_DOWNLOAD;
import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_LOCATION;
import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_REQUEST;
import static io.mtaprov.core.model.ProvisioningStep.DEVICE_ACTION_REQUEST;
import static io.mtaprov.core.model.ProvisioningStep.DHCP_OPTIONS_TRANSFER;
import static io.mtaprov.core.model.ProvisioningStep.ENROLLMENT_REQUEST;
import static io.mtaprov.core.model.ProvisioningStep.PROVISIONING_STATUS;
import static io.mtaprov.core.model.ProvisioningStep.SNMPV3_SECURITY;

import io.mtaprov.core.model.Flow;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.ProvisioningServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One simulated PacketCable eMTA running the provisioning sequence of its flow (docs/wire-contract.md):
 * DHCP (steps 1-2), DNS of the provisioning server, enrollment INFORM (4, Hybrid), its SNMP agent
 * answering GETs (5a) and the SET of the file location (7), DNS and TFTP of the file (8-9), hash
 * and content checks, and the status INFORM (10, HYBRID.2 and BASIC.2). BASIC.x take the file
 * from the ACK ({@code siaddr} + {@code file}) and skip 4 and 7. The Secure flow's step 3 is
 * delegated to {@link SecureFlowSteps}.
 *
 * <p>Threading: {@link #run()} blocks its caller until the run ends (use a virtual thread, or
 * {@link #start()}); it may be called once. The agent stays up after the run, so the provisioning
 * server can still GET pktcMtaDevErrorOidsTable, until {@link #close()}. Thread-safe otherwise.
 */
public final class SimulatedMta implements AutoCloseable {
    private final MtaProfile profile;
    private final SimSettings settings;
    private final SnmpHub hub;
    private final boolean ownHub;
    private final SimTrace trace;
    private final SecureFlowSteps secure;
    private final AtomicBoolean ran = new AtomicBoolean();
    private final CompletableFuture<SetEvent> setArrived = new CompletableFuture<>();
    private volatile MtaMib mib;
    private volatile VirtualThreadUdpTransport transport;
    private DnsClient dnsClient; // the run's resolver, on the run's thread only
    private volatile io.mtaprov.sim.secure.MtaUsmKeys usmKeys;
    private volatile MtaAgent agent;

    private record SetEvent(String url, byte[] hash, long at) {
    }

    /** A stand-alone MTA with its own SNMP session and no trace. */
    public SimulatedMta(MtaProfile profile, SimSettings settings) {
        this(profile, settings, null, null, SecureFlowSteps.NOT_IMPLEMENTED);
    }

    /**
     * @param hub    the shared SNMP session of a fleet, or {@code null} for one of its own
     * @param trace  where to publish TraceEvents (source "sim"), or {@code null}
     * @param secure step 3 of the Secure flow
     */
    public SimulatedMta(MtaProfile profile, SimSettings settings, SnmpHub hub, TraceBus trace,
            SecureFlowSteps secure) {
        this.profile = profile;
        this.settings = settings;
        this.ownHub = hub == null;
        this.hub = hub == null ? new SnmpHub() : hub;
        this.trace = new SimTrace(trace, profile.mac());
        this.secure = secure;
    }

    public MtaProfile profile() {
        return profile;
    }

    /** Runs the sequence on a new virtual thread. */
    public CompletableFuture<MtaRunResult> start() {
        CompletableFuture<MtaRunResult> f = new CompletableFuture<>();
        Thread.ofVirtual().name("mtaprov-sim-" + profile.mac()).start(() -> f.complete(run()));
        return f;
    }

    /** Where the MTA's agent listens, once it got its address. */
    public Optional<InetSocketAddress> agentAddress() {
        VirtualThreadUdpTransport t = transport;
        return t == null ? Optional.empty() : Optional.of(t.socketAddress());
    }

    /** pktcMtaDevProvisioningState now (inProgress before the file). */
    public ProvisioningState state() {
        MtaMib m = mib;
        return m == null ? ProvisioningState.IN_PROGRESS : m.state();
    }

    /**
     * Runs the whole sequence and returns its result; never throws for a failed step.
     *
     * @throws IllegalStateException if called a second time
     */
    public MtaRunResult run() {
        if (!ran.compareAndSet(false, true)) {
            throw new IllegalStateException("an MTA runs once; make a new SimulatedMta");
        }
        RunTimeline tl = new RunTimeline();
        DhcpLease lease = null;
        try {
            InetAddress mps;
            try (DhcpClient dhcp = new DhcpClient(profile, settings, trace)) {
                tl.begin(DEVICE_ACTION_REQUEST);
                DhcpMessage offer = dhcp.discover();
                tl.end(true);
                tl.begin(DHCP_OPTIONS_TRANSFER);
                lease = DhcpLease.of(dhcp.request(offer));
                checkFlow(lease);
                mps = lease.flow() == Flow.BASIC_1 ? null : provisioningServer(lease);
                tl.end(true);
            }
            Flow flow = lease.flow();
            if (profile.faults().vanishAfterDhcp()) {
                trace.note(DHCP_OPTIONS_TRANSFER, "vanished after DHCP (fault injection)", "", Outcome.WARNING);
                return result(tl, lease, ProvisioningState.IN_PROGRESS, flow.isBasic() ? CONFIG_FILE_REQUEST
                        : ENROLLMENT_REQUEST, "vanished after DHCP (fault injection)", List.of());
            }
            startAgent(lease, tl);
            if (flow == Flow.SECURE) {
                tl.begin(SNMPV3_SECURITY);
                runSecure(lease, mps);
                hub.install(usmKeys);
                agent.usmUser(usmKeys.user());
                tl.end(true);
            }
            ConfigLocation location;
            byte[] setHash = new byte[0];
            if (flow.isBasic()) {
                location = basicLocation(lease);
            } else {
                tl.begin(ENROLLMENT_REQUEST);
                long acked = enroll(mps);
                tl.endAt(acked, true);
                jumpClock();
                trace.note(ENROLLMENT_REQUEST, "enrollment INFORM acknowledged; waiting for the SET", "", Outcome.OK);
                tl.beginAt(CONFIG_FILE_LOCATION, acked);
                SetEvent set = awaitSet();
                tl.endAt(set.at(), true);
                location = ConfigLocation.parse(set.url());
                setHash = set.hash();
            }
            return configure(tl, lease, mps, location, setHash);
        } catch (StepFailure f) {
            ProvisioningStep step = tl.current() != null ? tl.current() : f.step;
            tl.end(false);
            trace.note(step, "failed: " + f.getMessage(), "", Outcome.FAILED);
            return result(tl, lease, f.state, step, f.getMessage(), List.of());
        } catch (IOException | RuntimeException e) {
            ProvisioningStep step = tl.current() != null ? tl.current() : DEVICE_ACTION_REQUEST;
            tl.end(false);
            trace.note(step, "internal error: " + e, "", Outcome.FAILED);
            return result(tl, lease, ProvisioningState.FAILURE_INTERNAL_ERROR, step, e.toString(), List.of());
        } finally {
            if (dnsClient != null) {
                dnsClient.close();
            }
        }
    }

    /** Steps 8, 9 and 10. */
    private MtaRunResult configure(RunTimeline tl, DhcpLease lease, InetAddress mps, ConfigLocation location,
            byte[] setHash) throws StepFailure, IOException {
        tl.begin(CONFIG_FILE_REQUEST);
        InetAddress tftp = location.literal() ? InetAddress.getByName(location.host()) : resolve(lease, location.host(),
                CONFIG_FILE_REQUEST);
        tl.end(true);
        tl.begin(CONFIG_FILE_DOWNLOAD);
        byte[] bytes;
        InetSocketAddress server = new InetSocketAddress(tftp, location.port());
        try {
            trace.sent(CONFIG_FILE_REQUEST, server, "RRQ " + location.file(), location.toString());
            bytes = profile.faults().tftpTimeout()
                    ? ConfigFetcher.fetchLosingReplies(lease.address().toInetAddress(), server, location.file(),
                            settings.tftpTimeout(), settings.tftpRetries())
                    : ConfigFetcher.fetch(lease.address().toInetAddress(), tftp, location.port(), location.file(),
                            settings.tftpTimeout(), settings.tftpRetries());
        } catch (IOException e) {
            return downloadFailed(tl, lease, mps, "TFTP " + location + " failed: " + e.getMessage());
        }
        trace.received(CONFIG_FILE_DOWNLOAD, server, "file " + location.file() + ": " + bytes.length + " bytes", "");
        if (profile.faults().corruptFile() && bytes.length > 0) {
            bytes[bytes.length / 2] ^= 0x5A;
        }
        ConfigApplier.Verdict v = ConfigApplier.apply(bytes, lease.flow(), setHash, profile.mibTree(), profile.faults());
        mib.apply(v.accepted());
        mib.errorRows(v.rows());
        mib.state(v.state());
        tl.end(v.state().passed());
        byte[] applied = bytes;
        trace.note(CONFIG_FILE_DOWNLOAD, "configuration " + v.state() + (v.reason().isEmpty() ? "" : ": " + v.reason()),
                () -> "SHA-1 " + HexFormat.of().formatHex(io.mtaprov.protocol.config.ConfigHash.sha1(applied)),
                v.state().passed() ? (v.rows().isEmpty() ? Outcome.OK : Outcome.WARNING) : Outcome.FAILED);
        List<String> rows = v.rows().stream().map(r -> r.oid() + " " + r.reason()).toList();
        ProvisioningStep failed = v.state().passed() ? null : CONFIG_FILE_DOWNLOAD;
        String reason = v.state().passed() ? "" : v.reason();
        if (lease.flow().sendsStatusInform()) {
            tl.begin(PROVISIONING_STATUS);
            try {
                tl.endAt(inform(Notifications::status, mps, PROVISIONING_STATUS, "status " + v.state()), true);
            } catch (StepFailure f) {
                tl.end(false);
                if (failed == null) {
                    failed = PROVISIONING_STATUS;
                    reason = f.getMessage();
                }
            }
        }
        return result(tl, lease, v.state(), failed, reason, rows);
    }

    /**
     * Step 9 failed before there was a file: pktcMtaDevProvisioningState becomes failConfigFileError
     * and, in the flows that send it, the status INFORM says so (PKT-SP-PROV1.5 MTA-25).
     */
    private MtaRunResult downloadFailed(RunTimeline tl, DhcpLease lease, InetAddress mps, String reason) {
        tl.end(false);
        mib.state(ProvisioningState.FAIL_CONFIG_FILE_ERROR);
        trace.note(CONFIG_FILE_DOWNLOAD, "failed: " + reason, "", Outcome.FAILED);
        if (lease.flow().sendsStatusInform()) {
            tl.begin(PROVISIONING_STATUS);
            try {
                tl.endAt(inform(Notifications::status, mps, PROVISIONING_STATUS, "status "
                        + ProvisioningState.FAIL_CONFIG_FILE_ERROR), true);
            } catch (StepFailure f) {
                tl.end(false);
            }
        }
        return result(tl, lease, ProvisioningState.FAIL_CONFIG_FILE_ERROR, CONFIG_FILE_DOWNLOAD, reason, List.of());
    }

    /** Step 4 with the INFORM-loss faults applied to the enrollment INFORM only. */
    private long enroll(InetAddress mps) throws StepFailure {
        Faults f = profile.faults();
        VirtualThreadUdpTransport t = transport;
        InetSocketAddress to = new InetSocketAddress(mps, settings.mpsPort());
        if (f.lostInforms() > 0 || f.lostInformResponses() > 0) {
            t.lose(to, f.lostInforms(), f.lostInformResponses());
            trace.note(ENROLLMENT_REQUEST, "losing " + count(f.lostInforms()) + " enrollment INFORM(s) and "
                    + count(f.lostInformResponses()) + " response(s) (fault injection)", "", Outcome.WARNING);
        }
        try {
            return inform(Notifications::enrollment, mps, ENROLLMENT_REQUEST, "enrollment");
        } finally {
            t.lose(null, 0, 0);
        }
    }

    private static String count(int n) {
        return n == Integer.MAX_VALUE ? "every" : Integer.toString(n);
    }

    /** The clock-jump fault: sysUpTime leaps once the MTA has enrolled. */
    private void jumpClock() {
        java.time.Duration jump = profile.faults().clockJump();
        if (!jump.isZero()) {
            long before = mib.upTime().getValue();
            mib.jumpClock(jump);
            trace.note(ENROLLMENT_REQUEST, "sysUpTime jumped from " + before + " to " + mib.upTime().getValue()
                    + " hundredths (fault injection: clock jump of " + jump + ")", "", Outcome.WARNING);
        }
    }

    private void checkFlow(DhcpLease lease) throws StepFailure {
        Flow flow = lease.flow();
        if (profile.expectedFlow() != null && profile.expectedFlow() != flow) {
            throw new StepFailure(DHCP_OPTIONS_TRANSFER, "realm " + lease.realm() + " selects " + flow.realmName()
                    + ", expected " + profile.expectedFlow().realmName());
        }
        if (!profile.flows().contains(flow)) {
            throw new StepFailure(DHCP_OPTIONS_TRANSFER, "realm " + lease.realm() + " selects " + flow.realmName()
                    + ", which this MTA does not support " + profile.flows());
        }
    }

    private InetAddress provisioningServer(DhcpLease lease) throws StepFailure, IOException {
        ProvisioningServer ps = lease.provisioningServer();
        if (ps instanceof ProvisioningServer.Address a) {
            return a.address().toInetAddress();
        }
        return resolve(lease, ((ProvisioningServer.Fqdn) ps).name(), DHCP_OPTIONS_TRANSFER);
    }

    /** A name in DNS: the server of option 6 (or the settings' override). */
    private InetAddress resolve(DhcpLease lease, String name, ProvisioningStep step) throws StepFailure {
        InetSocketAddress dns = settings.dnsServer();
        if (dns == null) {
            if (lease.dnsServers().isEmpty()) {
                throw new StepFailure(step, "cannot resolve " + name + ": the ACK has no DNS server (option 6)");
            }
            dns = new InetSocketAddress(lease.dnsServers().get(0).toInetAddress(), settings.dnsPort());
        }
        try {
            InetAddress a = resolver(dns, lease).resolveA(name);
            trace.received(step, dns, "DNS A " + name + " = " + a.getHostAddress(), "");
            return a;
        } catch (IOException e) {
            throw new StepFailure(step, ProvisioningState.FAIL_OTHER_REASON, "DNS " + name + " at " + dns
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** The run's resolver: one socket on the MTA's address for all its lookups. */
    private DnsClient resolver(InetSocketAddress server, DhcpLease lease) throws IOException {
        if (dnsClient == null || !dnsClient.server().equals(server)) {
            if (dnsClient != null) {
                dnsClient.close();
            }
            dnsClient = new DnsClient(server, settings.dnsTimeout(), lease.address().toInetAddress());
        }
        return dnsClient;
    }

    private void startAgent(DhcpLease lease, RunTimeline tl) throws StepFailure {
        MtaMib m = new MtaMib(profile, MtaDhcpOptions.vendorClass(profile).text());
        MtaAgent agent = new MtaAgent(m, settings.community(), profile.faults().droppedSets(), trace);
        this.agent = agent;
        agent.listener((url, hash, at) -> setArrived.complete(new SetEvent(url, hash, at)));
        mib = m;
        try {
            transport = hub.open(lease.address().toInetAddress(), settings.mtaSnmpPort(), agent);
        } catch (IOException e) {
            throw new StepFailure(lease.flow().isBasic() ? CONFIG_FILE_REQUEST : ENROLLMENT_REQUEST,
                    ProvisioningState.FAILURE_INTERNAL_ERROR, e.getMessage(), e);
        }
    }

    private void runSecure(DhcpLease lease, InetAddress mps) throws StepFailure {
        try {
            List<InetAddress> kdcs = new java.util.ArrayList<>();
            for (var k : lease.kdcs()) {
                kdcs.add(k.toInetAddress());
            }
            usmKeys = secure.establish(new SecureFlowSteps.Context(profile, lease.realm(), lease.fqdn(),
                    lease.address().toInetAddress(), mps, kdcs, lease.useTgs(), hub.engineId(), hub.engineBoots(),
                    hub.engineTime(), (sent, peer, summary, detail, outcome) -> trace.publish(SNMPV3_SECURITY,
                            sent ? io.mtaprov.core.model.Direction.IN : io.mtaprov.core.model.Direction.OUT, peer,
                            summary, detail, outcome)));
        } catch (Exception e) {
            throw new StepFailure(SNMPV3_SECURITY, ProvisioningState.FAIL_OTHER_REASON, e.getMessage(), e);
        }
    }

    /** The SNMPv3 keys of step 3 (Secure flow), once established. */
    public Optional<io.mtaprov.sim.secure.MtaUsmKeys> usmKeys() {
        return Optional.ofNullable(usmKeys);
    }

    private ConfigLocation basicLocation(DhcpLease lease) throws StepFailure {
        if (lease.bootFile().isEmpty() || lease.nextServer().bits() == 0) {
            throw new StepFailure(CONFIG_FILE_REQUEST, "Basic flow: the ACK names no file (siaddr "
                    + lease.nextServer() + ", file '" + lease.bootFile() + "')");
        }
        return new ConfigLocation(lease.nextServer().toString(), settings.basicTftpPort(), lease.bootFile());
    }

    private SetEvent awaitSet() throws StepFailure {
        try {
            return setArrived.get(settings.setWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StepFailure(CONFIG_FILE_LOCATION, "no SET of pktcMtaDevConfigFile within "
                    + settings.setWait().toMillis() + " ms after enrollment");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(CONFIG_FILE_LOCATION, ProvisioningState.FAIL_OTHER_REASON, "interrupted", e);
        } catch (java.util.concurrent.CancellationException e) {
            throw new StepFailure(CONFIG_FILE_LOCATION, ProvisioningState.FAIL_OTHER_REASON,
                    "the MTA was closed while it waited for the SET", e);
        } catch (ExecutionException e) {
            throw new StepFailure(CONFIG_FILE_LOCATION, ProvisioningState.FAILURE_INTERNAL_ERROR, e.toString(), e);
        }
    }

    /** Sends an INFORM and waits for its response; returns when it arrived. */
    private long inform(java.util.function.Function<MtaMib, org.snmp4j.PDU> pdu, InetAddress mps,
            ProvisioningStep step, String what) throws StepFailure {
        InetSocketAddress to = new InetSocketAddress(mps, settings.mpsPort());
        return new InformSender(hub, transport, settings, trace, usmKeys).send(() -> pdu.apply(mib), to, step, what,
                profile.faults().duplicateInform());
    }

    private MtaRunResult result(RunTimeline tl, DhcpLease lease, ProvisioningState state, ProvisioningStep failed,
            String reason, List<String> rows) {
        return new MtaRunResult(profile.mac(), lease == null ? "" : lease.address().toString(),
                lease == null ? null : lease.flow(), tl.started, tl.elapsed(), tl.steps(), state, failed, reason, rows);
    }

    /** Stops the agent and releases its address, ending a run that waits for its SET; idempotent. */
    @Override
    public void close() {
        setArrived.cancel(false);
        VirtualThreadUdpTransport t = transport;
        if (t != null) {
            hub.release(t);
        }
        if (ownHub) {
            try {
                hub.close();
            } catch (IOException e) {
                trace.note(PROVISIONING_STATUS, "closing the SNMP session failed", e.toString(), Outcome.WARNING);
            }
        }
    }
}
