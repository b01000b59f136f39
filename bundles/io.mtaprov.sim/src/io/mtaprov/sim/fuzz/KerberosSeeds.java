package io.mtaprov.sim.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A minimal DER encoding of a Kerberos AS-REQ without pre-authentication (RFC 4120 section 5.4.1),
 * enough for a KDC to parse and answer with KRB-ERROR (PREAUTH_REQUIRED or an unknown principal).
 * Tags per RFC 4120 section 5.10 (APPLICATION 10 = AS-REQ, context tags [n]).
 */
final class KerberosSeeds {
    /** RFC 4120 section 5.10. */
    static final int APPLICATION_AS_REQ = 0x6a, APPLICATION_AS_REP = 0x6b, APPLICATION_KRB_ERROR = 0x7e;
    private static final int SEQUENCE = 0x30, INTEGER = 0x02, BIT_STRING = 0x03, GENERAL_STRING = 0x1b,
            GENERALIZED_TIME = 0x18;
    /** RFC 4120 section 6.2: NT-PRINCIPAL 1, NT-SRV-INST 2. */
    private static final int NT_PRINCIPAL = 1, NT_SRV_INST = 2;
    /** RFC 3961/3962 enctypes: aes256-cts-hmac-sha1-96 18, aes128 17, rc4-hmac 23, des3 16. */
    private static final int[] ETYPES = {18, 17, 23, 16};

    private KerberosSeeds() {
    }

    /** AS-REQ for {@code client}@{@code realm}, service krbtgt/{@code realm}. */
    static byte[] asRequest(String client, String realm, int nonce) {
        String till = ZonedDateTime.now(ZoneOffset.UTC).plusDays(1).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'"));
        byte[] body = tlv(SEQUENCE,
                ctx(0, tlv(BIT_STRING, new byte[] {0, 0x40, 0, 0, 0x10})), // forwardable, renewable-ok
                ctx(1, principal(NT_PRINCIPAL, client)),
                ctx(2, string(realm)),
                ctx(3, principal(NT_SRV_INST, "krbtgt", realm)),
                ctx(5, tlv(GENERALIZED_TIME, till.getBytes(StandardCharsets.US_ASCII))),
                ctx(7, integer(nonce & 0x7fffffff)),
                ctx(8, tlv(SEQUENCE, ints(ETYPES))));
        return tlv(APPLICATION_AS_REQ, tlv(SEQUENCE, ctx(1, integer(5)), ctx(2, integer(10)), ctx(4, body)));
    }

    /** The same request framed for TCP (RFC 4120 section 7.2.2: a 4-byte big-endian length first). */
    static byte[] tcpFramed(byte[] message) {
        byte[] r = new byte[message.length + 4];
        r[0] = (byte) (message.length >>> 24);
        r[1] = (byte) (message.length >>> 16);
        r[2] = (byte) (message.length >>> 8);
        r[3] = (byte) message.length;
        System.arraycopy(message, 0, r, 4, message.length);
        return r;
    }

    private static byte[] principal(int type, String... names) {
        byte[][] s = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            s[i] = string(names[i]);
        }
        return tlv(SEQUENCE, ctx(0, integer(type)), ctx(1, tlv(SEQUENCE, s)));
    }

    private static byte[] string(String s) {
        return tlv(GENERAL_STRING, s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] ints(int[] values) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int v : values) {
            o.writeBytes(integer(v));
        }
        return o.toByteArray();
    }

    private static byte[] integer(int v) {
        byte[] full = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        int from = 0;
        while (from < 3 && (full[from] == 0 && full[from + 1] >= 0 || full[from] == -1 && full[from + 1] < 0)) {
            from++; // minimal two's complement (X.690 section 8.3.2)
        }
        return tlv(INTEGER, java.util.Arrays.copyOfRange(full, from, 4));
    }

    private static byte[] ctx(int n, byte[] content) {
        return tlv(0xa0 | n, content);
    }

    private static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        int len = content.size();
        ByteArrayOutputStream o = new ByteArrayOutputStream(len + 6);
        o.write(tag);
        if (len < 0x80) { // X.690 section 8.1.3: short or long definite length
            o.write(len);
        } else if (len < 0x100) {
            o.write(0x81);
            o.write(len);
        } else {
            o.write(0x82);
            o.write(len >>> 8);
            o.write(len);
        }
        o.writeBytes(content.toByteArray());
        return o.toByteArray();
    }
}
