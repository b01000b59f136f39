package io.mtaprov.core.provisioning;

/**
 * A config file entry the MTA rejected, read from pktcMtaDevErrorOidsTable after a
 * passWithWarnings/passWithIncompleteParsing status (step 10). Immutable.
 *
 * @param line   1-based line of the generated text form, 0 when the OID is not in the file
 * @param oid    the rejected object as the MTA reported it (pktcMtaDevErrorOid)
 * @param text   the line of the file, "" when unknown
 * @param reason pktcMtaDevErrorReason (and IETF pktcMtaDevErrorValue), "" when not given
 */
public record RejectedLine(int line, String oid, String text, String reason) {
}
