package io.mtaprov.protocol.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Options 43, 82 and 177 and the generic sub-option list under them. */
class SubOptionViewsTest {

    @Test
    void decodesCableLabsVendorSubOptionsOfAnEmta() throws DecodeException {
        CableLabsVendorInfo v = CableLabsVendorInfo.decode(Hex.bytes(Vectors.OPTION_43));
        assertThat(v.deviceType()).contains("EMTA");
        assertThat(v.esafeTypes()).contains("ECM:EMTA");
        assertThat(v.serialNumber()).contains("SN123456");
        assertThat(v.hardwareVersion()).contains("V1");
        assertThat(v.softwareVersion()).contains("1.2.3");
        assertThat(v.bootRomVersion()).contains("B1");
        assertThat(v.oui()).contains("001122");
        assertThat(v.modelNumber()).contains("M500");
        assertThat(v.vendorName()).contains("ACME");
        assertThat(v.mtaMac()).hasValueSatisfying(m -> assertThat(m).isEqualTo(Hex.bytes("001122334455")));
        assertThat(v.mtaMacText()).contains("00:11:22:33:44:55");
        assertThat(v.correlationId()).hasValue(42);
        assertThat(v.encode()).isEqualTo(Hex.bytes(Vectors.OPTION_43));
        assertThat(v.toOption().code()).isEqualTo(43);
    }

    @Test
    void readsBinaryOuiAsHexDigits() throws DecodeException {
        assertThat(CableLabsVendorInfo.decode(Hex.bytes("08 03 0050f1")).oui()).contains("0050F1");
    }

