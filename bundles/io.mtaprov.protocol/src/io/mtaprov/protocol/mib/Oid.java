package io.mtaprov.protocol.mib;

import java.util.Arrays;

import io.mtaprov.protocol.DecodeException;

/**
 * An immutable SNMP OBJECT IDENTIFIER: a sequence of unsigned 32-bit arcs (RFC 2578 section 7.1.3),
 * with the BER content encoding of X.690 section 8.19 (first two arcs combined as 40 * X + Y,
 * base-128 sub-identifiers). Arcs are stored as {@code int} and read as unsigned.
 *
 * <p>Thread-safe. {@link #toString()} gives the dotted form without a leading dot.
 */
public final class Oid implements Comparable<Oid> {
    private final int[] arcs;
    private final int hash;

    private Oid(int[] arcs) {
        this.arcs = arcs;
        this.hash = Arrays.hashCode(arcs);
    }

    /** An OID of the given arcs (copied); each arc is read as unsigned 32-bit. */
    public static Oid of(int... arcs) {
        return new Oid(arcs.clone());
    }

    /**
     * Parses the dotted form {@code 1.3.6.1...} (a leading dot is allowed).
     *
     * @throws IllegalArgumentException if the text is not a dotted numeric OID
     */
    public static Oid parse(String text) {
        int start = text.startsWith(".") ? 1 : 0;
        if (start >= text.length()) {
            throw new IllegalArgumentException("empty OID");
        }
        int count = 1;
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) == '.') {
                count++;
            }
        }
        int[] arcs = new int[count];
        long value = 0;
        int n = 0;
        boolean digit = false;
        for (int i = start; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (!digit) {
                    throw new IllegalArgumentException("bad OID: " + text);
                }
                arcs[n++] = (int) value;
                value = 0;
                digit = false;
            } else if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (value > 0xFFFF_FFFFL) {
                    throw new IllegalArgumentException("OID arc over 2^32-1: " + text);
                }
                digit = true;
            } else {
                throw new IllegalArgumentException("bad OID: " + text);
            }
        }
        return new Oid(arcs);
    }

    /** Number of arcs. */
    public int size() {
        return arcs.length;
    }

    /** The arc at {@code index}, unsigned. */
    public long arc(int index) {
        return Integer.toUnsignedLong(arcs[index]);
    }

    /** A copy of the arcs (unsigned values in {@code int}s). */
    public int[] arcs() {
        return arcs.clone();
    }

    /** Whether this OID starts with (or equals) {@code prefix}. */
    public boolean startsWith(Oid prefix) {
        return prefix.arcs.length <= arcs.length && Arrays.equals(arcs, 0, prefix.arcs.length, prefix.arcs, 0, prefix.arcs.length);
    }

    /** The first {@code length} arcs. */
    public Oid prefix(int length) {
        return length == arcs.length ? this : new Oid(Arrays.copyOf(arcs, length));
    }

    /** The arcs after the first {@code from}. */
    public Oid suffix(int from) {
        return new Oid(Arrays.copyOfRange(arcs, from, arcs.length));
    }

    /** This OID followed by {@code more} arcs. */
    public Oid append(int... more) {
        int[] all = Arrays.copyOf(arcs, arcs.length + more.length);
        System.arraycopy(more, 0, all, arcs.length, more.length);
        return new Oid(all);
    }

    /** This OID followed by the arcs of {@code more}. */
    public Oid append(Oid more) {
        return append(more.arcs);
    }

    /** Length of the BER content (X.690 8.19) of this OID; needs at least two arcs, first 0..2. */
    public int berContentLength() {
        checkEncodable();
        int len = subIdLength(Integer.toUnsignedLong(arcs[0]) * 40 + Integer.toUnsignedLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            len += subIdLength(Integer.toUnsignedLong(arcs[i]));
        }
        return len;
    }

    /** Writes the BER content at {@code pos} of {@code out}; returns the position after it. */
    public int writeBerContent(byte[] out, int pos) {
        checkEncodable();
        pos = writeSubId(out, pos, Integer.toUnsignedLong(arcs[0]) * 40 + Integer.toUnsignedLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            pos = writeSubId(out, pos, Integer.toUnsignedLong(arcs[i]));
        }
        return pos;
    }

    /**
     * Decodes BER OID content of {@code len} bytes at {@code pos}; {@code base} is the offset
     * reported in errors for {@code pos}. Accepts non-minimal (0x80-padded) sub-identifiers.
     */
    public static Oid decodeBerContent(byte[] in, int pos, int len, int base) throws DecodeException {
        if (len <= 0) {
            throw new DecodeException(base, "empty OBJECT IDENTIFIER");
        }
        int count = 1;
        for (int i = pos; i < pos + len; i++) {
            if ((in[i] & 0x80) == 0) {
                count++;
            }
        }
        if ((in[pos + len - 1] & 0x80) != 0) {
            throw new DecodeException(base + len - 1, "OBJECT IDENTIFIER ends inside a sub-identifier");
        }
        int[] arcs = new int[count];
        int n = 0;
        long value = 0;
        for (int i = pos; i < pos + len; i++) {
            value = (value << 7) | (in[i] & 0x7F);
            if (value > 0xFFFF_FFFFL + 80) {
                throw new DecodeException(base + i - pos, "OBJECT IDENTIFIER arc over 2^32-1");
            }
            if ((in[i] & 0x80) == 0) {
                if (n == 0) {
                    long first = Math.min(value / 40, 2);
                    long second = value - first * 40;
                    if (second > 0xFFFF_FFFFL) {
                        throw new DecodeException(base, "OBJECT IDENTIFIER arc over 2^32-1");
                    }
                    arcs[0] = (int) first;
                    arcs[1] = (int) second;
                    n = 2;
                } else {
                    if (value > 0xFFFF_FFFFL) {
                        throw new DecodeException(base + i - pos, "OBJECT IDENTIFIER arc over 2^32-1");
                    }
                    arcs[n++] = (int) value;
                }
                value = 0;
            }
        }
        return new Oid(arcs);
    }

    private void checkEncodable() {
        if (arcs.length < 2 || Integer.compareUnsigned(arcs[0], 2) > 0
                || (arcs[0] < 2 && Integer.compareUnsigned(arcs[1], 39) > 0)
                || Integer.toUnsignedLong(arcs[0]) * 40 + Integer.toUnsignedLong(arcs[1]) > 0xFFFF_FFFFL + 80) {
            throw new IllegalArgumentException("OID cannot be BER-encoded: " + this);
        }
    }

    private static int subIdLength(long v) {
        int len = 1;
        while ((v >>>= 7) != 0) {
            len++;
        }
        return len;
    }

    private static int writeSubId(byte[] out, int pos, long v) {
        int len = subIdLength(v);
        for (int i = len - 1; i >= 0; i--) {
            out[pos + i] = (byte) ((v & 0x7F) | (i == len - 1 ? 0 : 0x80));
            v >>>= 7;
        }
        return pos + len;
    }

    @Override
    public int compareTo(Oid other) {
        return Arrays.compareUnsigned(arcs, other.arcs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Oid other && hash == other.hash && Arrays.equals(arcs, other.arcs);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(arcs.length * 4);
        for (int i = 0; i < arcs.length; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(Integer.toUnsignedString(arcs[i]));
        }
        return sb.toString();
    }
}
