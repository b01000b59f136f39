package io.mtaprov.server.kdc.ap;

import io.mtaprov.protocol.km.KerberosDer;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The few DER (X.690) pieces {@link KrbSafe} writes and reads by hand (Kerby has no KRB-SAFE type):
 * INTEGER, OCTET STRING, GeneralizedTime, context tags, and a reader over definite-length elements
 * with single-octet tags. Stateless helpers and a cursor; not thread-safe.
 */
final class Der {
    static final int SEQUENCE = 0x30;
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final byte[] b;
    private int p;
    private final int end;

    Der(byte[] b, int from, int end) {
        this.b = b;
        this.p = from;
        this.end = end;
    }

    static byte[] integer(long v) {
        return KerberosDer.tlv(0x02, BigInteger.valueOf(v).toByteArray());
    }

    static byte[] octets(byte[] v) {
        return KerberosDer.tlv(0x04, v);
    }

    static byte[] time(Instant t) {
        return KerberosDer.tlv(0x18, GENERALIZED.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] context(int n, byte[] inner) {
        return KerberosDer.tlv(0xa0 | n, inner);
    }

    static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] x : parts) {
            out.writeBytes(x);
        }
        return KerberosDer.tlv(SEQUENCE, out.toByteArray());
    }

    boolean more() {
        return p < end;
    }

    int peekTag() {
        return b[p] & 0xff;
    }

    /** Reads the next element; returns {tag, content start, content length, element start}. */
    int[] next() {
        if (end - p < 2) {
            throw new IllegalArgumentException("truncated DER at " + p);
        }
        int start = p;
        int tag = b[p++] & 0xff;
        int first = b[p++] & 0xff;
        int len = first;
        if (first >= 0x80) {
            int n = first & 0x7f;
            if (n == 0 || n > 3 || end - p < n) {
                throw new IllegalArgumentException("bad DER length at " + (p - 1));
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = len << 8 | (b[p++] & 0xff);
            }
        }
        if (len > end - p) {
            throw new IllegalArgumentException("DER element at " + start + " overruns its container");
        }
        int[] r = {tag, p, len, start};
        p += len;
        return r;
    }

    /** The next element, which must have this tag. */
    int[] expect(int tag) {
        int[] e = next();
        if (e[0] != tag) {
            throw new IllegalArgumentException(String.format("DER tag %02x expected, found %02x", tag, e[0]));
        }
        return e;
    }

    Der inside(int[] e) {
        return new Der(b, e[1], e[1] + e[2]);
    }

    byte[] bytes(int[] e) {
        byte[] out = new byte[e[2]];
        System.arraycopy(b, e[1], out, 0, e[2]);
        return out;
    }

    byte[] whole(int[] e) {
        byte[] out = new byte[e[1] + e[2] - e[3]];
        System.arraycopy(b, e[3], out, 0, out.length);
        return out;
    }

    long integer(int[] e) {
        return new BigInteger(bytes(e)).longValueExact();
    }
}
