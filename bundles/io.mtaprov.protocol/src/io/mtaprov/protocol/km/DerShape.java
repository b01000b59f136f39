package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;

/**
 * A structural check of a DER encoding (X.690 section 10) before a general ASN.1 library decodes it:
 * every length is definite (10.1), strings are primitive (10.2), no element
 * claims more octets than its parent has left, constructed contents are exactly a sequence of
 * elements, nesting is bounded, and nothing trails the outermost element. Kerby's decoder trusts
 * lengths and allocates what they claim: a few mutated octets in a KDC request made it allocate
 * gigabytes (found by the live-port fuzzer). Stateless; O(n) in the input.
 */
public final class DerShape {
    /** Deeper than any Kerberos message (AS-REQ with PKINIT padata nests about 15 levels). */
    public static final int MAX_DEPTH = 48;
    private static final int CONSTRUCTED = 0x20;
    /** Universal tag numbers of the only constructed universal types (X.690 8.9, 8.11). */
    private static final int SEQUENCE = 16, SET = 17;

    private DerShape() {
    }

    /** Throws with the offset and reason of the first structural error of {@code der}. */
    public static void check(byte[] der) throws DecodeException {
        if (der.length == 0) {
            throw new DecodeException(0, "empty: no DER element");
        }
        int end = element(der, 0, der.length, 1);
        if (end != der.length) {
            throw new DecodeException(end, (der.length - end) + " octets after the outermost element");
        }
    }

    /** Checks the element at {@code p} within {@code limit}; returns the offset after it. */
    private static int element(byte[] b, int p, int limit, int depth) throws DecodeException {
        if (depth > MAX_DEPTH) {
            throw new DecodeException(p, "nested deeper than " + MAX_DEPTH + " levels");
        }
        int start = p;
        if (p >= limit) {
            throw new DecodeException(p, "element expected, contents ended");
        }
        int id = b[p++] & 0xff;
        if ((id & 0x1f) == 0x1f) { // high tag number form, X.690 8.1.2.4
            int octets = 0;
            do {
                if (p >= limit) {
                    throw new DecodeException(p, "tag number runs past the contents");
                }
                if (++octets > 4) {
                    throw new DecodeException(start, "tag number longer than 4 octets");
                }
            } while ((b[p++] & 0x80) != 0);
        }
        if (p >= limit) {
            throw new DecodeException(p, "length expected, contents ended");
        }
        int first = b[p++] & 0xff;
        long length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x80) {
            throw new DecodeException(p - 1, "indefinite length (not DER, X.690 10.1)");
        } else {
            int n = first & 0x7f;
            if (n > 4) {
                throw new DecodeException(p - 1, "length of " + n + " octets");
            }
            if (p + n > limit) {
                throw new DecodeException(p, "length runs past the contents");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = length << 8 | b[p++] & 0xff;
            }
        }
        if (length > limit - p) {
            throw new DecodeException(start, "element of " + length + " octets where " + (limit - p) + " remain");
        }
        int contentEnd = p + (int) length;
        int number = id & 0x1f;
        if ((id & 0xc0) == 0 && (id & CONSTRUCTED) != 0 && number != SEQUENCE && number != SET) {
            throw new DecodeException(start, "constructed encoding of universal type " + number + " (not DER, X.690 10.2)");
        }
        if ((id & CONSTRUCTED) != 0) {
            while (p < contentEnd) {
                p = element(b, p, contentEnd, depth + 1);
            }
        }
        return contentEnd;
    }
}
