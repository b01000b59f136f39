package io.mtaprov.ui.views.enrollment;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.provisioning.ProvisioningActions;
import io.mtaprov.core.provisioning.SessionSnapshot;
import io.mtaprov.core.trace.TraceStore;
import io.mtaprov.ui.internal.Messages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Every MTA's {@link EnrollmentRow}, keyed by MAC. Inputs (trace events, leases, session snapshots)
 * are queued from any thread with {@link #offer} and folded by one worker Job, never on the UI
 * thread; each run hands the rows it changed to the listener (on the worker's thread). The history
 * is read in {@link #load}; live inputs that arrive meanwhile wait in the queue and are folded after
 * it. Thread-safe.
 */
public final class EnrollmentModel {
    static final int HISTORY_MACS_PER_PAGE = 1_000;
    static final int HISTORY_EVENTS_PER_MTA = 200;
    static final int MAX_LEASES = 1_000_000;
    private static final String MPS = "mps";

    private final ConcurrentHashMap<String, EnrollmentRow> rows = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<List<EnrollmentRow>> listener;
    private final Supplier<Optional<ProvisioningActions>> actions;
    private final Job worker;
    private volatile boolean ready;

    /** @param listener receives changed rows on the worker thread; must not block */
    public EnrollmentModel(Consumer<List<EnrollmentRow>> listener, Supplier<Optional<ProvisioningActions>> actions) {
        this.listener = listener;
        this.actions = actions;
        this.worker = Job.create(Messages.Enrollment_updateJob, this::drain);
        worker.setSystem(true);
    }

    /** Any thread: trace events, {@link Lease}s or {@link SessionSnapshot}s to fold. */
    public void offer(Collection<?> items) {
        inbox.addAll(items);
        if (ready && scheduled.compareAndSet(false, true)) {
            worker.schedule();
        }
    }

    /** A copy of all rows, any order. Any thread. */
    public List<EnrollmentRow> rows() {
        return new ArrayList<>(rows.values());
    }

    public Optional<EnrollmentRow> row(String mac) {
        return Optional.ofNullable(rows.get(mac));
    }

    public int size() {
        return rows.size();
    }

    /** Forgets these MTAs (tests remove their synthetic rows). The listener gets nothing. */
    public void remove(Collection<String> macs) {
        macs.forEach(rows::remove);
    }

    /** Schedules the history load (leases, stored trace per MTA, sessions); live folding starts after it. */
    public Job load(Supplier<Optional<TraceStore>> store, Supplier<Optional<LeaseLookup>> leases) {
        Job job = Job.create(Messages.Enrollment_loadJob, monitor -> {
            Map<String, EnrollmentRow> changed = new LinkedHashMap<>();
            try {
                leases.get().ifPresent(l -> l.active(MAX_LEASES).forEach(x -> fold(x, changed)));
                store.get().ifPresent(s -> loadTrace(s, changed, monitor));
                actions.get().ifPresent(a -> a.sessions().forEach(x -> fold(x, changed)));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                return Status.warning(Messages.Enrollment_loadFailed, e);
            } finally {
                ready = true;
                listener.accept(List.copyOf(changed.values()));
                scheduled.set(true);
                worker.schedule();
            }
        });
        job.setSystem(true);
        job.schedule();
        return job;
    }

    private void loadTrace(TraceStore s, Map<String, EnrollmentRow> changed, IProgressMonitor monitor) {
        String after = "";
        while (!monitor.isCanceled()) {
            List<TraceEvent> page = s.latestPerMta(after, HISTORY_MACS_PER_PAGE, HISTORY_EVENTS_PER_MTA);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(e -> fold(e, changed));
            after = page.get(page.size() - 1).mtaMac();
        }
    }

    private IStatus drain(IProgressMonitor monitor) {
        scheduled.set(false);
        Map<String, EnrollmentRow> changed = new LinkedHashMap<>();
        boolean askSessions = false;
        Object o;
        while ((o = inbox.poll()) != null) {
            fold(o, changed);
            askSessions |= o instanceof TraceEvent e && MPS.equals(e.source());
        }
        if (askSessions) {
            try {
                actions.get().ifPresent(a -> a.sessions().forEach(x -> fold(x, changed)));
            } catch (RuntimeException e) {
                return Status.warning(Messages.Enrollment_loadFailed, e);
            }
        }
        if (!changed.isEmpty()) {
            listener.accept(List.copyOf(changed.values()));
        }
        return Status.OK_STATUS;
    }

    private void fold(Object o, Map<String, EnrollmentRow> changed) {
        String mac;
        EnrollmentRow next;
        if (o instanceof TraceEvent e && !e.mtaMac().isEmpty()) {
            mac = e.mtaMac();
            next = RowFold.apply(rows.get(mac), e);
        } else if (o instanceof Lease l && (rows.containsKey(l.mac()) || "pktc".equals(l.clientClass()))) {
            mac = l.mac();
            next = RowFold.apply(rows.get(mac), l);
        } else if (o instanceof SessionSnapshot s) {
            mac = s.mac();
            next = RowFold.apply(rows.get(mac), s);
        } else {
            return;
        }
        if (rows.put(mac, next) != next) {
            changed.put(mac, next);
        }
    }
}
