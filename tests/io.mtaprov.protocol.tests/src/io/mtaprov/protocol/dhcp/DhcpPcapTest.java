package io.mtaprov.protocol.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.pcap.PcapWriter;
import io.mtaprov.protocol.pcap.TsharkJudge;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wire-format oracle: a PacketCable DISCOVER/OFFER/REQUEST/ACK exchange with options 60, 43, 82,
 * 122 (and 177 in the ACK) written to a pcap and dissected by tshark, which must find nothing
 * malformed and must read back the values that were encoded.
 */
class DhcpPcapTest {
    private static final Ipv4Address SERVER = Ipv4Address.parse("10.0.0.1");
    private static final Ipv4Address RELAY = Ipv4Address.parse("10.1.0.1");
    private static final Ipv4Address MTA = Ipv4Address.parse("10.1.0.50");
    private static TsharkJudge judge;

    @BeforeAll
    static void dissect() throws DecodeException {
        TsharkJudge.requireTshark();
        DhcpMessage discover = DhcpMessage.decode(Vectors.discover());
        DhcpMessage request = discover.toBuilder().option(DhcpMessageType.REQUEST.toOption())
                .option(DhcpOption.addresses(50, MTA)).option(StandardOptions.serverId(SERVER)).build();
        DhcpMessage offer = reply(discover, DhcpMessageType.OFFER);
        DhcpMessage ack = reply(request, DhcpMessageType.ACK).toBuilder()
                .option(LegacyClientConfiguration.decode(Hex.bytes(Vectors.OPTION_177)).toOption()).build();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        InetSocketAddress relay = new InetSocketAddress(RELAY.toInetAddress(), 67);
        InetSocketAddress server = new InetSocketAddress(SERVER.toInetAddress(), 67);
        PcapWriter pcap = new PcapWriter()
                .addUdp(t, relay, server, discover.encode())
                .addUdp(t.plusMillis(1), server, relay, offer.encode())
                .addUdp(t.plusMillis(2), relay, server, request.encode())
                .addUdp(t.plusMillis(3), server, relay, ack.encode());
        judge = TsharkJudge.of(pcap.toBytes());

    }

    private static DhcpMessage reply(DhcpMessage request, DhcpMessageType type) throws DecodeException {
        return DhcpMessageBuilder.replyTo(request).yiaddr(MTA).siaddr(SERVER).fileName("mta-0011223344.bin")
                .option(type.toOption())
                .option(StandardOptions.serverId(SERVER))
                .option(StandardOptions.leaseTime(86_400))
                .option(StandardOptions.subnetMask(Ipv4Address.parse("255.255.0.0")))
                .option(StandardOptions.routers(List.of(RELAY)))
                .option(StandardOptions.dnsServers(List.of(SERVER)))
                .option(StandardOptions.domainName("example.com"))
                .option(ClientConfiguration.builder()
                        .primaryDhcpServer(SERVER)
                        .provisioningServer("mps.example.com")
                        .asReqBackoff(new KerberosBackoff(100, 10, 5))
                        .apReqBackoff(new KerberosBackoff(200, 20, 3))
                        .kerberosRealm("BASIC.1")
                        .tgsUtilization(false)
                        .provisioningTimer(10)
                        .ticketControl(ClientConfiguration.INVALIDATE_PROVISIONING_TICKETS)
                        .kdcServers(List.of(Ipv4Address.parse("10.0.0.88")))
                        .build().toOption())
                .option(request.options().relayAgentInfo().orElseThrow().toOption())
                .build();
    }

    @Test
    void tsharkFindsNoMalformedFieldOrExpertError() {
        assertThat(judge.frameCount()).isEqualTo(4);
        judge.assertClean();
    }

