package io.mtaprov.protocol.km;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class KmMessageTest {
    /**
     * Wake Up, DOI SNMPv3, version 1.0, nonce 0x12345678, principal "mps/x@R": hand-built after
     * PKT-SP-SEC's Wake Up layout; tshark 4.0.17 dissects it as such (see KmTsharkTest).
     */
    private static final String WAKE_UP = "01" + "02" + "10" + "12345678" + "6d70732f784052" + "00";

    private static KmMessage decode(byte[] b) throws DecodeException {
        return KmMessage.decode(ByteBuffer.wrap(b));
    }

    @Test
    void decodesWakeUpVector() throws DecodeException {
        WakeUp w = WakeUp.decode(ByteBuffer.wrap(HexFormat.of().parseHex(WAKE_UP)));
        assertThat(w).isEqualTo(new WakeUp(KmHeader.of(Doi.SNMPV3), 0x12345678, "mps/x@R"));
        assertThat(HexFormat.of().formatHex(w.encode())).isEqualTo(WAKE_UP);
    }

    @Test
    void roundTripsEveryMessageType() throws DecodeException {
        for (KmMessage m : KmSamples.all()) {
            assertThat(decode(m.encode())).as(m.getClass().getSimpleName()).isEqualTo(m);
        }
    }

    @Test
    void roundTripsSnmpRekeyAndEmptyCiphersuiteList() throws DecodeException {
        Rekey r = new Rekey(KmSamples.SNMP, 1, "p", Instant.parse("2099-12-31T23:59:59Z"),
                KmSamples.SNMP_DATA, List.of(), 0, 0xffff_ffffL, true, KmSamples.HMAC);
        assertThat(decode(r.encode())).isEqualTo(r);
    }

    @Test
    void writesHeaderVersionNibbles() {
        byte[] b = new WakeUp(new KmHeader(Doi.IPSEC, 2, 5), 0, "a").encode();
        assertThat(b).startsWith(1, 1, 0x25);
    }

    @Test
    void findsApReqEndFromItsDerLength() throws DecodeException {
        ApRequest a = KmSamples.apRequest();
        byte[] b = a.encode();
        assertThat(ApRequest.decode(ByteBuffer.wrap(b)).apReq()).isEqualTo(KerberosFixtures.apReq());
    }

    @Test
    void rejectsUnknownKmmidAndDoi() {
        assertThatThrownBy(() -> decode(HexFormat.of().parseHex("0702100000000000")))
                .isInstanceOf(DecodeException.class).hasMessageContaining("KMMID 7");
        assertThatThrownBy(() -> decode(HexFormat.of().parseHex("0103100000000000")))
                .isInstanceOf(DecodeException.class).hasMessageContaining("DOI 3");
    }

    @Test
    void rejectsPrincipalWithoutNul() {
        byte[] b = HexFormat.of().parseHex(WAKE_UP.substring(0, WAKE_UP.length() - 2));
        assertThatThrownBy(() -> decode(b)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] b = HexFormat.of().parseHex(WAKE_UP + "00");
        assertThatThrownBy(() -> decode(b)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void rejectsTruncatedHmac() {
        byte[] b = KmSamples.apReply().encode();
        assertThatThrownBy(() -> decode(java.util.Arrays.copyOf(b, b.length - 1)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("HMAC");
    }

    @Test
    void rejectsFlagOtherThanZeroOrOne() {
        byte[] b = KmSamples.apRequest().encode();
        b[b.length - 21] = 2;
        assertThatThrownBy(() -> decode(b)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("re-establish");
    }

    @Test
    void rejectsRekeyTimestampThatIsNoDate() {
        byte[] b = KmSamples.rekey().encode();
        int at = 3 + 4 + "cms/cms.example.com@EXAMPLE.COM".length() + 1;
        b[at + 2] = '1';
        b[at + 3] = '3'; // month 13
        assertThatThrownBy(() -> decode(b)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("YYMMDDhhmmssZ");
    }

    @Test
    void rejectsWrongMessageForTypedDecode() {
        byte[] b = KmSamples.wakeUp().encode();
        assertThatThrownBy(() -> ApReply.decode(ByteBuffer.wrap(b))).isInstanceOf(DecodeException.class)
                .hasMessageContaining("expected ApReply");
    }

    @Test
    void refusesApplicationDataOfOtherDoi() {
        assertThatThrownBy(() -> new ApReply(KmSamples.IPSEC, KerberosFixtures.apRep(), KmSamples.SNMP_DATA,
                List.of(), 1, 1, false, false, KmSamples.HMAC)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesApReqBytesThatAreNotOneApReq() {
        byte[] twoElements = new byte[KerberosFixtures.apReq().length + 1];
        System.arraycopy(KerberosFixtures.apReq(), 0, twoElements, 0, twoElements.length - 1);
        assertThatThrownBy(() -> new ApRequest(KmSamples.SNMP, twoElements, 0, KmSamples.SNMP_DATA,
                List.of(), false, KmSamples.HMAC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApRequest(KmSamples.SNMP, KerberosFixtures.apRep(), 0,
                KmSamples.SNMP_DATA, List.of(), false, KmSamples.HMAC))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
