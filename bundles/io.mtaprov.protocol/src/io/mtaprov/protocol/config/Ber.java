package io.mtaprov.protocol.config;

import io.mtaprov.protocol.DecodeException;

/**
 * The small subset of ASN.1 BER (X.690 section 8) an SNMP varbind needs: single-byte tags, definite
 * lengths in short or long form, INTEGER contents. Decoding accepts non-minimal lengths and
 * integers (BER allows them); callers keep the original bytes so re-encoding is byte-exact.
 * Encoding is always minimal (DER-like), which is what SNMP agents and the {@code docsis} tool emit.
 */
final class Ber {
    private Ber() {
    }

    /** Length of the length octets for {@code len} (minimal form). */
    static int lengthSize(int len) {
        if (len < 0x80) {
            return 1;
        }
        return len < 0x100 ? 2 : len < 0x10000 ? 3 : len < 0x1000000 ? 4 : 5;
    }

    /** Writes minimal length octets at {@code pos}; returns the new position. */
    static int writeLength(byte[] out, int pos, int len) {
        int size = lengthSize(len);
        if (size == 1) {
            out[pos] = (byte) len;
            return pos + 1;
        }
        out[pos++] = (byte) (0x80 | (size - 1));
        for (int i = size - 2; i >= 0; i--) {
            out[pos++] = (byte) (len >>> (8 * i));
        }
        return pos;
    }

    /**
     * Reads a tag and length at {@code pos} (within {@code end}); returns the content start in the
     * low 32 bits and the content length in the high 32 bits. {@code base} maps positions to the
     * offsets reported in errors.
     */
    static long readHeader(byte[] in, int pos, int end, int base) throws DecodeException {
        if (pos + 2 > end) {
            throw new DecodeException(base + pos, "BER element truncated");
        }
        if ((in[pos] & 0x1F) == 0x1F) {
            throw new DecodeException(base + pos, "multi-byte BER tags are not used in SNMP");
        }
        int b = in[pos + 1] & 0xFF;
        int p = pos + 2;
        int len;
        if (b < 0x80) {
            len = b;
        } else if (b == 0x80) {
            throw new DecodeException(base + pos + 1, "indefinite BER length");
        } else {
            int n = b & 0x7F;
            if (n > 4 || p + n > end) {
                throw new DecodeException(base + pos + 1, "BER length octets out of range");
            }
            long l = 0;
            for (int i = 0; i < n; i++) {
                l = (l << 8) | (in[p++] & 0xFF);
            }
            if (l > Integer.MAX_VALUE) {
                throw new DecodeException(base + pos + 1, "BER length too large");
            }
            len = (int) l;
        }
        if (len > end - p) {
            throw new DecodeException(base + pos + 1, "BER length " + len + " exceeds the " + (end - p) + " bytes left");
        }
        return ((long) len << 32) | p;
    }

    /** Minimal two's-complement content length of {@code v}. */
    static int integerLength(long v) {
        int len = 8;
        while (len > 1) {
            long top = v >> (8 * len - 9); // the top 9 bits of the len-byte form
            if (top != 0 && top != -1) {
                break;
            }
            len--;
        }
        return len;
    }

    /** Minimal content length of the unsigned 64-bit {@code v} (may need a leading zero byte). */
    static int unsignedLength(long v) {
        return v < 0 ? 9 : integerLength(v);
    }

    /** Writes {@code len} content bytes of {@code v}, big-endian two's complement. */
    static int writeInteger(byte[] out, int pos, long v, int len) {
        for (int i = len - 1; i >= 0; i--) {
            out[pos++] = i >= 8 ? (byte) 0 : (byte) (v >>> (8 * i));
        }
        return pos;
    }
}
