package io.mtaprov.sim;

import io.mtaprov.core.model.Flow;
import io.mtaprov.core.model.ProvisioningStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one provisioning run of a {@link SimulatedMta}. Immutable.
 *
 * @param mac           the MTA's MAC, lower-case colon hex
 * @param ip            the leased address (yiaddr), or "" if DHCP did not complete
 * @param flow          the flow chosen by the realm of option 122, or {@code null} if DHCP did not complete
 * @param started       when the run began
 * @param totalNs       duration of the whole run in nanoseconds
 * @param steps         per-step timing in the order the steps ran
 * @param finalState    pktcMtaDevProvisioningState at the end (IN_PROGRESS when the MTA vanished,
 *                      FAIL_OTHER_REASON when it failed before the file)
 * @param failureStep   the step that failed, or {@code null} on success
 * @param failureReason why, in words, or ""
 * @param errorOids     the rows the MTA put in pktcMtaDevErrorOidsTable (rejected objects), in order
 */
public record MtaRunResult(String mac, String ip, Flow flow, Instant started, long totalNs, List<StepTiming> steps,
        ProvisioningState finalState, ProvisioningStep failureStep, String failureReason, List<String> errorOids) {

    public MtaRunResult {
        steps = List.copyOf(steps);
        errorOids = List.copyOf(errorOids);
        failureReason = failureReason == null ? "" : failureReason;
        ip = ip == null ? "" : ip;
    }

    /** Whether the MTA got through every step of its flow and accepted its configuration. */
    public boolean completed() {
        return failureStep == null && finalState.passed();
    }

    /** The whole run's duration. */
    public Duration total() {
        return Duration.ofNanos(totalNs);
    }

    /** The timing of a step, if it ran. */
    public Optional<StepTiming> step(ProvisioningStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }

    @Override
    public String toString() {
        return "MtaRunResult[" + mac + " " + ip + " " + flow + " " + finalState
                + (failureStep == null ? "" : " failed at " + failureStep + ": " + failureReason) + " in "
                + totalNs / 1_000_000.0 + " ms " + steps + "]";
    }
}
