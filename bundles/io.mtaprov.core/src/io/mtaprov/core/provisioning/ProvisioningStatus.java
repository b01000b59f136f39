package io.mtaprov.core.provisioning;

/**
 * The values of pktcMtaDevProvisioningState that the status INFORM carries (step 10; PKTC-MTA-MIB
 * and RFC 4682 pktcMtaDevProvisioningState, pktc-objects.tsv).
 */
public enum ProvisioningStatus {
    PASS(1, "pass"), IN_PROGRESS(2, "inProgress"), FAIL_CONFIG_FILE_ERROR(3, "failConfigFileError"),
    PASS_WITH_WARNINGS(4, "passWithWarnings"), PASS_WITH_INCOMPLETE_PARSING(5, "passWithIncompleteParsing"),
    FAILURE_INTERNAL_ERROR(6, "failureInternalError"), FAIL_OTHER_REASON(7, "failOtherReason"),
    /** Any value outside 1..7. */
    UNKNOWN(0, "unknown");

    private final int code;
    private final String label;

    ProvisioningStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The MIB's enumeration label, e.g. "passWithWarnings". */
    public String label() {
        return label;
    }

    /** pass, passWithWarnings or passWithIncompleteParsing: the MTA is in service. */
    public boolean isPass() {
        return this == PASS || this == PASS_WITH_WARNINGS || this == PASS_WITH_INCOMPLETE_PARSING;
    }

    /** The MTA listed rejected objects in pktcMtaDevErrorOidsTable (values 4 and 5). */
    public boolean hasErrorOids() {
        return this == PASS_WITH_WARNINGS || this == PASS_WITH_INCOMPLETE_PARSING;
    }

    public static ProvisioningStatus ofCode(long code) {
        for (ProvisioningStatus s : values()) {
            if (s.code == code && s != UNKNOWN) {
                return s;
            }
        }
        return UNKNOWN;
    }

    @Override
    public String toString() {
        return label + "(" + code + ")";
    }
}
