package io.mtaprov.sim;

import io.mtaprov.core.model.ProvisioningStep;
import java.time.Duration;

/**
 * When one step of a run began and ended, as nanoseconds since the run began, and whether it
 * succeeded. For steps done by the servers (5, 6, 7) the MTA measures the wait: step 7 runs from
 * the enrollment response to the arrival of the SET.
 *
 * @param step    the step
 * @param startNs start, nanoseconds after the run began
 * @param endNs   end, nanoseconds after the run began
 * @param ok      whether the step succeeded
 */
public record StepTiming(ProvisioningStep step, long startNs, long endNs, boolean ok) {

    /** How long the step took. */
    public Duration duration() {
        return Duration.ofNanos(endNs - startNs);
    }

    @Override
    public String toString() {
        return step.number() + " " + (ok ? "ok" : "FAILED") + " +" + startNs / 1_000_000.0 + " ms, "
                + (endNs - startNs) / 1_000_000.0 + " ms";
    }
}
