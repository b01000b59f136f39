package io.mtaprov.protocol;

/**
 * The one checked exception every decoder in this bundle throws for input it cannot accept.
 * It carries the byte offset (or, for text forms, the line) where decoding stopped and a reason
 * a lab engineer can read. Decoders never throw anything else for bad input.
 * <p>
 * It carries no stack trace: bad input is expected (garbage on a port, a fuzzer, a malformed TLV
 * kept raw by the config decoder), the offset and reason say everything, and filling a trace per
 * rejected packet was the main allocation on such input (fuzz finding O1, docs/benchmarks.md).
 */
public class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public DecodeException(int offset, String reason) {
        super(reason + " (at offset " + offset + ")", null, false, false);
        this.offset = offset;
    }

    public DecodeException(int offset, String reason, Throwable cause) {
        super(reason + " (at offset " + offset + ")", cause, false, false);
        this.offset = offset;
    }

    /** Byte offset in the input (or line number for text forms) where the problem was found. */
    public int offset() {
        return offset;
    }
}
