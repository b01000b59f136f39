package io.mtaprov.core.provisioning;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Flow;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.trace.TraceBus;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provisioning attempts of all MTAs, one current attempt per MAC. {@link #admit} applies the
 * enrollment rules: one attempt per correlation id (a repeated INFORM with the same id, e.g. a
 * retransmission, is ignored and traced as such), and a new correlation id of the same MAC (the MTA
 * rebooted) supersedes a running attempt. Ended attempts are kept in a bounded history.
 * Thread-safe.
 */
public final class ProvisioningSessions {
    static final int HISTORY = 512;

    /** What {@link #admit} decided. @param session the new attempt, or the existing one for a duplicate */
    public record Admission(ProvisioningSession session, boolean duplicate, Optional<ProvisioningSession> superseded) {
    }

    private final TraceBus trace;
    private final Clock clock;
    private final Map<String, ProvisioningSession> current = new HashMap<>();
    private final Deque<ProvisioningSession> history = new ArrayDeque<>();
    private long nextId = 1;

    public ProvisioningSessions(TraceBus trace, Clock clock) {
        this.trace = trace;
        this.clock = clock;
    }

    /** Starts an attempt for an enrollment unless it repeats the current attempt's correlation id. */
    public Admission admit(Enrollment e) {
        ProvisioningSession old;
        ProvisioningSession s;
        synchronized (this) {
            old = current.get(e.mac());
            if (old != null && !e.flow().isBasic() && old.enrollment().correlationId() == e.correlationId()) {
                old.note(Direction.IN, "enrollment INFORM repeated (correlation id " + e.correlationId() + ")",
                        "answered and ignored: attempt " + old.id() + " already handles this boot of the MTA",
                        Outcome.INFO);
                return new Admission(old, true, Optional.empty());
            }
            s = create(e, e.flow() == Flow.SECURE ? ProvisioningState.SECURING : ProvisioningState.ENROLLED);
        }
        boolean superseded = old != null && old.supersede(e.correlationId());
        return new Admission(s, false, superseded ? Optional.of(old) : Optional.empty());
    }

    /**
     * A new attempt that starts in {@code first} without the correlation-id rule: an operator's
     * re-provisioning (from UPLOADED or ENROLLED) or a Basic-flow file request of the DHCP server
     * (from GENERATING). Supersedes a running attempt of the MAC.
     */
    public ProvisioningSession restart(Enrollment e, ProvisioningState first) {
        ProvisioningSession old;
        ProvisioningSession s;
        synchronized (this) {
            old = current.get(e.mac());
            s = create(e, first);
        }
        if (old != null) {
            old.supersede(e.correlationId());
        }
        return s;
    }

    public synchronized Optional<ProvisioningSession> current(String mac) {
        return Optional.ofNullable(current.get(mac));
    }

    /** The current attempt of every MTA. */
    public synchronized List<SessionSnapshot> snapshots() {
        return current.values().stream().map(ProvisioningSession::snapshot).toList();
    }

    /** Attempts replaced by a newer one, newest first, at most {@value #HISTORY}. */
    public synchronized List<SessionSnapshot> history() {
        List<SessionSnapshot> out = new ArrayList<>(history.size());
        history.forEach(s -> out.add(s.snapshot()));
        return out;
    }

    private ProvisioningSession create(Enrollment e, ProvisioningState first) {
        ProvisioningSession s = new ProvisioningSession(nextId++, e, first, trace, clock);
        ProvisioningSession replaced = current.put(e.mac(), s);
        if (replaced != null) {
            history.addFirst(replaced);
            if (history.size() > HISTORY) {
                history.removeLast();
            }
        }
        return s;
    }
}
