package io.mtaprov.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One MTA's run through the ten steps, built from its trace events. Immutable: {@link #with(TraceEvent)}
 * returns a new attempt. The first failed step ends the attempt and carries its reason.
 */
public final class ProvisioningAttempt {

    /** What is known of one step: when it was first and last seen and how it ended. */
    public record StepRecord(ProvisioningStep step, Instant first, Instant last, Outcome outcome, String reason) {
        public Duration elapsed() {
            return Duration.between(first, last);
        }
    }

    private final String mtaMac;
    private final Flow flow;
    private final Map<ProvisioningStep, StepRecord> steps;

    public ProvisioningAttempt(String mtaMac, Flow flow) {
        this(mtaMac, flow, new EnumMap<>(ProvisioningStep.class));
    }

    private ProvisioningAttempt(String mtaMac, Flow flow, Map<ProvisioningStep, StepRecord> steps) {
        this.mtaMac = mtaMac;
        this.flow = flow;
        this.steps = steps;
    }

    public String mtaMac() {
        return mtaMac;
    }

    public Flow flow() {
        return flow;
    }

    public Map<ProvisioningStep, StepRecord> steps() {
        return Collections.unmodifiableMap(steps);
    }

    /** This attempt with the event applied to its step. Events of other MTAs are a programming error. */
    public ProvisioningAttempt with(TraceEvent e) {
        if (!e.mtaMac().equals(mtaMac)) {
            throw new IllegalArgumentException("event of " + e.mtaMac() + " applied to attempt of " + mtaMac);
        }
        Map<ProvisioningStep, StepRecord> copy = new EnumMap<>(ProvisioningStep.class);
        copy.putAll(steps);
        StepRecord old = copy.get(e.step());
        Outcome outcome = old == null || e.outcome().compareTo(old.outcome()) > 0 ? e.outcome() : old.outcome();
        String reason = e.outcome().isProblem() && (old == null || !old.outcome().isProblem()) ? e.detail()
                : old == null ? "" : old.reason();
        Instant first = old == null || e.time().isBefore(old.first()) ? e.time() : old.first();
        Instant last = old == null || e.time().isAfter(old.last()) ? e.time() : old.last();
        copy.put(e.step(), new StepRecord(e.step(), first, last, outcome, reason));
        return new ProvisioningAttempt(mtaMac, flow, copy);
    }

    /** The first step (in sequence order) that failed, if any. */
    public Optional<StepRecord> failedStep() {
        return steps.values().stream().filter(r -> r.outcome() == Outcome.FAILED).findFirst();
    }

    /** Complete when step 10 (or, for flows without a status INFORM, step 9) succeeded. */
    public boolean isComplete() {
        ProvisioningStep last = flow.sendsStatusInform() ? ProvisioningStep.PROVISIONING_STATUS
                : ProvisioningStep.CONFIG_FILE_DOWNLOAD;
        StepRecord r = steps.get(last);
        return r != null && r.outcome() == Outcome.OK;
    }

    /** Time from the first to the last event seen, zero for an empty attempt. */
    public Duration elapsed() {
        Instant first = null;
        Instant last = null;
        for (StepRecord r : steps.values()) {
            first = first == null || r.first().isBefore(first) ? r.first() : first;
            last = last == null || r.last().isAfter(last) ? r.last() : last;
        }
        return first == null ? Duration.ZERO : Duration.between(first, last);
    }
}
