package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;

/**
 * Kerberos backoff and retry parameters: option 122 sub-options 4 (AS-REQ/AS-REP) and 5
 * (AP-REQ/AP-REP), RFC 3495 sections 4.4 and 4.5, also option 177 sub-options 10 and 11. On the
 * wire three uint32 in network order (12 bytes).
 *
 * @param nominalTimeoutMillis nominal timeout in milliseconds
 * @param maximumTimeoutSeconds maximum timeout in seconds
 * @param maximumRetries maximum number of retries
 */
public record KerberosBackoff(long nominalTimeoutMillis, long maximumTimeoutSeconds,
        long maximumRetries) {
    /** Encoded length. */
    public static final int LENGTH = 12;

    /** @throws IllegalArgumentException if a value is not an unsigned 32-bit number */
    public KerberosBackoff {
        Bytes.u32Bytes(nominalTimeoutMillis);
        Bytes.u32Bytes(maximumTimeoutSeconds);
        Bytes.u32Bytes(maximumRetries);
    }

    /** The 12-byte sub-option value. */
    public byte[] encode() {
        byte[] v = new byte[LENGTH];
        Bytes.put32(v, 0, (int) nominalTimeoutMillis);
        Bytes.put32(v, 4, (int) maximumTimeoutSeconds);
        Bytes.put32(v, 8, (int) maximumRetries);
        return v;
    }

    static KerberosBackoff decode(byte[] v, String what) throws DecodeException {
        Bytes.requireLength(v, LENGTH, what);
        return new KerberosBackoff(Bytes.u32(v, 0), Bytes.u32(v, 4), Bytes.u32(v, 8));
    }
}
