package io.mtaprov.protocol.config;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A TLV kept as bytes: an unknown type, or a known type whose value is malformed (a TLV 11 that is
 * not a BER varbind, a TLV 38 whose sub-TLVs overrun). PROTOCOL.md: unknown TLVs are kept and
 * shown, never dropped. Immutable.
 *
 * @param type the type code 0..255
 * @param value the value octets
 */
public record RawTlv(int type, byte[] value) implements ConfigTlv {

    /** Checks type and length and copies the value. */
    public RawTlv {
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("TLV type out of 0..255: " + type);
        }
        if (value.length > ConfigTlv.maxValueLength(type)) {
            throw new IllegalArgumentException("TLV " + type + " value too long: " + value.length);
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public int valueLength() {
        return value.length;
    }

    @Override
    public int writeValue(byte[] out, int pos) {
        System.arraycopy(value, 0, out, pos, value.length);
        return pos + value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawTlv r && type == r.type && Arrays.equals(value, r.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RawTlv[" + type + ", " + HexFormat.of().formatHex(value) + "]";
    }
}
