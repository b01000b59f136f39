package io.mtaprov.bench;

import static io.mtaprov.protocol.km.KerberosDer.tlv;

import io.mtaprov.protocol.km.ApReply;
import io.mtaprov.protocol.km.ApRequest;
import io.mtaprov.protocol.km.Ciphersuite;
import io.mtaprov.protocol.km.Doi;
import io.mtaprov.protocol.km.ErrorReply;
import io.mtaprov.protocol.km.IpsecApplicationData;
import io.mtaprov.protocol.km.KerberosDer;
import io.mtaprov.protocol.km.KmHeader;
import io.mtaprov.protocol.km.MtaFqdnMessage;
import io.mtaprov.protocol.km.MtaFqdnUserData;
import io.mtaprov.protocol.km.Rekey;
import io.mtaprov.protocol.km.SecurityParameterRecovered;
import io.mtaprov.protocol.km.SnmpApplicationData;
import io.mtaprov.protocol.km.WakeUp;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Valid key management (port 1293) and MTA FQDN messages as fuzz seeds: one of each KM message
 * and an MTA FQDN request and reply inside structurally valid Kerberos DER (RFC 4120 section 5;
 * encrypted parts are filler), mirroring tests/.../km/KmSamples and KerberosFixtures.
 */
final class KmSeeds {
    private static final String REALM = "EXAMPLE.COM";
    private static final String PRINCIPAL = "mtaprovsrvr/mps.example.com@EXAMPLE.COM";
    private static final int SEQUENCE = 0x30;

    private KmSeeds() {
    }

    static List<byte[]> kmMessages() {
        KmHeader snmp = KmHeader.of(Doi.SNMPV3);
        KmHeader ipsec = KmHeader.of(Doi.IPSEC);
        byte[] hmac = filler(20);
        SnmpApplicationData data = new SnmpApplicationData(HexFormat.of().parseHex("8000118b03001122334455"), 7,
                1234, "mtaUser");
        return List.of(
                new WakeUp(snmp, 0x12345678, PRINCIPAL).encode(),
                new ApRequest(snmp, apReq(), 0x12345678, data,
                        List.of(new Ciphersuite(Ciphersuite.SNMP_AUTH_HMAC_SHA1, Ciphersuite.SNMP_PRIV_DES),
                                new Ciphersuite(Ciphersuite.SNMP_AUTH_HMAC_MD5, Ciphersuite.SNMP_PRIV_NONE)),
                        false, hmac).encode(),
                new ApReply(snmp, apRep(), data,
                        List.of(new Ciphersuite(Ciphersuite.SNMP_AUTH_HMAC_SHA1, Ciphersuite.SNMP_PRIV_DES)),
                        604_800, 3_600, true, true, hmac).encode(),
                new SecurityParameterRecovered(snmp, hmac).encode(),
                new Rekey(ipsec, 0x0badf00d, "cms/cms.example.com@EXAMPLE.COM", Instant.parse("2026-11-02T10:15:30Z"),
                        new IpsecApplicationData(0xdeadbeef),
                        List.of(new Ciphersuite(Ciphersuite.IPSEC_AUTH_HMAC_SHA1_96, Ciphersuite.IPSEC_ESP_AES)),
                        3_600, 60, false, hmac).encode(),
                new ErrorReply(snmp, krbError()).encode());
    }

    static List<byte[]> mtaFqdnMessages() {
        try {
            byte[] request = new MtaFqdnUserData.Request(MtaFqdnUserData.CABLELABS, 1,
                    HexFormat.of().parseHex("001122334455"), filler(20), 0).encode();
            byte[] reply = new MtaFqdnUserData.Reply(MtaFqdnUserData.CABLELABS, 1, "mta1.example.com",
                    (Inet4Address) InetAddress.getByName("10.0.0.88")).encode();
            return List.of(new MtaFqdnMessage(apReq(), krbSafe(request)).encode(),
                    new MtaFqdnMessage(apRep(), krbSafe(reply)).encode());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] apReq() {
        byte[] ticket = tlv(0x61, tlv(SEQUENCE, ctx(0, integer(5)), ctx(1, generalString(REALM)),
                ctx(2, principal("mtaprovsrvr", "mps.example.com")), ctx(3, encryptedData(18, 2, 48))));
        return tlv(KerberosDer.AP_REQ, tlv(SEQUENCE, ctx(0, integer(5)), ctx(1, integer(14)),
                ctx(2, tlv(0x03, new byte[] {0, 0, 0, 0, 0})), ctx(3, ticket), ctx(4, encryptedData(18, -1, 40))));
    }

    private static byte[] apRep() {
        return tlv(KerberosDer.AP_REP, tlv(SEQUENCE, ctx(0, integer(5)), ctx(1, integer(15)),
                ctx(2, encryptedData(18, -1, 44))));
    }

    private static byte[] krbError() {
        return tlv(KerberosDer.KRB_ERROR, tlv(SEQUENCE, ctx(0, integer(5)), ctx(1, integer(30)),
                ctx(4, tlv(0x18, ascii("20261102101530Z"))), ctx(5, integer(123456)), ctx(6, integer(41)),
                ctx(9, generalString(REALM)), ctx(10, principal("mtaprovsrvr", "mps.example.com"))));
    }

    private static byte[] krbSafe(byte[] userData) {
        byte[] body = tlv(SEQUENCE, ctx(0, tlv(0x04, userData)), ctx(1, tlv(0x18, ascii("20261102101530Z"))),
                ctx(2, integer(654321)),
                ctx(4, tlv(SEQUENCE, ctx(0, integer(2)), ctx(1, tlv(0x04, new byte[] {10, 0, 0, 88})))));
        byte[] checksum = tlv(SEQUENCE, ctx(0, integer(16)), ctx(1, tlv(0x04, filler(12))));
        return tlv(KerberosDer.KRB_SAFE, tlv(SEQUENCE, ctx(0, integer(5)), ctx(1, integer(20)), ctx(2, body),
                ctx(3, checksum)));
    }

    private static byte[] ctx(int n, byte[] content) {
        return tlv(0xa0 | n, content);
    }

    private static byte[] integer(long v) {
        return tlv(0x02, BigInteger.valueOf(v).toByteArray());
    }

    private static byte[] generalString(String s) {
        return tlv(0x1b, ascii(s));
    }

    private static byte[] principal(String... names) {
        byte[][] strings = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            strings[i] = generalString(names[i]);
        }
        return tlv(SEQUENCE, ctx(0, integer(2)), ctx(1, tlv(SEQUENCE, strings)));
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
