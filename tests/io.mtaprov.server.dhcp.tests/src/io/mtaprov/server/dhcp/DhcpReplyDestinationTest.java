package io.mtaprov.server.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.RelayAgentInfo;
import io.mtaprov.protocol.dhcp.SubOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where replies go (RFC 2131 section 4.1, RFC 8357) and which sockets a server listens on. */
class DhcpReplyDestinationTest {
    @TempDir
    Path dir;

    private static DhcpEngine engine(int port) {
        DhcpConfig c = DhcpConfigLoader.fromProperties(DhcpRelayTest.twoCmts(), ProvisioningNetwork.LOOPBACK_DEFAULTS,
                Ipv4Address.parse("127.0.0.1"), 10, 30_000);
        return new DhcpEngine(c, new LeaseTable(Map.of()), port, () -> null);
    }

    private static RelayAgentInfo relayInfo(boolean sourcePort) {
        SubOptions.Builder b = SubOptions.builder().set(RelayAgentInfo.CIRCUIT_ID,
                "cable-modem 1/0/1".getBytes(StandardCharsets.US_ASCII));
        if (sourcePort) {
            b.set(DhcpEngine.RELAY_SOURCE_PORT, new byte[0]);
        }
        return RelayAgentInfo.of(b.build());
    }

    @Test
    void aClientWithoutAddressGetsABroadcastToTheClientPortAndARelayItsServerPortOrItsSourcePort()
            throws Exception {
        DhcpEngine e = engine(67);
        DhcpMessage fromZero = DhcpMessage.builder().xid(1).hardwareAddress(DhcpTestClient.mac(1)).broadcast(true)
                .option(DhcpMessageType.DISCOVER.toOption()).build();
        assertThat(e.destination(fromZero, new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 68)))
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("255.255.255.255"), 68));
        InetSocketAddress renewing = new InetSocketAddress(InetAddress.getByName("198.18.77.100"), 68);
        assertThat(e.destination(fromZero, renewing)).isEqualTo(renewing);

        Ipv4Address gi = Ipv4Address.parse("198.18.0.1");
        InetSocketAddress relay = new InetSocketAddress(InetAddress.getByName("198.18.0.1"), 40000);
        DhcpMessage plain = DhcpMessage.builder().xid(2).hardwareAddress(DhcpTestClient.mac(2)).giaddr(gi)
                .option(DhcpMessageType.DISCOVER.toOption()).option(relayInfo(false).toOption()).build();
        assertThat(e.destination(plain, relay)).isEqualTo(new InetSocketAddress(gi.toInetAddress(), 67));
        DhcpMessage rfc8357 = DhcpMessage.builder().xid(3).hardwareAddress(DhcpTestClient.mac(3)).giaddr(gi)
                .option(DhcpMessageType.DISCOVER.toOption()).option(relayInfo(true).toOption()).build();
        assertThat(DhcpEngine.hasRelaySourcePort(rfc8357)).isTrue();
        assertThat(e.destination(rfc8357, relay)).isEqualTo(relay);
    }

    @Test
    void aRelayOnAnotherPortThanOursIsAnsweredThereWhenItSaysSoWithRfc8357() throws Exception {
        try (DhcpFixture f = new DhcpFixture(dir, DhcpRelayTest.twoCmts(), ProvisioningNetwork.LOOPBACK_DEFAULTS);
                DhcpTestClient relay = new DhcpTestClient("127.0.0.2", 0, f.port)) {
            Ipv4Address gi = Ipv4Address.parse("127.0.0.2");
            DhcpMessage offer = relay.exchange(relay.mta(DhcpMessageType.DISCOVER, 1).giaddr(gi).hops(1)
                    .option(relayInfo(true).toOption()).build());
            assertThat(offer.yiaddr().toString()).startsWith("10.20.0.");
            assertThat(offer.options().relayAgentInfo()).contains(relayInfo(true));
            relay.timeout(300); // without sub-option 19 the OFFER goes to 127.0.0.2 at the server port
            relay.send(relay.mta(DhcpMessageType.DISCOVER, 2).giaddr(gi).option(relayInfo(false).toOption()).build());
            assertThat(relay.receive()).isEmpty();
        }
    }

    @Test
    void onlyAServerBoundToOneInterfaceAddressAddsTheBroadcastListener() throws Exception {
        assertThat(ReceiveLoop.listensForBroadcasts(InetAddress.getByName("198.18.77.1"))).isTrue();
        assertThat(ReceiveLoop.listensForBroadcasts(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(ReceiveLoop.listensForBroadcasts(InetAddress.getByName("0.0.0.0"))).isFalse();
        assertThat(ReceiveLoop.listensForBroadcasts(InetAddress.getByName("::1"))).isFalse();
    }
}
