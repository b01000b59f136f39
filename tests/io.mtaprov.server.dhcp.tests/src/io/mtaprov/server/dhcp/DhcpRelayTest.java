package io.mtaprov.server.dhcp;

import static io.mtaprov.server.dhcp.DhcpTestClient.macText;
import static io.mtaprov.server.dhcp.DhcpTestClient.requestedIp;
import static io.mtaprov.server.dhcp.DhcpTestClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.RelayAgentInfo;
import io.mtaprov.protocol.dhcp.StandardOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two CMTS relays (127.0.0.2 and 127.0.0.3 on the server port) in front of two scopes. */
class DhcpRelayTest {
    @TempDir
    Path dir;

    static Properties twoCmts() {
        Properties p = new Properties();
        p.setProperty("scopes", "cmts1,cmts2");
        p.setProperty("scope.cmts1.relays", "127.0.0.2");
        p.setProperty("scope.cmts1.subnet", "10.20.0.0/16");
        p.setProperty("scope.cmts1.router", "10.20.0.1");
        p.setProperty("scope.cmts1.pool.pktc", "10.20.0.10-10.20.0.250");
        p.setProperty("scope.cmts2.relays", "127.0.0.3");
        p.setProperty("scope.cmts2.subnet", "10.30.0.0/16");
        p.setProperty("scope.cmts2.router", "10.30.0.1");
        p.setProperty("scope.cmts2.pool.pktc", "10.30.0.10-10.30.0.250");
        p.setProperty("scope.cmts2.leaseTime", "7200");
        return p;
    }

    @Test
    void giaddrSelectsTheScopeAndOption82IsEchoedAndStored() throws Exception {
        try (DhcpFixture f = new DhcpFixture(dir, twoCmts(), ProvisioningNetwork.LOOPBACK_DEFAULTS);
                DhcpTestClient relay1 = new DhcpTestClient("127.0.0.2", f.port, f.port);
                DhcpTestClient relay2 = new DhcpTestClient("127.0.0.3", f.port, f.port)) {
            RelayAgentInfo info = RelayAgentInfo.of("cable-modem 1/0/1".getBytes(StandardCharsets.US_ASCII),
                    HexFormat.of().parseHex("0010950000aa"));
            Ipv4Address gi1 = Ipv4Address.parse("127.0.0.2");
            DhcpMessage offer = relay1.exchange(relay1.mta(DhcpMessageType.DISCOVER, 1).giaddr(gi1).hops(1)
                    .option(info.toOption()).build());
            assertThat(offer.yiaddr().toString()).startsWith("10.20.0.");
            assertThat(offer.giaddr()).isEqualTo(gi1);
            assertThat(offer.options().routers()).containsExactly(Ipv4Address.parse("10.20.0.1"));
            assertThat(offer.options().relayAgentInfo()).contains(info);
            assertThat(offer.options().asList().get(offer.options().size() - 1).code()).isEqualTo(82);
            DhcpMessage ack = relay1.exchange(relay1.mta(DhcpMessageType.REQUEST, 1).giaddr(gi1)
                    .option(StandardOptions.serverId(Ipv4Address.parse("127.0.0.1")))
                    .option(requestedIp(offer.yiaddr())).option(info.toOption()).build());
            assertThat(type(ack)).isEqualTo(DhcpMessageType.ACK);
            assertThat(ack.options().relayAgentInfo()).contains(info);
            Lease l = f.store.byIp(ack.yiaddr().toString()).orElseThrow();
            assertThat(l.scope()).isEqualTo("cmts1");
            assertThat(l.relayInfo()).isEqualTo(HexFormat.of().formatHex(info.encode()));

            DhcpMessage offer2 = relay2.exchange(relay2.mta(DhcpMessageType.DISCOVER, 2)
                    .giaddr(Ipv4Address.parse("127.0.0.3")).build());
            assertThat(offer2.yiaddr().toString()).startsWith("10.30.0.");
            assertThat(offer2.options().leaseTime()).hasValue(7200);
            assertThat(offer2.options().contains(82)).isFalse();
        }
    }

