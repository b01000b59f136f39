package io.mtaprov.protocol.km;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.protocol.pcap.PcapWriter;
import io.mtaprov.protocol.pcap.TsharkJudge;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wireshark's {@code pktc} dissector (tshark 4.x, UDP 1293 by default) as the oracle of the key
 * management layouts: every message must dissect without malformed or expert warnings and every
 * field must read back as encoded.
 */
class KmTsharkTest {
    private static final InetSocketAddress MTA = new InetSocketAddress("10.0.0.88", 50123);
    private static final InetSocketAddress MPS = new InetSocketAddress("10.0.0.2", 1293);
    private static final Instant T0 = Instant.parse("2026-11-02T10:15:30Z");
    private static final HexFormat HEX = HexFormat.of();
    private static TsharkJudge judge;

    @BeforeAll
    static void dissectAllSamples() {
        PcapWriter w = new PcapWriter();
        int i = 0;
        for (KmMessage m : KmSamples.all()) {
            boolean fromMta = m instanceof ApRequest || m instanceof SecurityParameterRecovered;
            w.addUdp(T0.plusMillis(i++), fromMta ? MTA : MPS, fromMta ? MPS : MTA, m.encode());
        }
        judge = TsharkJudge.of(w.toBytes());
    }

    @Test
    void dissectsAllSixMessagesWithoutProblems() {
        judge.assertClean();
        assertThat(judge.frameCount()).isEqualTo(6);
        for (int frame = 1; frame <= 6; frame++) {
            assertThat(judge.field(frame, "pktc.kmmid")).isEqualTo("0x0" + frame);
            assertThat(judge.field(frame, "pktc.version.major")).isEqualTo("1");
            assertThat(judge.field(frame, "pktc.version.minor")).isEqualTo("0");
        }
        assertThat(judge.field(1, "pktc.doi")).isEqualTo("2");
        assertThat(judge.field(5, "pktc.doi")).isEqualTo("1");
    }

    @Test
    void wakeUpFieldsMatch() {
        assertThat(judge.field(1, "pktc.server_nonce")).isEqualTo("0x12345678");
        assertThat(judge.field(1, "pktc.server_principal")).isEqualTo(KmSamples.PRINCIPAL);
    }

    @Test
    void apRequestFieldsMatch() {
        assertThat(judge.field(2, "kerberos.msg_type")).isEqualTo("14");
        assertThat(judge.field(2, "pktc.server_nonce")).isEqualTo("0x12345678");
        assertSnmpData(2);
        assertThat(judge.field(2, "pktc.ciphers.len")).isEqualTo("2");
        assertThat(judge.fields(2, "pktc.asd.snmp_auth_alg")).containsExactly("0x22", "0x21");
        assertThat(judge.fields(2, "pktc.asd.snmp_enc_alg")).containsExactly("0x21", "0x20");
        assertThat(judge.field(2, "pktc.reestablish")).isEqualTo("0");
        assertThat(judge.field(2, "pktc.sha1_hmac")).isEqualTo(HEX.formatHex(KmSamples.HMAC));
    }

    @Test
    void apReplyFieldsMatch() {
        assertThat(judge.field(3, "kerberos.msg_type")).isEqualTo("15");
        assertSnmpData(3);
        assertThat(judge.field(3, "pktc.ciphers.len")).isEqualTo("1");
        assertThat(judge.field(3, "pktc.asd.snmp_auth_alg")).isEqualTo("0x22");
        assertThat(judge.field(3, "pktc.asd.snmp_enc_alg")).isEqualTo("0x21");
        assertThat(judge.field(3, "pktc.spl")).isEqualTo("604800");
        assertThat(judge.field(3, "pktc.grace_period")).isEqualTo("3600");
        assertThat(judge.field(3, "pktc.reestablish")).isEqualTo("1");
        assertThat(judge.field(3, "pktc.ack_required")).isEqualTo("1");
        assertThat(judge.field(3, "pktc.sha1_hmac")).isEqualTo(HEX.formatHex(KmSamples.HMAC));
    }

    @Test
    void securityParameterRecoveredFieldsMatch() {
        assertThat(judge.field(4, "pktc.sha1_hmac")).isEqualTo(HEX.formatHex(KmSamples.HMAC));
    }

    @Test
    void ipsecRekeyFieldsMatch() {
        assertThat(judge.field(5, "pktc.server_nonce")).isEqualTo("0x0badf00d");
        assertThat(judge.field(5, "pktc.server_principal")).isEqualTo("cms/cms.example.com@EXAMPLE.COM");
        assertThat(judge.field(5, "pktc.timestamp")).isEqualTo("261102101530Z");
        assertThat(judge.field(5, "pktc.asd.ipsec_spi")).isEqualTo("0xdeadbeef");
        assertThat(judge.field(5, "pktc.asd.ipsec_auth_alg")).isEqualTo("0x02");
        assertThat(judge.field(5, "pktc.asd.ipsec_enc_alg")).isEqualTo("0x0c");
        assertThat(judge.field(5, "pktc.spl")).isEqualTo("3600");
        assertThat(judge.field(5, "pktc.grace_period")).isEqualTo("60");
        assertThat(judge.field(5, "pktc.reestablish")).isEqualTo("0");
        assertThat(judge.field(5, "pktc.sha1_hmac")).isEqualTo(HEX.formatHex(KmSamples.HMAC));
    }

    @Test
    void errorReplyCarriesKrbError() {
        assertThat(judge.field(6, "kerberos.msg_type")).isEqualTo("30");
        assertThat(judge.field(6, "kerberos.error_code")).isEqualTo("41");
    }

    /** Pins a Wireshark limitation: it has no SNMPv3 application data layout for Rekey. */
    @Test
    void wiresharkMarksSnmpRekeyMalformed() {
        Rekey snmpRekey = new Rekey(KmSamples.SNMP, 1, "p", T0, KmSamples.SNMP_DATA, List.of(), 1, 1,
                false, KmSamples.HMAC);
        byte[] pcap = new PcapWriter().addUdp(T0, MPS, MTA, snmpRekey.encode()).toBytes();
        assertThat(TsharkJudge.of(pcap).problems()).anyMatch(p -> p.contains("Unknown KMMID"));
    }

    private static void assertSnmpData(int frame) {
        assertThat(judge.field(frame, "pktc.asd.snmp_engine_id.len")).isEqualTo("11");
        assertThat(judge.field(frame, "pktc.asd.snmp_engine_id")).isEqualTo(HEX.formatHex(KmSamples.ENGINE_ID));
        assertThat(judge.field(frame, "pktc.asd.snmp_engine_boots")).isEqualTo("7");
        assertThat(judge.field(frame, "pktc.asd.snmp_engine_time")).isEqualTo("1234");
        assertThat(judge.field(frame, "pktc.asd.snmp_usm_username.len")).isEqualTo("7");
        assertThat(judge.field(frame, "pktc.asd.snmp_usm_username")).isEqualTo("mtaUser");
    }
}
