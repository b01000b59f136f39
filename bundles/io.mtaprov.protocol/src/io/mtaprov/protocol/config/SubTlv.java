package io.mtaprov.protocol.config;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A sub-TLV (1-byte type, 1-byte length) inside TLV 38 or 43. Immutable.
 *
 * @param type the sub-type 0..255
 * @param value the value octets (at most 255)
 */
public record SubTlv(int type, byte[] value) {

    /** Checks and copies. */
    public SubTlv {
        if (type < 0 || type > 255 || value.length > 255) {
            throw new IllegalArgumentException("sub-TLV type or length out of range");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Value length. */
    public int length() {
        return value.length;
    }

    /** The value read as an unsigned big-endian integer (values of 1..4 bytes), else -1. */
    public long unsignedValue() {
        if (value.length == 0 || value.length > 4) {
            return -1;
        }
        long v = 0;
        for (byte b : value) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    int writeTo(byte[] out, int pos) {
        out[pos++] = (byte) type;
        out[pos++] = (byte) value.length;
        System.arraycopy(value, 0, out, pos, value.length);
        return pos + value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubTlv s && type == s.type && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "SubTlv[" + type + ", " + HexFormat.of().formatHex(value) + "]";
    }
}
