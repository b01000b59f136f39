package io.mtaprov.protocol.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.mib.Oid;
import io.mtaprov.protocol.mib.SnmpType;

class ConfigFileTest {
    private static final HexFormat HEX = HexFormat.of();
    /** PROTOCOL.md: begin FE 01 01, end FE 01 FF. */
    static final String BEGIN = "fe0101";
    static final String END = "fe01ff";
    /**
     * TLV 11 pktcMtaDevEnabled.0 = INTEGER 1, the OID from the MIB table (1.3.6.1.4.1.4491.2.2.1.1.1.7.0),
     * BER per X.690: 30 13 06 0e <oid> 02 01 01.
     */
    static final String ENABLED_TLV = "0b15" + "3013060e2b06010401a30b02020101010700" + "020101";
    /** Same varbind with non-minimal BER: long-form SEQUENCE length 81 15 and INTEGER 00 00 01. */
    static final String ENABLED_NON_MINIMAL = "0b18" + "308115060e2b06010401a30b02020101010700" + "0203000001";
    /** TLV 38 with sub-TLVs 1 (IP 10.0.0.1) and 2 (port 162), DOCSIS RFI Annex C.1.2.14. */
    static final String TRAP_RECEIVER = "260a" + "01040a000001" + "020200a2";
    /** TLV 43 with sub-TLV 8 OUI 00 00 ca and a vendor sub-TLV 1. */
    static final String VENDOR = "2b08" + "08030000ca" + "010101";
    /** An unknown TLV 99. */
    static final String UNKNOWN = "6302beef";

    @Test
    void decodesAndReencodesByteExact() throws DecodeException {
        String hex = BEGIN + ENABLED_TLV + TRAP_RECEIVER + VENDOR + UNKNOWN + END;
        byte[] bytes = HEX.parseHex(hex);
        ConfigFile file = ConfigFile.decode(ByteBuffer.wrap(bytes));
        assertThat(file.encode()).isEqualTo(bytes);
        assertThat(file.tlvs()).hasSize(6);
        assertThat(file.tlvs().get(0)).isEqualTo(DelimiterTlv.BEGIN);
        assertThat(file.tlvs().get(2)).isInstanceOf(AggregateTlv.class);
        assertThat(((AggregateTlv) file.tlvs().get(3)).vendorOui()).isEqualTo("0000ca");
        assertThat(file.tlvs().get(4)).isEqualTo(new RawTlv(99, HEX.parseHex("beef")));
    }

    @Test
    void encodesVarbindAsMinimalBer() {
        Varbind v = ConfigFixtures.vb("pktcMtaDevEnabled.0", ConfigFixtures.integer(1));
        assertThat(HEX.formatHex(VarbindTlv.of(v).encode())).isEqualTo(ENABLED_TLV);
    }

    @Test
    void keepsNonMinimalBerEncoding() throws DecodeException {
        byte[] bytes = HEX.parseHex(BEGIN + ENABLED_NON_MINIMAL + END);
        ConfigFile file = ConfigFile.decode(bytes);
        VarbindTlv t = (VarbindTlv) file.tlvs().get(1);
        assertThat(t.value()).isEqualTo(new SnmpValue.Integer32(1));
        assertThat(t.isMinimalBer()).isFalse();
        assertThat(file.encode()).isEqualTo(bytes);
    }

    @Test
    void usesTlv64ForVarbindsOver255Bytes() throws DecodeException {
        Varbind v = ConfigFixtures.vb("pktcNcsEndPntConfigCallAgentId.9", ConfigFixtures.str("y".repeat(300)));
        ConfigFile file = ConfigFile.ofVarbinds(List.of(v));
        VarbindTlv t = (VarbindTlv) file.tlvs().get(1);
        assertThat(t.type()).isEqualTo(64);
        byte[] bytes = file.encode();
        assertThat(bytes[3] & 0xFF).isEqualTo(64);
        assertThat(((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF)).isEqualTo(t.valueLength());
        assertThat(ConfigFile.decode(bytes)).isEqualTo(file);
    }

    @Test
    void decodesEverySnmpValueType() throws DecodeException {
        Oid oid = Oid.parse("1.3.6.1.2.1.1.1.0");
        List<SnmpValue> values = List.of(new SnmpValue.Integer32(-5), new SnmpValue.Integer32(2147483647L),
                new SnmpValue.Unsigned(SnmpType.GAUGE32, 4294967295L), new SnmpValue.Unsigned(SnmpType.COUNTER32, 7),
                new SnmpValue.Unsigned(SnmpType.TIMETICKS, 100), new SnmpValue.Counter64(-1L),
                new SnmpValue.IpAddress(new byte[] { 10, 0, 0, 1 }), new SnmpValue.ObjectId(oid),
                SnmpValue.OctetString.of("text"), new SnmpValue.OctetString(new byte[] { 0, (byte) 0xff }),
                new SnmpValue.Other(0x05, new byte[0]));
        for (SnmpValue value : values) {
            byte[] ber = new Varbind(oid, value).encode();
            assertThat(Varbind.decode(ber, 0, ber.length, 0).value()).as(value.toString()).isEqualTo(value);
        }
    }

    @Test
    void keepsMalformedVarbindAsRawTlv() throws DecodeException {
        byte[] bytes = HEX.parseHex(BEGIN + "0b03300106" + END);
        ConfigFile file = ConfigFile.decode(bytes);
        assertThat(file.tlvs().get(1)).isInstanceOf(RawTlv.class);
        assertThat(file.encode()).isEqualTo(bytes);
    }

    @Test
    void rejectsTruncatedTlv() {
        assertThatThrownBy(() -> ConfigFile.decode(HEX.parseHex(BEGIN + "0b05300306")))
                .isInstanceOf(DecodeException.class)
                .satisfies(e -> assertThat(((DecodeException) e).offset()).isEqualTo(3));
        assertThatThrownBy(() -> ConfigFile.decode(HEX.parseHex("40"))).isInstanceOf(DecodeException.class);
    }

    @Test
    void buildsFileFromNamedVarbinds() {
        ConfigFile file = ConfigFile.ofVarbinds(List.of(
                Varbind.of("pktcMtaDevEnabled.0", io.mtaprov.protocol.mib.MibTree.CABLELABS, ConfigFixtures.integer(1))));
        assertThat(HEX.formatHex(file.encode())).isEqualTo(BEGIN + ENABLED_TLV + END);
    }

    @Test
    void reportsTlvOffsets() {
        ConfigFile file = ConfigFile.ofVarbinds(List.of(ConfigFixtures.vb("pktcMtaDevEnabled.0", ConfigFixtures.integer(1))));
        assertThat(file.offsets()).containsExactly(0, 3, 3 + 23);
    }
}
