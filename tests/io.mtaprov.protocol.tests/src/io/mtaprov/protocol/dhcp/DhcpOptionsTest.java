package io.mtaprov.protocol.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.protocol.DecodeException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain options of RFC 2132 and the option list. */
class DhcpOptionsTest {
    private static final Ipv4Address A = Ipv4Address.parse("10.1.0.1");
    private static final Ipv4Address B = Ipv4Address.parse("10.0.0.53");

    /** An ACK as a PacketCable server sends it: option bytes per RFC 2132 sections 9.6 ... 3.17. */
    private static final String ACK_OPTIONS = ""
            + "35 01 05" + "36 04 0a000001" + "33 04 00015180" + "3a 04 0000a8c0" + "3b 04 00012750"
            + "01 04 ffff0000" + "03 04 0a010001" + "06 08 0a000035 0a000036" + "0c 05 6d74613031"
            + "0f 0b 6578616d706c652e636f6d" + "42 04 74667470" + "43 07 6d74612e62696e"
            + "39 02 0240";

    @Test
    void buildsPacketCableAckOptionsByteExact() {
        DhcpOptions o = DhcpOptions.builder()
                .set(StandardOptions.messageType(DhcpMessageType.ACK))
                .set(StandardOptions.serverId(Ipv4Address.parse("10.0.0.1")))
                .set(StandardOptions.leaseTime(86_400))
                .set(StandardOptions.renewalTime(43_200))
                .set(StandardOptions.rebindingTime(75_600))
                .set(StandardOptions.subnetMask(Ipv4Address.parse("255.255.0.0")))
                .set(StandardOptions.routers(List.of(A)))
                .set(StandardOptions.dnsServers(List.of(B, Ipv4Address.parse("10.0.0.54"))))
                .set(StandardOptions.hostName("mta01"))
                .set(StandardOptions.domainName("example.com"))
                .set(StandardOptions.tftpServer("tftp"))
                .set(StandardOptions.bootfile("mta.bin"))
                .set(StandardOptions.maxMessageSize(576))
                .build();
        byte[] wire = DhcpMessage.builder().options(o).minimumLength(240).build().encode();
        assertThat(java.util.Arrays.copyOfRange(wire, 240, wire.length)).isEqualTo(Hex.bytes(ACK_OPTIONS + "ff"));
    }

    @Test
    void readsTypedPacketCableAckOptions() throws DecodeException {
        DhcpOptions o = DhcpMessage.decode(Hex.bytes(Vectors.DISCOVER_HEADER + ACK_OPTIONS + "ff")).options();
        assertThat(o.messageType()).contains(DhcpMessageType.ACK);
        assertThat(o.serverId()).contains(Ipv4Address.parse("10.0.0.1"));
        assertThat(o.leaseTime()).hasValue(86_400);
        assertThat(o.renewalTime()).hasValue(43_200);
        assertThat(o.rebindingTime()).hasValue(75_600);
        assertThat(o.subnetMask()).contains(Ipv4Address.parse("255.255.0.0"));
        assertThat(o.routers()).containsExactly(A);
        assertThat(o.dnsServers()).containsExactly(B, Ipv4Address.parse("10.0.0.54"));
        assertThat(o.hostName()).contains("mta01");
        assertThat(o.domainName()).contains("example.com");
        assertThat(o.tftpServer()).contains("tftp");
        assertThat(o.bootfile()).contains("mta.bin");
        assertThat(o.maxMessageSize()).hasValue(576);
    }

    @Test
    void absentOptionsAreEmpty() throws DecodeException {
        DhcpOptions o = DhcpOptions.EMPTY;
        assertThat(o.messageType()).isEmpty();
        assertThat(o.serverId()).isEmpty();
        assertThat(o.subnetMask()).isEmpty();
        assertThat(o.leaseTime()).isEmpty();
        assertThat(o.renewalTime()).isEmpty();
        assertThat(o.rebindingTime()).isEmpty();
        assertThat(o.maxMessageSize()).isEmpty();
        assertThat(o.routers()).isEmpty();
        assertThat(o.dnsServers()).isEmpty();
        assertThat(o.hostName()).isEmpty();
        assertThat(o.parameterRequestList()).isEmpty();
        assertThat(o.requests(122)).isFalse();
        assertThat(o.clientId()).isEmpty();
        assertThat(o.vendorClass()).isEmpty();
        assertThat(o.cableLabsVendorInfo()).isEmpty();
        assertThat(o.relayAgentInfo()).isEmpty();
        assertThat(o.clientConfiguration()).isEmpty();
        assertThat(o.legacyClientConfiguration()).isEmpty();
        assertThat(o.get(1)).isEmpty();
    }

