package io.mtaprov.protocol.config;

/**
 * One result of {@link ConfigValidator}: severity, where (a line of the text form or a byte offset
 * of the binary file) and a message for a lab engineer. Immutable.
 *
 * @param severity how bad
 * @param location where
 * @param message what, in words
 */
public record Finding(Severity severity, Location location, String message) {

    /** How bad a finding is. */
    public enum Severity {
        /** The MTA will reject the file or the object. */
        ERROR,
        /** Likely wrong, or not checkable. */
        WARNING,
        /** Worth knowing. */
        INFO
    }

    /**
     * A line (1-based) of the text form or a byte offset of the binary file.
     *
     * @param kind line or offset
     * @param value the number
     */
    public record Location(Kind kind, int value) {
        /** What {@link #value} counts. */
        public enum Kind {
            /** 1-based line of the text form (0 if unknown). */
            LINE,
            /** Byte offset in the binary file. */
            OFFSET
        }

        @Override
        public String toString() {
            return kind == Kind.LINE ? "line " + value : "offset " + value;
        }
    }

    @Override
    public String toString() {
        return severity + " at " + location + ": " + message;
    }
}
