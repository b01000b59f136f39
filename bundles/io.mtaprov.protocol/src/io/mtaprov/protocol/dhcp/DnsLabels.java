package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;

/**
 * Domain names in RFC 1035 section 3.1 label form without compression: each label as a length
 * byte (1..63) and its bytes, then the zero-length root label; at most 255 bytes in all. This is
 * the form of option 122 sub-options 3 and 6 (RFC 3495 sections 4.3, 4.6; RFC 1035 section 3.1).
 * Not API beyond this package.
 */
final class DnsLabels {
    static final int MAX_NAME = 255, MAX_LABEL = 63;

    private DnsLabels() {
    }

    /**
     * Decodes {@code v[from, v.length)}, which must hold exactly one name.
     *
     * @throws DecodeException on compression pointers, over-long labels or names, missing root
     *     label or bytes after it, non-ASCII or dot bytes inside a label; offsets relative to
     *     {@code v}
     */
    static String decode(byte[] v, int from, String what) throws DecodeException {
        if (v.length - from > MAX_NAME) {
            throw new DecodeException(from, what + " is longer than 255 bytes (RFC 1035 section 2.3.4)");
        }
        StringBuilder sb = new StringBuilder(v.length - from);
        int p = from;
        while (true) {
            if (p >= v.length) {
                throw new DecodeException(p, what + " lacks the terminating zero label (RFC 1035 section 3.1)");
            }
            int len = v[p] & 0xff;
            if (len == 0) {
                if (p + 1 != v.length) {
                    throw new DecodeException(p + 1, what + " has bytes after its terminating zero label");
                }
                if (p == from) {
                    throw new DecodeException(p, what + " is the empty (root) name");
                }
                return sb.toString();
            }
            if (len > MAX_LABEL) {
                throw new DecodeException(p, what + " has a label length of " + len
                        + " (compression is not allowed, labels are at most 63 bytes)");
            }
            if (p + 1 + len > v.length) {
                throw new DecodeException(p, what + " label of " + len + " bytes runs past the end");
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            for (int i = p + 1; i <= p + len; i++) {
                int c = v[i] & 0xff;
                if (c > 0x7f || c == '.') {
                    // a dot would split the label on re-encoding; host names and realms are ASCII
                    throw new DecodeException(i, what + " has a label byte 0x" + Integer.toHexString(c)
                            + " that is not ASCII or is a dot");
                }
                sb.append((char) c);
            }
            p += 1 + len;
        }
    }

    /**
     * Encodes a dotted name (a single trailing dot allowed) after {@code prefix} leading bytes
     * left zero.
     *
     * @throws IllegalArgumentException for empty or over-long labels, non-ASCII, or over 255 bytes
     */
    static byte[] encode(String name, int prefix, String what) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        byte[] out = new byte[prefix + n.length() + 2];
        if (n.length() + 2 > MAX_NAME) {
            throw new IllegalArgumentException(what + " is longer than 255 bytes: " + name);
        }
        int p = prefix;
        int start = 0;
        for (int i = 0; i <= n.length(); i++) {
            if (i == n.length() || n.charAt(i) == '.') {
                int len = i - start;
                if (len == 0 || len > MAX_LABEL) {
                    throw new IllegalArgumentException(what + " has an empty or over-long label: " + name);
                }
                out[p++] = (byte) len;
                for (int j = start; j < i; j++) {
                    char c = n.charAt(j);
                    if (c > 0x7f) {
                        throw new IllegalArgumentException(what + " is not ASCII: " + name);
                    }
                    out[p++] = (byte) c;
                }
                start = i + 1;
            }
        }
        out[p] = 0;
        return out;
    }
}
