package io.mtaprov.protocol.config;

/**
 * The outcome of {@link ConfigHash#verify}: the status, the index of the (first) hash TLV in
 * {@link ConfigFile#tlvs()} (-1 if absent), the digest expected over the file and the one carried
 * ({@code null} if absent or not an OCTET STRING).
 *
 * @param status the verdict
 * @param tlvIndex index of the first hash TLV, or -1
 * @param expected SHA-1 over the file without hash TLVs
 * @param carried digest in the file, or {@code null}
 */
public record HashCheck(Status status, int tlvIndex, byte[] expected, byte[] carried) {

    /** The verdict. */
    public enum Status {
        /** One hash TLV, right before the end delimiter, digest matches. */
        VALID,
        /** No hash TLV (normal for Secure and Hybrid flows). */
        ABSENT,
        /** The digest does not match the file (or is not an OCTET STRING). */
        MISMATCH,
        /** The digest matches but the TLV is not immediately before the end delimiter. */
        MISPLACED,
        /** More than one hash TLV. */
        DUPLICATE
    }

    /** Whether the file carries a correct, correctly placed hash. */
    public boolean valid() {
        return status == Status.VALID;
    }
}
