package io.mtaprov.server.dns;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;

/**
 * What the {@link QueryHandler} made of one received message: the bytes to send back (null when
 * the message is dropped unanswered) and what to count and trace. Immutable.
 *
 * @param wire    the response in wire format, or null to send nothing
 * @param kind    which counter it goes to
 * @param step    the provisioning step the question belongs to
 * @param outcome the trace outcome
 * @param summary one short line: question and result
 * @param detail  the answer data or the reason of a rejection
 */
record Response(byte[] wire, Kind kind, ProvisioningStep step, Outcome outcome, String summary, String detail) {

    /** Which server counter an exchange increments. */
    enum Kind {
        /** Answered authoritatively (NOERROR, NODATA, NXDOMAIN). */
        ANSWERED,
        /** Answered with an error (FORMERR, REFUSED, NOTIMP, BADVERS). */
        REJECTED,
        /** Not answered at all (too short, a response, oversized). */
        DROPPED
    }

    /** A message that gets no answer, with the reason for the trace. */
    static Response dropped(String reason, String detail) {
        return new Response(null, Kind.DROPPED, ProvisioningStep.DHCP_OPTIONS_TRANSFER, Outcome.REJECTED,
                "dropped: " + reason, detail);
    }
}