    @Test
    void readsTheViewsOfAnEmtaDiscover() throws DecodeException {
        DhcpOptions o = DhcpMessage.decode(Vectors.discover()).options();
        assertThat(o.parameterRequestList()).containsExactly(1, 3, 6, 15, 122);
        assertThat(o.requests(122)).isTrue();
        assertThat(o.requests(177)).isFalse();
        assertThat(o.clientId()).hasValueSatisfying(c -> assertThat(c).isEqualTo(Hex.bytes("01 001122334455")));
        assertThat(o.vendorClass().orElseThrow().capabilities().orElseThrow().endpoints()).hasValue(2);
        assertThat(o.cableLabsVendorInfo().orElseThrow().deviceType()).contains("EMTA");
        assertThat(o.relayAgentInfo().orElseThrow().remoteIdMac()).contains("00:AA:BB:CC:DD:EE");
    }

    @Test
    void readsOptions122And177InAMessage() throws DecodeException {
        DhcpOptions o = DhcpMessage.decode(Hex.bytes(Vectors.DISCOVER_HEADER + "7a 25 01 04 0a000001 " + Vectors.REALM_BASIC_1 + " 03 12 00 03 6d7073 07 6578616d706c65 03 636f6d 00"
                + " b1 03 08 01 05 ff")).options();
        assertThat(o.clientConfiguration().orElseThrow().kerberosRealm()).contains("BASIC.1");
        assertThat(o.legacyClientConfiguration().orElseThrow().provisioningTimer()).hasValue(5);
    }

    @Test
    void typedGettersRejectMalformedOptionsWithDecodeException() throws DecodeException {
        DhcpOptions o = DhcpMessage.decode(Hex.bytes(Vectors.DISCOVER_HEADER
                + "35 02 0101 36 03 0a0000 33 00 3a 05 0000000000 3b 01 00 01 00 03 05 0102030405"
                + "06 00 3d 01 01 39 01 02 ff")).options();
        assertThatThrownBy(o::messageType).isInstanceOf(DecodeException.class).hasMessageContaining("option 53");
        assertThatThrownBy(o::serverId).isInstanceOf(DecodeException.class).hasMessageContaining("option 54");
        assertThatThrownBy(o::leaseTime).isInstanceOf(DecodeException.class);
        assertThatThrownBy(o::renewalTime).isInstanceOf(DecodeException.class);
        assertThatThrownBy(o::rebindingTime).isInstanceOf(DecodeException.class);
        assertThatThrownBy(o::subnetMask).isInstanceOf(DecodeException.class);
        assertThatThrownBy(o::routers).isInstanceOf(DecodeException.class);
        assertThatThrownBy(o::dnsServers).isInstanceOf(DecodeException.class);
        assertThatThrownBy(o::clientId).isInstanceOf(DecodeException.class);
        assertThatThrownBy(o::maxMessageSize).isInstanceOf(DecodeException.class);
    }

    @Test
    void rejectsUnknownMessageType() throws DecodeException {
        DhcpOptions o = DhcpMessage.decode(Hex.bytes(Vectors.DISCOVER_HEADER + "35 01 63 ff")).options();
        assertThatThrownBy(o::messageType).isInstanceOf(DecodeException.class).hasMessageContaining("99");
        assertThat(DhcpMessageType.of(13)).contains(DhcpMessageType.LEASEACTIVE);
        assertThat(DhcpMessageType.of(9)).isEmpty();
        assertThat(DhcpMessageType.of(-1)).isEmpty();
        assertThat(DhcpMessageType.of(300)).isEmpty();
    }

    @Test
    void keepsUnknownOptionsByteExact() throws DecodeException {
        byte[] wire = Hex.bytes(Vectors.DISCOVER_HEADER + "fe 03 010203 35 01 01 e0 00 ff");
        DhcpMessage m = DhcpMessage.decode(wire);
        assertThat(m.options().get(254).orElseThrow().value()).isEqualTo(Hex.bytes("010203"));
        assertThat(m.encode()).isEqualTo(wire);
    }

