package io.mtaprov.sim;

/**
 * Values of pktcMtaDevProvisioningState (PKTC-MTA-MIB 1.3.6.1.4.1.4491.2.2.1.1.1.9, RFC 4682
 * 1.3.6.1.2.1.140.1.1.8; names from pktc-objects.tsv), the state the MTA reports in the status
 * INFORM of step 10.
 */
public enum ProvisioningState {
    PASS(1), IN_PROGRESS(2), FAIL_CONFIG_FILE_ERROR(3), PASS_WITH_WARNINGS(4), PASS_WITH_INCOMPLETE_PARSING(5),
    FAILURE_INTERNAL_ERROR(6), FAIL_OTHER_REASON(7);

    private final int value;

    ProvisioningState(int value) {
        this.value = value;
    }

    /** The INTEGER value on the wire. */
    public int value() {
        return value;
    }

    /** Whether the MTA accepted its configuration (pass, passWithWarnings, passWithIncompleteParsing). */
    public boolean passed() {
        return this == PASS || this == PASS_WITH_WARNINGS || this == PASS_WITH_INCOMPLETE_PARSING;
    }

    /** The state with this wire value. */
    public static ProvisioningState of(int value) {
        for (ProvisioningState s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        throw new IllegalArgumentException("no pktcMtaDevProvisioningState " + value + " (1..7)");
    }
}
