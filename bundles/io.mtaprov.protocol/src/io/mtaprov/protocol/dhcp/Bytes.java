package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;

/** Small big-endian and text helpers shared by the codecs of this package. Not API. */
final class Bytes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Bytes() {
    }

    static int u8(byte[] a, int i) {
        return a[i] & 0xff;
    }

    static int u16(byte[] a, int i) {
        return (a[i] & 0xff) << 8 | a[i + 1] & 0xff;
    }

    static int i32(byte[] a, int i) {
        return (a[i] & 0xff) << 24 | (a[i + 1] & 0xff) << 16 | (a[i + 2] & 0xff) << 8 | a[i + 3] & 0xff;
    }

    static long u32(byte[] a, int i) {
        return i32(a, i) & 0xffff_ffffL;
    }

    static void put16(byte[] a, int i, int v) {
        a[i] = (byte) (v >>> 8);
        a[i + 1] = (byte) v;
    }

    static void put32(byte[] a, int i, int v) {
        a[i] = (byte) (v >>> 24);
        a[i + 1] = (byte) (v >>> 16);
        a[i + 2] = (byte) (v >>> 8);
        a[i + 3] = (byte) v;
    }

    static byte[] u32Bytes(long v) {
        if (v < 0 || v > 0xffff_ffffL) {
            throw new IllegalArgumentException("not an unsigned 32-bit value: " + v);
        }
        byte[] b = new byte[4];
        put32(b, 0, (int) v);
        return b;
    }

    /** ISO-8859-1 text of the bytes: every byte maps to one char, so re-encoding is exact. */
    static String latin1(byte[] a) {
        return new String(a, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The bytes of an ASCII string; rejects characters above 0x7f. */
    static byte[] ascii(String s, String what) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            if (c > 0x7f) {
                throw new IllegalArgumentException(what + " is not ASCII: " + s);
            }
            b[i] = (byte) c;
        }
        return b;
    }

    static String hex(byte[] a) {
        char[] c = new char[a.length * 2];
        for (int i = 0; i < a.length; i++) {
            c[2 * i] = HEX[(a[i] >> 4) & 0xf];
            c[2 * i + 1] = HEX[a[i] & 0xf];
        }
        return new String(c);
    }

    /** Value of one hex digit (either case), or -1. */
    static int hexDigit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Colon-separated upper-case hex, the usual form of a MAC address. */
    static String mac(byte[] a) {
        StringBuilder sb = new StringBuilder(a.length * 3);
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.toUpperCase(HEX[(a[i] >> 4) & 0xf]))
                    .append(Character.toUpperCase(HEX[a[i] & 0xf]));
        }
        return sb.toString();
    }

    /** Throws unless the value is exactly {@code expected} bytes long. */
    static void requireLength(byte[] value, int expected, String what) throws DecodeException {
        if (value.length != expected) {
            throw new DecodeException(0, what + " must be " + expected + " bytes, found " + value.length);
        }
    }
}
