package io.mtaprov.core.provisioning;

import java.time.Instant;
import java.util.List;

/**
 * The stored record of an ended provisioning attempt. Immutable.
 *
 * @param mac           the MTA
 * @param correlationId of its enrollment (0 for Basic)
 * @param flow          the flow's realm name, e.g. "HYBRID.2"
 * @param state         the terminal state
 * @param reason        why it failed or was superseded, else ""
 * @param fileName      the generated file, "" if none was stored
 * @param status        the status INFORM's value, null when none arrived
 * @param started       start of the attempt
 * @param ended         its end
 * @param rejected      the lines the MTA rejected (step 10 with warnings)
 */
public record ProvisioningResult(String mac, long correlationId, String flow, ProvisioningState state, String reason,
        String fileName, ProvisioningStatus status, Instant started, Instant ended, List<RejectedLine> rejected) {

    public ProvisioningResult {
        rejected = List.copyOf(rejected);
    }
}
