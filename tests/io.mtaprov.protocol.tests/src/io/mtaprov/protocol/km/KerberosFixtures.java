package io.mtaprov.protocol.km;

import static io.mtaprov.protocol.km.KerberosDer.tlv;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Minimal but syntactically valid Kerberos messages (RFC 4120 section 5, DER) for wire tests: the
 * encrypted parts are filler bytes, so only structure is real. Built with {@link KerberosDer#tlv}.
 */
final class KerberosFixtures {
    static final String REALM = "EXAMPLE.COM";
    private static final int SEQUENCE = 0x30;

    private KerberosFixtures() {
    }

    /** KRB_AP_REQ [APPLICATION 14] for mtaprovsrvr/mps.example.com with etype 18 filler. */
    static byte[] apReq() {
        byte[] ticket = tlv(0x61, tlv(SEQUENCE,
                ctx(0, integer(5)),
                ctx(1, generalString(REALM)),
                ctx(2, principal(2, "mtaprovsrvr", "mps.example.com")),
                ctx(3, encryptedData(18, 2, 48))));
        return tlv(KerberosDer.AP_REQ, tlv(SEQUENCE,
                ctx(0, integer(5)),
                ctx(1, integer(14)),
                ctx(2, tlv(0x03, new byte[] {0, 0, 0, 0, 0})), // APOptions: no flags
                ctx(3, ticket),
                ctx(4, encryptedData(18, -1, 40))));
    }

    /** KRB_AP_REP [APPLICATION 15] with etype 18 filler. */
    static byte[] apRep() {
        return tlv(KerberosDer.AP_REP, tlv(SEQUENCE,
                ctx(0, integer(5)), ctx(1, integer(15)), ctx(2, encryptedData(18, -1, 44))));
    }

    /** KRB_ERROR [APPLICATION 30], error code 41 (KRB_AP_ERR_MODIFIED). */
    static byte[] krbError() {
        return tlv(KerberosDer.KRB_ERROR, tlv(SEQUENCE,
                ctx(0, integer(5)), ctx(1, integer(30)),
                ctx(4, tlv(0x18, ascii("20261102101530Z"))), ctx(5, integer(123456)),
                ctx(6, integer(41)), ctx(9, generalString(REALM)),
                ctx(10, principal(2, "mtaprovsrvr", "mps.example.com"))));
    }

    /** KRB_SAFE [APPLICATION 20] carrying {@code userData}, from 10.0.0.88, hmac-sha1-96-aes256 filler. */
    static byte[] krbSafe(byte[] userData) {
        byte[] body = tlv(SEQUENCE,
                ctx(0, tlv(0x04, userData)),
                ctx(1, tlv(0x18, ascii("20261102101530Z"))),
                ctx(2, integer(654321)),
                ctx(4, tlv(SEQUENCE, ctx(0, integer(2)), ctx(1, tlv(0x04, new byte[] {10, 0, 0, 88})))));
        byte[] checksum = tlv(SEQUENCE, ctx(0, integer(16)), ctx(1, tlv(0x04, filler(12))));
        return tlv(KerberosDer.KRB_SAFE, tlv(SEQUENCE,
                ctx(0, integer(5)), ctx(1, integer(20)), ctx(2, body), ctx(3, checksum)));
    }

    static byte[] ctx(int n, byte[] content) {
        return tlv(0xa0 | n, content);
    }

    static byte[] integer(long v) {
        return tlv(0x02, BigInteger.valueOf(v).toByteArray());
    }

    private static byte[] generalString(String s) {
        return tlv(0x1b, ascii(s));
    }

    private static byte[] principal(int type, String... names) {
        byte[][] strings = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            strings[i] = generalString(names[i]);
        }
        return tlv(SEQUENCE, ctx(0, integer(type)), ctx(1, tlv(SEQUENCE, strings)));
    }

    private static byte[] encryptedData(int etype, int kvno, int cipherLength) {
        byte[] cipher = ctx(2, tlv(0x04, filler(cipherLength)));
        return kvno < 0 ? tlv(SEQUENCE, ctx(0, integer(etype)), cipher)
                : tlv(SEQUENCE, ctx(0, integer(etype)), ctx(1, integer(kvno)), cipher);
    }

    static byte[] filler(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (0xa5 ^ i * 7);
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
