package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;
import java.util.Arrays;

/**
 * The sub-options of an option that carries 1-byte-code, 1-byte-length TLVs (43 per RFC 2132
 * section 8.4, 82 per RFC 3046 section 2.0, 122 per RFC 3495 section 3, 177), in wire order,
 * repeated codes kept as they are. Immutable. Unknown sub-options are carried byte-exact, so
 * {@code decode(v).encode()} equals {@code v}.
 */
public final class SubOptions {
    private final int[] codes;
    private final byte[][] values;

    private SubOptions(int[] codes, byte[][] values) {
        this.codes = codes;
        this.values = values;
    }

    /**
     * Parses an option value as TLVs.
     *
     * @throws DecodeException if a TLV lacks its length byte or runs past the value
     */
    public static SubOptions decode(byte[] v, String what) throws DecodeException {
        int n = 0;
        for (int p = 0; p < v.length; n++) {
            if (p + 1 >= v.length) {
                throw new DecodeException(p, what + " sub-option " + (v[p] & 0xff) + " has no length byte");
            }
            int end = p + 2 + (v[p + 1] & 0xff);
            if (end > v.length) {
                throw new DecodeException(p, what + " sub-option " + (v[p] & 0xff) + " of "
                        + (v[p + 1] & 0xff) + " bytes runs past the end of the option");
            }
            p = end;
        }
        int[] codes = new int[n];
        byte[][] values = new byte[n][];
        for (int i = 0, p = 0; i < n; i++) {
            codes[i] = v[p] & 0xff;
            int len = v[p + 1] & 0xff;
            values[i] = Arrays.copyOfRange(v, p + 2, p + 2 + len);
            p += 2 + len;
        }
        return new SubOptions(codes, values);
    }

    /** A builder starting empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of sub-options (repeats counted). */
    public int size() {
        return codes.length;
    }

    /** Code of the i-th sub-option in wire order. */
    public int code(int i) {
        return codes[i];
    }

    /** A copy of the value of the i-th sub-option. */
    public byte[] value(int i) {
        return values[i].clone();
    }

    /** Whether a sub-option with this code is present. */
    public boolean contains(int code) {
        return raw(code) != null;
    }

    /** A copy of the value of the first sub-option with this code, or an empty optional. */
    public java.util.Optional<byte[]> get(int code) {
        byte[] v = raw(code);
        return v == null ? java.util.Optional.empty() : java.util.Optional.of(v.clone());
    }

    /** The i-th value without copying; callers never modify it. */
    byte[] rawAt(int i) {
        return values[i];
    }

    /** The first value with this code without copying, or null; callers never modify it. */
    byte[] raw(int code) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == code) {
                return values[i];
            }
        }
        return null;
    }

    /** The wire form: the TLVs in order. */
    public byte[] encode() {
        int n = 0;
        for (byte[] v : values) {
            n += 2 + v.length;
        }
        byte[] out = new byte[n];
        int p = 0;
        for (int i = 0; i < codes.length; i++) {
            out[p] = (byte) codes[i];
            out[p + 1] = (byte) values[i].length;
            System.arraycopy(values[i], 0, out, p + 2, values[i].length);
            p += 2 + values[i].length;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubOptions s && Arrays.equals(s.codes, codes)
                && Arrays.deepEquals(s.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(codes) + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < codes.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(codes[i]).append('=').append(Bytes.hex(values[i]));
        }
        return sb.append(']').toString();
    }

    /** Collects sub-options in order; {@link #set} replaces the first of the same code. */
    public static final class Builder {
        private int[] codes = new int[8];
        private byte[][] values = new byte[8][];
        private int size;

        Builder() {
        }

        /** Builder holding these sub-options. */
        Builder(SubOptions from) {
            codes = Arrays.copyOf(from.codes, Math.max(8, from.codes.length));
            values = Arrays.copyOf(from.values, codes.length);
            size = from.codes.length;
        }

        /**
         * Adds a sub-option (value copied), or replaces the first one of the same code in place.
         *
         * @throws IllegalArgumentException if the code is not 0..255 or the value exceeds 255 bytes
         */
        public Builder set(int code, byte[] value) {
            if (code < 0 || code > 255 || value.length > 255) {
                throw new IllegalArgumentException("sub-option " + code + " with " + value.length
                        + " bytes does not fit a 1-byte code and length");
            }
            for (int i = 0; i < size; i++) {
                if (codes[i] == code) {
                    values[i] = value.clone();
                    return this;
                }
            }
            return add(code, value);
        }

        /** Appends a sub-option even if one with the same code exists. */
        public Builder add(int code, byte[] value) {
            if (code < 0 || code > 255 || value.length > 255) {
                throw new IllegalArgumentException("sub-option " + code + " with " + value.length
                        + " bytes does not fit a 1-byte code and length");
            }
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            codes[size] = code;
            values[size++] = value.clone();
            return this;
        }

        /** Removes every sub-option with this code. */
        public Builder remove(int code) {
            int j = 0;
            for (int i = 0; i < size; i++) {
                if (codes[i] != code) {
                    codes[j] = codes[i];
                    values[j++] = values[i];
                }
            }
            size = j;
            return this;
        }

        /** The sub-options. */
        public SubOptions build() {
            return new SubOptions(Arrays.copyOf(codes, size), Arrays.copyOf(values, size));
        }
    }

    /** A builder holding these sub-options. */
    public Builder toBuilder() {
        return new Builder(this);
    }
}
