package io.mtaprov.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One traced exchange or decision of a server, the unit the Provisioning Trace view shows and the
 * store persists. Immutable; safe to pass between threads.
 *
 * @param time      when it happened
 * @param mtaMac    the MTA's MAC as lower-case colon hex, or "" when not (yet) known
 * @param step      the provisioning step it belongs to
 * @param source    the lifeline that observed it: "dhcp", "dns", "kdc", "mps", "tftp", "sim"
 * @param direction which way the message went
 * @param peer      the remote address and port, or ""
 * @param summary   one line for the table
 * @param detail    decoded fields or the reason of a failure, may be ""
 * @param outcome   how it ended
 */
public record TraceEvent(Instant time, String mtaMac, ProvisioningStep step, String source, Direction direction,
        String peer, String summary, String detail, Outcome outcome) {

    public TraceEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(outcome, "outcome");
        mtaMac = mtaMac == null ? "" : mtaMac;
        source = source == null ? "" : source;
        peer = peer == null ? "" : peer;
        summary = summary == null ? "" : summary;
        detail = detail == null ? "" : detail;
    }
}
