package io.mtaprov.core.provisioning;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.TraceBus;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MTA's provisioning attempt: the state machine of {@link ProvisioningState}. Every transition
 * is checked against the allowed ones and published on the TraceBus (source "mps", the step of the
 * state, and the reason of a failure); a transition that is not allowed (a late answer for an
 * attempt that already ended) is refused and returns false.
 * <p>
 * Threading: all methods are synchronized on the session; callbacks of SNMP answers, timers and
 * INFORMs may call them from any thread.
 */
public final class ProvisioningSession {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningSession.class);
    /** The source name on the trace (DESIGN.md lifelines). */
    public static final String SOURCE = "mps";

    private final long id;
    private final Enrollment enrollment;
    private final TraceBus trace;
    private final Clock clock;
    private final Instant started;
    private final Map<ProvisioningState, Instant> entered = new EnumMap<>(ProvisioningState.class);
    private ProvisioningState state;
    private String reason = "";
    private String fileName = "";
    private int setTries;
    private ProvisioningStatus status;
    private Instant ended;

    /** A session in its first state (SECURING for the Secure flow, ENROLLED otherwise), not yet traced. */
    public ProvisioningSession(long id, Enrollment enrollment, ProvisioningState first, TraceBus trace, Clock clock) {
        this.id = id;
        this.enrollment = enrollment;
        this.trace = trace;
        this.clock = clock;
        this.state = first;
        this.started = clock.instant();
        entered.put(first, started);
    }

    public long id() {
        return id;
    }

    public Enrollment enrollment() {
        return enrollment;
    }

    public synchronized ProvisioningState state() {
        return state;
    }

    public synchronized boolean isTerminal() {
        return state.isTerminal();
    }

    /**
     * Moves to {@code next} and traces it with outcome OK (INFO for a repeated state).
     *
     * @return false, and nothing traced, if the transition is not allowed from the current state
     */
    public synchronized boolean moveTo(ProvisioningState next, Direction direction, String summary, String detail) {
        return moveTo(next, next.isTerminal() ? completionStep() : next.step(), direction, summary, detail);
    }

    /**
     * Moves to {@code next}, traced in {@code step} (the step the triggering message belongs to, e.g.
     * the SET's answer of step 7 that moves the attempt on to wait for the download).
     */
    public synchronized boolean moveTo(ProvisioningState next, ProvisioningStep step, Direction direction,
            String summary, String detail) {
        if (!state.canMoveTo(next)) {
            LOG.debug("attempt {} of {}: {} -> {} refused", id, enrollment.mac(), state, next);
            return false;
        }
        Outcome outcome = next == state ? Outcome.INFO : Outcome.OK;
        enter(next);
        publish(step, direction, summary, detail, outcome);
        return true;
    }

    /** Ends the attempt as FAILED in the current step with a reason for the trace view. */
    public synchronized boolean fail(Direction direction, String summary, String why) {
        if (state.isTerminal()) {
            return false;
        }
        ProvisioningStep step = state.step();
        reason = why;
        enter(ProvisioningState.FAILED);
        publish(step, direction, summary, why, Outcome.FAILED);
        return true;
    }

    /** Ends a running attempt because the same MTA enrolled again (it rebooted). */
    public synchronized boolean supersede(long newCorrelationId) {
        if (state.isTerminal()) {
            return false;
        }
        ProvisioningStep step = state.step();
        reason = "superseded in " + state + " by a new enrollment with correlation id " + newCorrelationId
                + " (the MTA rebooted)";
        enter(ProvisioningState.SUPERSEDED);
        publish(step, Direction.IN, "attempt " + id + " superseded", reason, Outcome.WARNING);
        return true;
    }

    /** Traces a note in the current step without a transition. */
    public void note(Direction direction, String summary, String detail, Outcome outcome) {
        ProvisioningStep step;
        synchronized (this) {
            step = state.isTerminal() ? completionStep() : state.step();
        }
        publish(step, direction, summary, detail, outcome);
    }

    /** Traces a note in the given step (e.g. 5a/5b/5c details while GENERATING). */
    public void note(ProvisioningStep step, Direction direction, String summary, String detail, Outcome outcome) {
        publish(step, direction, summary, detail, outcome);
    }

    public synchronized void fileStored(String name) {
        this.fileName = name;
    }

    public synchronized String fileName() {
        return fileName;
    }

    /** Counts one SET PDU sent; returns the count including it. */
    public synchronized int countSetTry() {
        return ++setTries;
    }

    public synchronized void statusReported(ProvisioningStatus s) {
        this.status = s;
    }

    public synchronized SessionSnapshot snapshot() {
        return new SessionSnapshot(id, enrollment, state, reason, fileName, setTries, status, started, ended, entered);
    }

    private ProvisioningStep completionStep() {
        return enrollment.flow().sendsStatusInform() ? ProvisioningStep.PROVISIONING_STATUS
                : ProvisioningStep.CONFIG_FILE_DOWNLOAD;
    }

    private void enter(ProvisioningState next) {
        Instant now = clock.instant();
        state = next;
        entered.putIfAbsent(next, now);
        if (next.isTerminal()) {
            ended = now;
        }
    }

    private void publish(ProvisioningStep step, Direction direction, String summary, String detail, Outcome outcome) {
        trace.publish(new TraceEvent(clock.instant(), enrollment.mac(), step, SOURCE, direction, enrollment.ip(),
                summary, detail, outcome));
    }
}
