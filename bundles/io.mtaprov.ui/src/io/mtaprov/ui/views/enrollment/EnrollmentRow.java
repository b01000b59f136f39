package io.mtaprov.ui.views.enrollment;

import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.provisioning.ProvisioningState;
import java.time.Duration;
import java.time.Instant;

/**
 * One MTA as the Enrollment view lists it: identity (from its lease and enrollment), its latest
 * attempt (from its trace events and the provisioning server's session). An immutable snapshot,
 * computed off the UI thread by {@link RowFold}; texts are "" when unknown, times null.
 *
 * @param mac           lower-case colon hex, the row's key
 * @param ip            leased address
 * @param fqdn          the name DNS registered for it
 * @param vendorModel   vendor and model from sysDescr of the enrollment INFORM
 * @param deviceType    the option 60 prefix (e.g. "pktc1.5") or the lease's client class
 * @param flow          the flow's realm name, e.g. "HYBRID.2"
 * @param session       the provisioning server's state of the attempt, null when not known
 * @param status        the status the MTA reported in step 10 (e.g. "pass"), ""
 * @param step          the current step (or the failed one), null before any trace
 * @param failed        whether the attempt failed (at {@code step})
 * @param reason        why it failed, ""
 * @param attemptStart  first message of the latest attempt
 * @param lastChange    newest message or state change
 * @param provisionedAt when the attempt completed, null while not complete
 * @param fileName      the latest generated config file's name, ""
 * @param maxStep       highest step number seen in the attempt (0 for none)
 */
public record EnrollmentRow(String mac, String ip, String fqdn, String vendorModel, String deviceType, String flow,
        ProvisioningState session, String status, ProvisioningStep step, boolean failed, String reason,
        Instant attemptStart, Instant lastChange, Instant provisionedAt, String fileName, int maxStep) {

    /** A row that knows only the MAC. */
    public static EnrollmentRow of(String mac) {
        return new EnrollmentRow(mac, "", "", "", "", "", null, "", null, false, "", null, null, null, "", 0);
    }

    /** FAILED, the session's state (with the reported status), COMPLETE, IN PROGRESS or LEASED. */
    public String state() {
        if (failed) {
            return "FAILED";
        }
        if (session != null) {
            return status.isEmpty() ? session.name() : session.name() + " / " + status;
        }
        if (provisionedAt != null) {
            return "COMPLETE";
        }
        return step != null ? "IN PROGRESS" : "LEASED";
    }

    /** "7 Configuration File Location", "" before any trace. */
    public String stepText() {
        return step == null ? "" : step.toString();
    }

    /** Start of the attempt to its completion, null while not complete. */
    public Duration timeToProvision() {
        return provisionedAt == null || attemptStart == null ? null : Duration.between(attemptStart, provisionedAt);
    }
}
