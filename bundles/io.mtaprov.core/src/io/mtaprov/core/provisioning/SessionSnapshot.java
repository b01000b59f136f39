package io.mtaprov.core.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An immutable view of one provisioning attempt for views and tests.
 *
 * @param id          the attempt's number (unique per server run)
 * @param enrollment  what started it
 * @param state       its current state
 * @param reason      why it failed or was superseded, "" otherwise
 * @param fileName    the generated file's name once stored (step 6), else ""
 * @param setTries    SET PDUs sent so far (step 7)
 * @param status      the status the MTA reported (step 10), or null before
 * @param started     when it started
 * @param ended       when it reached a terminal state, or null
 * @param entered     when each state was first entered
 */
public record SessionSnapshot(long id, Enrollment enrollment, ProvisioningState state, String reason,
        String fileName, int setTries, ProvisioningStatus status, Instant started, Instant ended,
        Map<ProvisioningState, Instant> entered) {

    public SessionSnapshot {
        entered = Map.copyOf(entered);
    }

    public String mac() {
        return enrollment.mac();
    }

    /** Start to end, or to now while running. */
    public Duration elapsed() {
        return Duration.between(started, ended != null ? ended : Instant.now());
    }
}