    @Test
    void everyOtherMessageKindDissectsCleanly() throws DecodeException {
        // DECLINE(4), NAK(6), RELEASE(7), INFORM(8) as our server and simulator send them (RFC 2132 9.6)
        DhcpMessage discover = DhcpMessage.decode(Vectors.discover());
        DhcpMessage decline = discover.toBuilder().option(DhcpMessageType.DECLINE.toOption())
                .option(DhcpOption.addresses(50, MTA)).option(StandardOptions.serverId(SERVER)).build();
        DhcpMessage nak = DhcpMessageBuilder.replyTo(discover).option(DhcpMessageType.NAK.toOption())
                .option(StandardOptions.serverId(SERVER)).option(DhcpOption.ascii(56, "address not on this network"))
                .build();
        DhcpMessage release = discover.toBuilder().ciaddr(MTA).option(DhcpMessageType.RELEASE.toOption())
                .option(StandardOptions.serverId(SERVER)).build();
        DhcpMessage inform = discover.toBuilder().ciaddr(MTA).option(DhcpMessageType.INFORM.toOption()).build();
        Instant t = Instant.parse("2024-01-01T00:00:01Z");
        InetSocketAddress relay = new InetSocketAddress(RELAY.toInetAddress(), 67);
        InetSocketAddress server = new InetSocketAddress(SERVER.toInetAddress(), 67);
        TsharkJudge other = TsharkJudge.of(new PcapWriter().addUdp(t, relay, server, decline.encode())
                .addUdp(t.plusMillis(1), server, relay, nak.encode())
                .addUdp(t.plusMillis(2), relay, server, release.encode())
                .addUdp(t.plusMillis(3), relay, server, inform.encode()).toBytes());
        other.assertClean();
        assertThat(List.of(other.field(1, "dhcp.option.dhcp"), other.field(2, "dhcp.option.dhcp"),
                other.field(3, "dhcp.option.dhcp"), other.field(4, "dhcp.option.dhcp")))
                .containsExactly("4", "6", "7", "8");
        assertThat(other.field(2, "dhcp.option.message")).isEqualTo("address not on this network");
    }

    @Test
    void tsharkReadsMessageTypesAndHeader() {
        assertThat(judge.field(1, "dhcp.option.dhcp")).isEqualTo("1");
        assertThat(judge.field(2, "dhcp.option.dhcp")).isEqualTo("2");
        assertThat(judge.field(3, "dhcp.option.dhcp")).isEqualTo("3");
        assertThat(judge.field(4, "dhcp.option.dhcp")).isEqualTo("5");
        assertThat(judge.field(4, "dhcp.ip.your")).isEqualTo("10.1.0.50");
        assertThat(judge.field(4, "dhcp.ip.relay")).isEqualTo("10.1.0.1");
        assertThat(judge.fields(1, "dhcp.hw.mac_addr")).contains("00:11:22:33:44:55");
        assertThat(judge.field(4, "dhcp.file")).isEqualTo("mta-0011223344.bin");
    }

    @Test
    void tsharkReadsVendorClassAndCapabilities() {
        assertThat(judge.field(1, "dhcp.option.vendor_class_id")).isEqualTo(Vectors.PKTC10_VENDOR_CLASS);
    }

    @Test
    void tsharkReadsSupportedFlowsFromVendorClass() {
        assertThat(judge.field(1, "dhcp.vendor.pktc.mdc.supp_flow.secure")).isIn("1", "True");
        assertThat(judge.field(1, "dhcp.vendor.pktc.mdc.supp_flow.basic")).isIn("1", "True");
    }

    @Test
    void tsharkReadsOption122AsEncoded() {
        // Wireshark 4.0 shows sub-option values in the item text only, and does not know
        // sub-option 10 (RFC 3634): it lists it as "Unknown (10)" without complaint.
        assertThat(judge.verbose()).contains(
                "TSP's Primary DHCP Server (1): 10.0.0.1",
                "TSP's Provisioning Server (3): mps.example.com",
                "TSP's Kerberos Realm Name (6): BASIC.1",
                "TSP's Ticket Granting Server Utilization (7): No",
                "TSP's Provisioning Timer Value (8): 10");
        assertThat(judge.field(2, "dhcp.cl.ietf_ccc.dev_realm_unc_key_nom_timeout")).isEqualTo("100");
        assertThat(judge.field(2, "dhcp.cl.ietf_ccc.dev_prov_unc_key_max_retries")).isEqualTo("3");
        assertThat(judge.field(4, "dhcp.ccc.ietf.sec_tkt.pc_provision_server")).isIn("1", "True");
    }

    @Test
    void tsharkCarriesOption177Intact() {
        // Wireshark 4.0 names 177 "Etherboot" and ignores dhcp.pkt.ccc.option:177 on read, so it
        // can only confirm the option is framed correctly (no malformed marker, right length).
        assertThat(judge.verbose()).contains("Option: (177)");
        assertThat(judge.fields(4, "dhcp.option.length")).contains(
                String.valueOf(Hex.bytes(Vectors.OPTION_177).length));
    }
}
