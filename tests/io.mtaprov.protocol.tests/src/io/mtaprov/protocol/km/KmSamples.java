package io.mtaprov.protocol.km;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** One well-formed instance of each key management message, shared by the KM tests. */
final class KmSamples {
    static final KmHeader SNMP = KmHeader.of(Doi.SNMPV3);
    static final KmHeader IPSEC = KmHeader.of(Doi.IPSEC);
    static final String PRINCIPAL = "mtaprovsrvr/mps.example.com@EXAMPLE.COM";
    /** RFC 3411 engine ID: CableLabs enterprise 4491, format 3 (MAC) 00:11:22:33:44:55. */
    static final byte[] ENGINE_ID = HexFormat.of().parseHex("8000118b03001122334455");
    static final SnmpApplicationData SNMP_DATA = new SnmpApplicationData(ENGINE_ID, 7, 1234, "mtaUser");
    static final byte[] HMAC = KerberosFixtures.filler(20);
    static final Instant REKEY_TIME = Instant.parse("2026-11-02T10:15:30Z");

    private KmSamples() {
    }

    static WakeUp wakeUp() {
        return new WakeUp(SNMP, 0x12345678, PRINCIPAL);
    }

    static ApRequest apRequest() {
        return new ApRequest(SNMP, KerberosFixtures.apReq(), 0x12345678, SNMP_DATA,
                List.of(new Ciphersuite(Ciphersuite.SNMP_AUTH_HMAC_SHA1, Ciphersuite.SNMP_PRIV_DES),
                        new Ciphersuite(Ciphersuite.SNMP_AUTH_HMAC_MD5, Ciphersuite.SNMP_PRIV_NONE)),
                false, HMAC);
    }

    static ApReply apReply() {
        return new ApReply(SNMP, KerberosFixtures.apRep(), SNMP_DATA,
                List.of(new Ciphersuite(Ciphersuite.SNMP_AUTH_HMAC_SHA1, Ciphersuite.SNMP_PRIV_DES)),
                604_800, 3_600, true, true, HMAC);
    }

    static SecurityParameterRecovered recovered() {
        return new SecurityParameterRecovered(SNMP, HMAC);
    }

    static Rekey rekey() {
        return new Rekey(IPSEC, 0x0badf00d, "cms/cms.example.com@EXAMPLE.COM", REKEY_TIME,
                new IpsecApplicationData(0xdeadbeef),
                List.of(new Ciphersuite(Ciphersuite.IPSEC_AUTH_HMAC_SHA1_96, Ciphersuite.IPSEC_ESP_AES)),
                3_600, 60, false, HMAC);
    }

    static ErrorReply errorReply() {
        return new ErrorReply(SNMP, KerberosFixtures.krbError());
    }

    static List<KmMessage> all() {
        return List.of(wakeUp(), apRequest(), apReply(), recovered(), rekey(), errorReply());
    }
}