    /** Found by the live-port fuzzer: an OFFER that cannot fit 576 bytes threw out of the engine. */
    @Test
    void aReplyThatCannotFitTheClientsMessageSizeIsNotSentAndTraced() throws Exception {
        try (DhcpFixture f = new DhcpFixture(dir, twoCmts(), ProvisioningNetwork.LOOPBACK_DEFAULTS);
                DhcpTestClient relay1 = new DhcpTestClient("127.0.0.2", f.port, f.port)) {
            relay1.timeout(500);
            byte[] longId = new byte[220];
            java.util.Arrays.fill(longId, (byte) 'c');
            RelayAgentInfo huge = RelayAgentInfo.of(longId, longId); // 444 bytes to echo (RFC 3046 2.2, RFC 3396)
            Ipv4Address gi1 = Ipv4Address.parse("127.0.0.2");
            relay1.send(relay1.mta(DhcpMessageType.DISCOVER, 6).giaddr(gi1).hops(1).option(huge.toOption()).build());
            assertThat(relay1.receive()).isEmpty();
            io.mtaprov.tests.support.Await.until("the refusal traced", java.time.Duration.ofSeconds(5),
                    () -> f.trace.events().stream().anyMatch(e -> e.summary().contains("does not fit")
                            && e.outcome() == io.mtaprov.core.model.Outcome.REJECTED));
            assertThat(relay1.exchange(relay1.mta(DhcpMessageType.DISCOVER, 7).giaddr(gi1).build()).yiaddr().toString())
                    .startsWith("10.20.0.");
        }
    }

    @Test
    void anUnknownRelayIsRefusedAndAClassWithoutPoolIsNotServed() throws Exception {
        try (DhcpFixture f = new DhcpFixture(dir, twoCmts(), ProvisioningNetwork.LOOPBACK_DEFAULTS);
                DhcpTestClient relay = new DhcpTestClient("127.0.0.4", f.port, f.port)) {
            relay.timeout(300);
            relay.send(relay.mta(DhcpMessageType.DISCOVER, 3).giaddr(Ipv4Address.parse("127.0.0.4")).build());
            assertThat(relay.receive()).isEmpty();
            relay.send(relay.client(DhcpMessageType.DISCOVER, 4).giaddr(Ipv4Address.parse("10.20.5.1")).build());
            io.mtaprov.tests.support.Await.until("two refusals", java.time.Duration.ofSeconds(5),
                    () -> f.server.status().rejected() == 2);
            assertThat(f.trace.events()).anyMatch(e -> e.summary().contains("no scope serves relay giaddr 127.0.0.4"))
                    .anyMatch(e -> e.summary().contains("serves no other clients") && e.mtaMac().equals(macText(4)));
        }
    }

    @Test
    void eachCmtsGivesItsOwnRealmWhichTheLeaseKeepsAndACmtsWithoutOneRefusesMtasAtStepTwo() throws Exception {
        Properties p = twoCmts();
        p.setProperty("scope.cmts1.realm", "HYBRID.1");
        p.setProperty("scope.cmts2.realm", "");
        try (DhcpFixture f = new DhcpFixture(dir, p, ProvisioningNetwork.LOOPBACK_DEFAULTS);
                DhcpTestClient relay1 = new DhcpTestClient("127.0.0.2", f.port, f.port);
                DhcpTestClient relay2 = new DhcpTestClient("127.0.0.3", f.port, f.port)) {
            Ipv4Address gi1 = Ipv4Address.parse("127.0.0.2");
            DhcpMessage offer = relay1.exchange(relay1.mta(DhcpMessageType.DISCOVER, 5).giaddr(gi1).build());
            assertThat(offer.options().clientConfiguration().orElseThrow().kerberosRealm()).contains("HYBRID.1");
            DhcpMessage ack = relay1.exchange(relay1.mta(DhcpMessageType.REQUEST, 5).giaddr(gi1)
                    .option(StandardOptions.serverId(Ipv4Address.parse("127.0.0.1")))
                    .option(requestedIp(offer.yiaddr())).build());
            assertThat(ack.options().clientConfiguration().orElseThrow().kerberosRealm()).contains("HYBRID.1");
            assertThat(f.store.byIp(ack.yiaddr().toString()).orElseThrow().realm()).isEqualTo("HYBRID.1");

            relay2.timeout(300);
            relay2.send(relay2.mta(DhcpMessageType.DISCOVER, 6).giaddr(Ipv4Address.parse("127.0.0.3")).build());
            assertThat(relay2.receive()).isEmpty();
            io.mtaprov.tests.support.Await.until("the refusal", java.time.Duration.ofSeconds(5),
                    () -> f.server.status().rejected() == 1);
            assertThat(f.trace.events()).anyMatch(e -> e.mtaMac().equals(macText(6))
                    && e.step() == io.mtaprov.core.model.ProvisioningStep.DHCP_OPTIONS_TRANSFER
                    && e.summary().contains("no lease without option 122")
                    && e.summary().contains("scope cmts2 has no provisioning configuration"));
            assertThat(f.server.status().lastError()).as("a CMTS left without provisioning on purpose is no error")
                    .isNullOrEmpty();
        }
    }
}
