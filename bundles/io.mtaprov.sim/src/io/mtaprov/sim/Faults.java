package io.mtaprov.sim;

/**
 * Fault injection for tests and demos, per MTA. Immutable; start from {@link #NONE} and use the
 * withers.
 *
 * @param droppedSets     how many SET requests the agent ignores (no response, no action) before it
 *                        answers one; {@link Integer#MAX_VALUE} drops them all
 * @param wrongHash       the MTA compares the file against a corrupted digest (so the hash never matches)
 * @param corruptFile     the MTA flips a byte of the file it downloaded before checking it
 * @param vanishAfterDhcp the MTA goes silent after the DHCP ACK (no enrollment, no agent, no TFTP)
 * @param duplicateInform every INFORM (enrollment and status) is sent twice, as two requests
 */
public record Faults(int droppedSets, boolean wrongHash, boolean corruptFile, boolean vanishAfterDhcp,
        boolean duplicateInform) {
    /** No fault. */
    public static final Faults NONE = new Faults(0, false, false, false, false);

    /** @throws IllegalArgumentException if {@code droppedSets} is negative */
    public Faults {
        if (droppedSets < 0) {
            throw new IllegalArgumentException("droppedSets must be >= 0: " + droppedSets);
        }
    }

    public Faults withDroppedSets(int n) {
        return new Faults(n, wrongHash, corruptFile, vanishAfterDhcp, duplicateInform);
    }

    public Faults withWrongHash(boolean on) {
        return new Faults(droppedSets, on, corruptFile, vanishAfterDhcp, duplicateInform);
    }

    public Faults withCorruptFile(boolean on) {
        return new Faults(droppedSets, wrongHash, on, vanishAfterDhcp, duplicateInform);
    }

    public Faults withVanishAfterDhcp(boolean on) {
        return new Faults(droppedSets, wrongHash, corruptFile, on, duplicateInform);
    }

    public Faults withDuplicateInform(boolean on) {
        return new Faults(droppedSets, wrongHash, corruptFile, vanishAfterDhcp, on);
    }

    /** Whether any fault is on. */
    public boolean any() {
        return !equals(NONE);
    }
}
