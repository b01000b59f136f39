package io.mtaprov.sim;

import java.time.Duration;
import java.util.List;

/**
 * Fault injection for tests and demos, per MTA. Immutable; start from {@link #NONE} and use the
 * withers. {@link Integer#MAX_VALUE} in a count means "all of them".
 *
 * @param droppedSets         how many SET requests the agent ignores (no response, no action) before
 *                            it answers one: the provisioning server retries step 7, then fails
 * @param wrongHash           the MTA compares the file against a corrupted digest (so the hash never
 *                            matches): step 9 fails, status failConfigFileError
 * @param corruptFile         the MTA flips a byte of the file it downloaded before checking it
 * @param vanishAfterDhcp     the MTA goes silent after the DHCP ACK (no enrollment, no agent, no TFTP)
 * @param duplicateInform     every INFORM (enrollment and status) is sent twice, as two requests
 * @param lostInforms         transmissions of the enrollment INFORM lost on the way to the
 *                            provisioning server (the MTA retries; all lost: step 4 fails)
 * @param lostInformResponses responses to the enrollment INFORM lost on the way back (the server got
 *                            it; the MTA retransmits the same request)
 * @param tftpTimeout         every TFTP packet from the server is lost: the MTA's read request times
 *                            out (steps 8-9), status failConfigFileError
 * @param unknownObjects      dotted OID prefixes of objects this MTA's firmware does not implement:
 *                            their lines in the file are rejected into pktcMtaDevErrorOidsTable,
 *                            status passWithWarnings
 * @param clockJump           once the enrollment INFORM is answered, sysUpTime (the agent's clock)
 *                            jumps by this much; negative jumps back (clamped at 0), zero: none
 */
public record Faults(int droppedSets, boolean wrongHash, boolean corruptFile, boolean vanishAfterDhcp,
        boolean duplicateInform, int lostInforms, int lostInformResponses, boolean tftpTimeout,
        List<String> unknownObjects, Duration clockJump) {
    /** No fault. */
    public static final Faults NONE = new Faults(0, false, false, false, false, 0, 0, false, List.of(), Duration.ZERO);

    /** @throws IllegalArgumentException if a count is negative */
    public Faults {
        if (droppedSets < 0 || lostInforms < 0 || lostInformResponses < 0) {
            throw new IllegalArgumentException("fault counts must be >= 0: droppedSets " + droppedSets
                    + ", lostInforms " + lostInforms + ", lostInformResponses " + lostInformResponses);
        }
        unknownObjects = List.copyOf(unknownObjects);
        clockJump = clockJump == null ? Duration.ZERO : clockJump;
    }

    public Faults withDroppedSets(int n) {
        return new Faults(n, wrongHash, corruptFile, vanishAfterDhcp, duplicateInform, lostInforms,
                lostInformResponses, tftpTimeout, unknownObjects, clockJump);
    }

    public Faults withWrongHash(boolean on) {
        return new Faults(droppedSets, on, corruptFile, vanishAfterDhcp, duplicateInform, lostInforms,
                lostInformResponses, tftpTimeout, unknownObjects, clockJump);
    }

    public Faults withCorruptFile(boolean on) {
        return new Faults(droppedSets, wrongHash, on, vanishAfterDhcp, duplicateInform, lostInforms,
                lostInformResponses, tftpTimeout, unknownObjects, clockJump);
    }

    public Faults withVanishAfterDhcp(boolean on) {
        return new Faults(droppedSets, wrongHash, corruptFile, on, duplicateInform, lostInforms,
                lostInformResponses, tftpTimeout, unknownObjects, clockJump);
    }

    public Faults withDuplicateInform(boolean on) {
        return new Faults(droppedSets, wrongHash, corruptFile, vanishAfterDhcp, on, lostInforms,
                lostInformResponses, tftpTimeout, unknownObjects, clockJump);
    }

    public Faults withLostInforms(int n) {
        return new Faults(droppedSets, wrongHash, corruptFile, vanishAfterDhcp, duplicateInform, n,
                lostInformResponses, tftpTimeout, unknownObjects, clockJump);
    }

    public Faults withLostInformResponses(int n) {
        return new Faults(droppedSets, wrongHash, corruptFile, vanishAfterDhcp, duplicateInform, lostInforms, n,
                tftpTimeout, unknownObjects, clockJump);
    }

    public Faults withTftpTimeout(boolean on) {
        return new Faults(droppedSets, wrongHash, corruptFile, vanishAfterDhcp, duplicateInform, lostInforms,
                lostInformResponses, on, unknownObjects, clockJump);
    }

    /** Objects (dotted OID prefixes, e.g. {@code 1.3.6.1.4.1.4491.2.2.2}) the MTA does not implement. */
    public Faults withUnknownObjects(List<String> oidPrefixes) {
        return new Faults(droppedSets, wrongHash, corruptFile, vanishAfterDhcp, duplicateInform, lostInforms,
                lostInformResponses, tftpTimeout, oidPrefixes, clockJump);
    }

    public Faults withClockJump(Duration jump) {
        return new Faults(droppedSets, wrongHash, corruptFile, vanishAfterDhcp, duplicateInform, lostInforms,
                lostInformResponses, tftpTimeout, unknownObjects, jump);
    }

    /** Whether {@code dottedOid} is one of the {@link #unknownObjects} (or below one). */
    public boolean unknown(String dottedOid) {
        String oid = dottedOid.startsWith(".") ? dottedOid.substring(1) : dottedOid;
        for (String p : unknownObjects) {
            if (oid.equals(p) || oid.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Whether any fault is on. */
    public boolean any() {
        return !equals(NONE);
    }
}