    @Test
    void rejectsMtaMacAndCorrelationIdOfWrongLength() {
        assertThatThrownBy(() -> CableLabsVendorInfo.decode(Hex.bytes("1f 05 0011223344")))
                .isInstanceOf(DecodeException.class).hasMessageContaining("sub-option 31");
        assertThatThrownBy(() -> CableLabsVendorInfo.decode(Hex.bytes("20 08 0000000000000001")))
                .isInstanceOf(DecodeException.class).hasMessageContaining("sub-option 32");
        assertThatThrownBy(() -> CableLabsVendorInfo.of(SubOptions.builder().set(31, new byte[2]).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTruncatedOption43() {
        assertThatThrownBy(() -> CableLabsVendorInfo.decode(ByteBuffer.wrap(Hex.bytes("02 04 454d54"))))
                .isInstanceOf(DecodeException.class).hasMessageContaining("option 43");
    }

    @Test
    void buildsOption43FromSubOptions() {
        CableLabsVendorInfo v = CableLabsVendorInfo.of(SubOptions.builder()
                .set(CableLabsVendorInfo.DEVICE_TYPE, "EDVA".getBytes())
                .set(CableLabsVendorInfo.CORRELATION_ID, Hex.bytes("00000007")).build());
        assertThat(v.encode()).isEqualTo(Hex.bytes("02 04 45445641 20 04 00000007"));
        assertThat(v.serialNumber()).isEmpty();
        assertThat(v.oui()).isEmpty();
        assertThat(v.mtaMacText()).isEmpty();
        assertThat(v.correlationId()).hasValue(7);
    }

    @Test
    void decodesRelayAgentCircuitRemoteAndVendorSpecific() throws DecodeException {
        RelayAgentInfo r = RelayAgentInfo.decode(Hex.bytes(Vectors.OPTION_82));
        assertThat(r.circuitId()).hasValueSatisfying(c -> assertThat(c).isEqualTo(Hex.bytes("00000001")));
        assertThat(r.remoteId()).hasValueSatisfying(c -> assertThat(c).isEqualTo(Hex.bytes("00aabbccddee")));
        assertThat(r.remoteIdMac()).contains("00:AA:BB:CC:DD:EE");
        assertThat(r.vendorSpecific()).hasValueSatisfying(c -> assertThat(c).isEqualTo(Hex.bytes("00007ed9 03 010102")));
        assertThat(r.encode()).isEqualTo(Hex.bytes(Vectors.OPTION_82));
        assertThat(r.toOption().value()).isEqualTo(Hex.bytes(Vectors.OPTION_82));
        assertThat(RelayAgentInfo.decode(ByteBuffer.wrap(r.encode()))).isEqualTo(r).hasSameHashCodeAs(r);
    }

    @Test
    void relayAgentInfoOfCircuitAndRemoteIdEncodesThemInOrder() {
        RelayAgentInfo r = RelayAgentInfo.of(Hex.bytes("0102"), Hex.bytes("aabbcc"));
        assertThat(r.encode()).isEqualTo(Hex.bytes("01 02 0102 02 03 aabbcc"));
        assertThat(r.remoteIdMac()).isEmpty();
        assertThat(r.vendorSpecific()).isEmpty();
    }

    @Test
    void rejectsTruncatedOption82() {
        assertThatThrownBy(() -> RelayAgentInfo.decode(Hex.bytes("01 04 0000 02")))
                .isInstanceOf(DecodeException.class).hasMessageContaining("option 82");
    }

    @Test
    void decodesLegacyOption177() throws DecodeException {
        LegacyClientConfiguration c = LegacyClientConfiguration.decode(Hex.bytes(Vectors.OPTION_177));
        assertThat(c.primaryDhcpServer()).contains(Ipv4Address.parse("10.0.0.1"));
        assertThat(c.secondaryDhcpServer()).isEmpty();
        assertThat(c.snmpEntity()).contains("mps.example.com");
        assertThat(c.kerberosRealm()).contains("EXAMPLE.COM");
        assertThat(c.fetchTgt()).hasValue(1);
        assertThat(c.provisioningTimer()).hasValue(5);
        assertThat(c.asReqBackoff()).contains(new KerberosBackoff(100, 10, 5));
        assertThat(c.apReqBackoff()).isEmpty();
        assertThat(c.clearTickets()).hasValue(1);
        assertThat(c.primaryDnsServer()).isEmpty();
        assertThat(c.secondaryDnsServer()).isEmpty();
        assertThat(c.cmsFqdn()).isEmpty();
        assertThat(c.encode()).isEqualTo(Hex.bytes(Vectors.OPTION_177));
        assertThat(LegacyClientConfiguration.decode(ByteBuffer.wrap(c.encode()))).isEqualTo(c);
    }

    @Test
    void encodesLegacyOption177FromSubOptions() {
        LegacyClientConfiguration c = LegacyClientConfiguration.of(SubOptions.builder()
                .set(LegacyClientConfiguration.PRIMARY_DNS_SERVER, Ipv4Address.parse("10.0.0.53").toBytes())
                .set(LegacyClientConfiguration.CMS_FQDN, "cms.example.com".getBytes()).build());
        assertThat(c.primaryDnsServer()).contains(Ipv4Address.parse("10.0.0.53"));
        assertThat(c.cmsFqdn()).contains("cms.example.com");
        assertThat(c.toOption().code()).isEqualTo(177);
        assertThatThrownBy(() -> LegacyClientConfiguration.of(SubOptions.builder().set(8, new byte[2]).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsLegacyOption177WithWrongLengths() {
        for (String hex : new String[] {"01 03 0a0000", "07 00", "0b 04 00000001", "0c 02 0101", "06 05 4142"}) {
            assertThatThrownBy(() -> LegacyClientConfiguration.decode(Hex.bytes(hex))).as(hex)
                    .isInstanceOf(DecodeException.class);
        }
    }

    @Test
    void subOptionsKeepRepeatsAndUnknownCodesInOrder() throws DecodeException {
        byte[] v = Hex.bytes("05 01 aa 05 00 ff 02 0102 00 00");
        SubOptions s = SubOptions.decode(v, "test");
        assertThat(s.size()).isEqualTo(4);
        assertThat(s.code(0)).isEqualTo(5);
        assertThat(s.code(3)).isZero();
        assertThat(s.value(1)).isEmpty();
        assertThat(s.get(5)).hasValueSatisfying(b -> assertThat(b).containsExactly(0xaa));
        assertThat(s.contains(7)).isFalse();
        assertThat(s.encode()).isEqualTo(v);
        assertThat(s.toString()).isEqualTo("[5=aa, 5=, 255=0102, 0=]");
        SubOptions t = s.toBuilder().set(5, new byte[] {1}).remove(0).add(9, new byte[0]).build();
        assertThat(t.encode()).isEqualTo(Hex.bytes("05 01 01 05 00 ff 02 0102 09 00"));
        assertThat(SubOptions.decode(v, "test")).isEqualTo(s).hasSameHashCodeAs(s);
    }

    @Test
    void subOptionBuilderRejectsWhatOneByteCannotCarry() {
        assertThatThrownBy(() -> SubOptions.builder().set(256, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubOptions.builder().add(1, new byte[256])).isInstanceOf(IllegalArgumentException.class);
    }
}
