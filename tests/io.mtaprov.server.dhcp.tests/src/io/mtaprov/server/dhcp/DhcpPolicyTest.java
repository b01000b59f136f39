package io.mtaprov.server.dhcp;

import static io.mtaprov.server.dhcp.DhcpTestClient.macText;
import static io.mtaprov.server.dhcp.DhcpTestClient.requestedIp;
import static io.mtaprov.server.dhcp.DhcpTestClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.StandardOptions;
import io.mtaprov.tests.support.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reservations, configuration errors, the Basic flow hook and hostile input. */
class DhcpPolicyTest {
    static final Duration WAIT = Duration.ofSeconds(5);
    @TempDir
    Path dir;

    static ProvisioningNetwork net(String realm, String mps) {
        ProvisioningNetwork d = ProvisioningNetwork.LOOPBACK_DEFAULTS;
        return new ProvisioningNetwork(d.zone(), realm, mps, d.mpsAddress(), d.kdcFqdn(), d.kdcAddress(),
                d.tftpFqdn(), d.tftpAddress(), d.dnsAddress());
    }

    @Test
    void aReservedMacAlwaysGetsItsAddress() throws Exception {
        Properties p = new Properties();
        p.setProperty("reserve." + macText(1), "10.10.0.77");
        try (DhcpFixture f = new DhcpFixture(dir, p, ProvisioningNetwork.LOOPBACK_DEFAULTS);
                DhcpTestClient c = f.client()) {
            assertThat(c.exchange(c.mta(DhcpMessageType.DISCOVER, 1).build()).yiaddr().toString())
                    .isEqualTo("10.10.0.77");
            DhcpMessage other = c.exchange(c.mta(DhcpMessageType.DISCOVER, 2)
                    .option(requestedIp(Ipv4Address.parse("10.10.0.77"))).build());
            assertThat(other.yiaddr().toString()).isNotEqualTo("10.10.0.77");
        }
    }

    @Test
    void anMtaIsRefusedWhenOption122CannotBeBuiltAndTheServerShowsWhy() throws Exception {
        try (DhcpFixture f = new DhcpFixture(dir, new Properties(), net("HYBRID.2", "bad..name"));
                DhcpTestClient c = f.client()) {
            c.timeout(300);
            c.send(c.mta(DhcpMessageType.DISCOVER, 3).build());
            assertThat(c.receive()).isEmpty();
            Await.until("refusal trace", WAIT, () -> f.trace.events().stream().anyMatch(
                    e -> e.outcome() == Outcome.REJECTED && e.summary().contains("option 122")));
            assertThat(f.server.status().lastError()).contains("option 122").contains("bad..name");
            assertThat(f.server.status().rejected()).isEqualTo(1);
            // other clients are still served
            c.timeout(2000);
            assertThat(type(c.exchange(c.client(DhcpMessageType.DISCOVER, 4).build()))).isEqualTo(DhcpMessageType.OFFER);
        }
    }

    @Test
    void basicFlowPutsTheProvidersFileInSiaddrAndFileOrRefusesWithoutIt() throws Exception {
        try (DhcpFixture f = new DhcpFixture(dir, new Properties(), net("BASIC.1", "mps.mtaprov.lab"));
                DhcpTestClient c = f.client()) {
            c.timeout(300);
            c.send(c.mta(DhcpMessageType.DISCOVER, 5).build());
            assertThat(c.receive()).isEmpty();
            Await.until("Basic flow refusal", WAIT, () -> f.trace.events().stream()
                    .anyMatch(e -> e.summary().contains("BasicFlowFileProvider")));
            f.server.setBasicFlowFileProvider((mac, lease) -> Optional.of(
                    new BasicFlowFileProvider.BasicFlowFile("mta-" + mac.replace(":", "") + ".bin", "10.0.0.69")));
            c.timeout(2000);
            DhcpMessage offer = c.exchange(c.mta(DhcpMessageType.DISCOVER, 5).build());
            assertThat(offer.siaddr().toString()).isEqualTo("10.0.0.69");
            assertThat(offer.fileName()).isEqualTo("mta-001095000005.bin");
            assertThat(offer.options().clientConfiguration().orElseThrow().kerberosRealm()).contains("BASIC.1");
        }
    }

    @Test
    void garbageTruncatedAndOversizedDatagramsAreRefusedAndServiceGoesOn() throws Exception {
        try (DhcpFixture f = new DhcpFixture(dir); DhcpTestClient c = f.client()) {
            byte[] valid = c.mta(DhcpMessageType.DISCOVER, 6).build().encode();
            byte[] badOption = valid.clone();
            badOption[DhcpMessage.HEADER_LENGTH + 1] = (byte) 250; // option 53 claims 250 bytes
            byte[] reply = valid.clone();
            reply[0] = 2; // BOOTREPLY
            for (byte[] junk : new byte[][] {new byte[0], new byte[] {1}, Arrays.copyOf(valid, 100),
                Arrays.copyOf(valid, DhcpMessage.HEADER_LENGTH - 1), badOption, reply, new byte[9000],
                "GET / HTTP/1.0\r\n\r\n".getBytes()}) {
                c.send(junk);
            }
            assertThat(type(c.exchange(c.mta(DhcpMessageType.DISCOVER, 6).build()))).isEqualTo(DhcpMessageType.OFFER);
            Await.until("all refused", WAIT, () -> f.server.status().rejected() == 8);
            assertThat(f.trace.events()).anyMatch(e -> e.summary().contains("oversized"))
                    .anyMatch(e -> e.summary().contains("malformed"));
            assertThat(f.server.status().state()).isEqualTo(io.mtaprov.core.server.ServerState.RUNNING);
        }
    }

    @Test
    void boundLeaseExpiresWhenNotRenewed() throws Exception {
        Properties p = new Properties();
        p.setProperty("scope.default.subnet", "10.30.0.0/24");
        p.setProperty("scope.default.pool.other", "10.30.0.10-10.30.0.20");
        p.setProperty("scope.default.leaseTime", "60");
        try (DhcpFixture f = new DhcpFixture(dir, p, ProvisioningNetwork.LOOPBACK_DEFAULTS);
                DhcpTestClient c = f.client()) {
            DhcpMessage offer = c.exchange(c.client(DhcpMessageType.DISCOVER, 7).build());
            c.exchange(c.client(DhcpMessageType.REQUEST, 7).option(requestedIp(offer.yiaddr()))
                    .option(StandardOptions.serverId(Ipv4Address.parse("127.0.0.1"))).build());
            Lease l = f.store.byMac(macText(7)).orElseThrow();
            assertThat(l.expires().toEpochMilli() - l.start().toEpochMilli()).isEqualTo(60_000);
            assertThat(f.store.expire(l.expires())).extracting(Lease::mac).containsExactly(macText(7));
        }
    }
}