    @Test
    void builderSetsReplacesInPlaceAndRemoves() {
        DhcpOptions o = DhcpOptions.builder().set(DhcpOption.uint8(53, 1)).set(DhcpOption.ascii(12, "a"))
                .set(DhcpOption.uint8(53, 3)).remove(99).build();
        assertThat(o.asList()).containsExactly(DhcpOption.uint8(53, 3), DhcpOption.ascii(12, "a"));
        assertThat(o.toBuilder().remove(53).build().asList()).containsExactly(DhcpOption.ascii(12, "a"));
        assertThat(DhcpOptions.builder().build()).isSameAs(DhcpOptions.EMPTY);
        DhcpOptions.Builder many = DhcpOptions.builder();
        for (int c = 1; c < 60; c++) {
            many.set(DhcpOption.uint8(c, c));
        }
        assertThat(many.build().size()).isEqualTo(59);
        assertThat(o).isEqualTo(DhcpOptions.builder().set(DhcpOption.uint8(53, 3)).set(DhcpOption.ascii(12, "a")).build());
        assertThat(o.toString()).isEqualTo("[option 53 [03], option 12 [61]]");
    }

    @Test
    void optionFactoriesEncodeNetworkOrderAndCopyValues() {
        assertThat(DhcpOption.uint16(57, 0x0240).value()).isEqualTo(Hex.bytes("0240"));
        assertThat(DhcpOption.uint32(51, 0xffffffffL).value()).isEqualTo(Hex.bytes("ffffffff"));
        assertThat(DhcpOption.addresses(3, A, B).value()).isEqualTo(Hex.bytes("0a010001 0a000035"));
        assertThat(StandardOptions.parameterRequestList(1, 122).value()).isEqualTo(Hex.bytes("017a"));
        assertThat(StandardOptions.clientId(1, Hex.bytes("001122334455")).value()).isEqualTo(Hex.bytes("01001122334455"));
        assertThat(StandardOptions.vendorClass("pktc1.5:").value()).isEqualTo("pktc1.5:".getBytes());
        byte[] v = {1, 2};
        DhcpOption o = DhcpOption.of(200, v);
        v[0] = 9;
        assertThat(o.value()).containsExactly(1, 2);
        o.value()[1] = 9;
        assertThat(o.value()).containsExactly(1, 2);
        assertThat(o).hasSameHashCodeAs(DhcpOption.of(200, new byte[] {1, 2}));
    }

    @Test
    void optionFactoriesRejectWhatTheWireCannotCarry() {
        assertThatThrownBy(() -> DhcpOption.of(0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DhcpOption.of(255, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DhcpOption.uint8(53, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DhcpOption.uint16(57, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DhcpOption.uint32(51, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DhcpOption.addresses(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DhcpOption.ascii(12, "\u00e9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardOptions.hostName("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardOptions.parameterRequestList()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardOptions.parameterRequestList(255)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardOptions.clientId(1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardOptions.maxMessageSize(575)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardOptions.routers(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesAndFormatsIpv4Addresses() {
        assertThat(Ipv4Address.parse("192.168.0.255").bits()).isEqualTo(0xc0a800ff);
        assertThat(Ipv4Address.parse("0.0.0.0")).isEqualTo(Ipv4Address.ANY);
        assertThat(Ipv4Address.of(255, 255, 255, 255).toString()).isEqualTo("255.255.255.255");
        assertThat(Ipv4Address.of(Hex.bytes("0a000001")).toInetAddress().getHostAddress()).isEqualTo("10.0.0.1");
        assertThat(Ipv4Address.of(Ipv4Address.parse("10.0.0.1").toInetAddress())).isEqualTo(Ipv4Address.parse("10.0.0.1"));
        for (String bad : new String[] {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "a.b.c.d", "1.2.3.4.", "1234.1.1.1"}) {
            assertThatThrownBy(() -> Ipv4Address.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Ipv4Address.of(1, 2, 3, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Address.of(new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodesAndDecodesRfc1035LabelsWithoutCompression() throws DecodeException {
        byte[] v = DnsLabels.encode("mps.example.com.", 0, "name");
        assertThat(v).isEqualTo(Hex.bytes("03 6d7073 07 6578616d706c65 03 636f6d 00"));
        assertThat(DnsLabels.decode(v, 0, "name")).isEqualTo("mps.example.com");
        String longest = ("x".repeat(63) + ".").repeat(3) + "x".repeat(61);
        assertThat(DnsLabels.decode(DnsLabels.encode(longest, 0, "n"), 0, "n")).isEqualTo(longest);
        assertThatThrownBy(() -> DnsLabels.encode(longest + "x", 0, "n")).isInstanceOf(IllegalArgumentException.class);
        byte[] tooLong = new byte[256];
        assertThatThrownBy(() -> DnsLabels.decode(tooLong, 0, "n")).isInstanceOf(DecodeException.class);
    }
}
