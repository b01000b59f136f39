package io.mtaprov.protocol.mib;

/** MAX-ACCESS of a MIB object (RFC 2578 section 7.3); {@link #NONE} for nodes without one. */
public enum MibAccess {
    /** not-accessible (index columns, tables, entries). */
    NOT_ACCESSIBLE,
    /** accessible-for-notify. */
    ACCESSIBLE_FOR_NOTIFY,
    /** read-only. */
    READ_ONLY,
    /** read-write. */
    READ_WRITE,
    /** read-create. */
    READ_CREATE,
    /** no MAX-ACCESS (object identities, groups, notifications). */
    NONE;

    /** Whether a SET (and therefore a config file) may write objects of this access. */
    public boolean writable() {
        return this == READ_WRITE || this == READ_CREATE;
    }

    /** Parses the SMI keyword ({@code read-only} ...); empty text gives {@link #NONE}. */
    public static MibAccess parse(String text) {
        return switch (text) {
            case "not-accessible" -> NOT_ACCESSIBLE;
            case "accessible-for-notify" -> ACCESSIBLE_FOR_NOTIFY;
            case "read-only" -> READ_ONLY;
            case "read-write" -> READ_WRITE;
            case "read-create" -> READ_CREATE;
            case "" -> NONE;
            default -> throw new IllegalArgumentException("unknown MAX-ACCESS " + text);
        };
    }
}
