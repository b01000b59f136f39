package io.mtaprov.server.dhcp;

import static io.mtaprov.server.dhcp.DhcpTestClient.macText;
import static io.mtaprov.server.dhcp.DhcpTestClient.requestedIp;
import static io.mtaprov.server.dhcp.DhcpTestClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.protocol.dhcp.ClientConfiguration;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.ProvisioningServer;
import io.mtaprov.protocol.dhcp.StandardOptions;
import io.mtaprov.tests.support.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on a loopback socket with H2 leases, driven by raw DHCP messages. */
class DhcpServerTest {
    static final Ipv4Address SERVER = Ipv4Address.parse("127.0.0.1");
    static final Duration WAIT = Duration.ofSeconds(5);
    @TempDir
    Path dir;
    DhcpFixture f;
    DhcpTestClient c;

    @BeforeEach
    void start() throws Exception {
        f = new DhcpFixture(dir);
        c = f.client();
    }

    @AfterEach
    void stop() {
        c.close();
        f.close();
    }

    /** DISCOVER, OFFER, REQUEST (selecting), ACK for an MTA; returns the ACK. */
    DhcpMessage dora(int macNo) throws Exception {
        DhcpMessage offer = c.exchange(c.mta(DhcpMessageType.DISCOVER, macNo).build());
        assertThat(type(offer)).isEqualTo(DhcpMessageType.OFFER);
        return c.exchange(c.mta(DhcpMessageType.REQUEST, macNo).option(StandardOptions.serverId(SERVER))
                .option(requestedIp(offer.yiaddr())).build());
    }

    @Test
    void mtaGetsAnAddressWithOption122AndDnsThroughDora() throws Exception {
        DhcpMessage offer = c.exchange(c.mta(DhcpMessageType.DISCOVER, 1).build());
        assertThat(type(offer)).isEqualTo(DhcpMessageType.OFFER);
        assertThat(offer.yiaddr().toString()).startsWith("10.10.");
        DhcpMessage ack = c.exchange(c.mta(DhcpMessageType.REQUEST, 1).option(StandardOptions.serverId(SERVER))
                .option(requestedIp(offer.yiaddr())).build());
        assertThat(type(ack)).isEqualTo(DhcpMessageType.ACK);
        assertThat(ack.yiaddr()).isEqualTo(offer.yiaddr());
        assertThat(ack.xid()).isEqualTo(ack.xid());
        assertThat(ack.options().serverId()).contains(SERVER);
        assertThat(ack.options().leaseTime()).hasValue(3600);
        assertThat(ack.options().subnetMask()).contains(Ipv4Address.parse("255.255.0.0"));
        assertThat(ack.options().dnsServers()).containsExactly(Ipv4Address.parse("127.0.0.1"));
        assertThat(ack.options().domainName()).contains("mtaprov.lab");
        assertThat(ack.options().hostName()).contains("mta-001095000001");
        ClientConfiguration ccc = ack.options().clientConfiguration().orElseThrow();
        assertThat(ccc.provisioningServer()).contains(new ProvisioningServer.Fqdn("mps.mtaprov.lab"));
        assertThat(ccc.kerberosRealm()).contains("HYBRID.2");
        // RFC 3495 4.6: the realm in RFC 1035 label form, not as plain text
        assertThat(ccc.subOptions().get(ClientConfiguration.KERBEROS_REALM).orElseThrow())
                .isEqualTo("\u0006HYBRID\u00012\u0000".getBytes(StandardCharsets.US_ASCII));
        assertThat(ccc.primaryDhcpServer()).contains(SERVER);
        assertThat(ack.options().contains(177)).isFalse();
        Lease lease = f.store.byMac(macText(1)).orElseThrow();
        assertThat(lease.state()).isEqualTo(Lease.State.BOUND);
        assertThat(lease.ip()).isEqualTo(ack.yiaddr().toString());
        assertThat(lease.clientClass()).isEqualTo("pktc");
        assertThat(lease.vendorClass()).isEqualTo(DhcpTestClient.MTA_VENDOR_CLASS);
        assertThat(lease.hostname()).isEqualTo("mta-001095000001.mtaprov.lab");
        Await.until("lease event", WAIT, () -> !f.leaseEvents().isEmpty());
        assertThat(f.leaseEvents().get(0)).isEqualTo(lease);
    }

    @Test
    void tracesTheExchangeAsStepsOneAndTwoForTheMta() throws Exception {
        dora(2);
        Await.until("ACK trace", WAIT, () -> f.trace.events().stream().anyMatch(e -> e.summary().startsWith("ACK")));
        List<TraceEvent> ev = f.trace.events();
        assertThat(ev).allSatisfy(e -> assertThat(e.mtaMac()).isEqualTo(macText(2)));
        assertThat(ev).filteredOn(e -> e.direction() == Direction.IN).extracting(TraceEvent::step)
                .containsOnly(ProvisioningStep.DEVICE_ACTION_REQUEST);
        assertThat(ev).filteredOn(e -> e.direction() == Direction.OUT).extracting(TraceEvent::summary)
                .anyMatch(s -> s.startsWith("OFFER")).anyMatch(s -> s.startsWith("ACK"));
        assertThat(ev).filteredOn(e -> e.direction() == Direction.OUT).extracting(TraceEvent::step)
                .containsOnly(ProvisioningStep.DHCP_OPTIONS_TRANSFER);
        assertThat(f.server.status().received()).isEqualTo(2);
        assertThat(f.server.status().answered()).isEqualTo(2);
    }

    @Test
    void requestForAnotherServerIsIgnoredAndAWrongAddressIsNaked() throws Exception {
        DhcpMessage offer = c.exchange(c.mta(DhcpMessageType.DISCOVER, 3).build());
        c.timeout(300);
        c.send(c.mta(DhcpMessageType.REQUEST, 3).option(StandardOptions.serverId(Ipv4Address.parse("10.9.9.9")))
                .option(requestedIp(offer.yiaddr())).build());
        assertThat(c.receive()).isEmpty();
        c.timeout(2000);
        DhcpMessage nak = c.exchange(c.mta(DhcpMessageType.REQUEST, 3).option(StandardOptions.serverId(SERVER))
                .option(requestedIp(Ipv4Address.parse("10.10.200.7"))).build());
        assertThat(type(nak)).isEqualTo(DhcpMessageType.NAK);
        assertThat(nak.yiaddr()).isEqualTo(Ipv4Address.ANY);
        assertThat(new String(nak.options().get(56).orElseThrow().value(), StandardCharsets.US_ASCII))
                .contains("10.10.200.7");
        DhcpMessage offNet = c.exchange(c.mta(DhcpMessageType.REQUEST, 3)
                .option(requestedIp(Ipv4Address.parse("192.168.7.7"))).build());
        assertThat(type(offNet)).isEqualTo(DhcpMessageType.NAK);
        assertThat(f.store.byMac(macText(3))).isEmpty();
    }

    @Test
    void releaseFreesTheLeaseAndTheAddressGoesToTheNextClient() throws Exception {
        DhcpMessage ack = dora(4);
        c.send(c.mta(DhcpMessageType.RELEASE, 4).ciaddr(ack.yiaddr()).option(StandardOptions.serverId(SERVER))
                .build());
        Await.until("released", WAIT, () -> f.store.byMac(macText(4)).map(l -> l.state() == Lease.State.RELEASED)
                .orElse(false));
        DhcpMessage other = c.exchange(c.mta(DhcpMessageType.DISCOVER, 5).option(requestedIp(ack.yiaddr())).build());
        assertThat(other.yiaddr()).isEqualTo(ack.yiaddr());
    }

    @Test
    void declineMarksTheAddressAsConflictAndTheClientGetsAnother() throws Exception {
        DhcpMessage ack = dora(6);
        c.send(c.mta(DhcpMessageType.DECLINE, 6).option(requestedIp(ack.yiaddr()))
                .option(StandardOptions.serverId(SERVER)).build());
        Await.until("conflict stored", WAIT, () -> f.store.conflicts(java.time.Instant.now())
                .containsKey(ack.yiaddr().toString()));
        assertThat(f.store.byMac(macText(6)).orElseThrow().state()).isEqualTo(Lease.State.DECLINED);
        DhcpMessage again = c.exchange(c.mta(DhcpMessageType.DISCOVER, 6).option(requestedIp(ack.yiaddr())).build());
        assertThat(again.yiaddr()).isNotEqualTo(ack.yiaddr());
        assertThat(f.trace.events()).anyMatch(e -> e.outcome() == Outcome.WARNING && e.summary().contains("conflict"));
    }

    @Test
    void renewingExtendsTheLeaseAndKeepsItsStart() throws Exception {
        DhcpMessage ack = dora(7);
        Lease first = f.store.byMac(macText(7)).orElseThrow();
        long granted = first.start().toEpochMilli();
        Await.until("the clock to move past the grant", WAIT, () -> System.currentTimeMillis() > granted + 1);
        DhcpMessage renewed = c.exchange(c.mta(DhcpMessageType.REQUEST, 7).ciaddr(ack.yiaddr()).build());
        assertThat(type(renewed)).isEqualTo(DhcpMessageType.ACK);
        assertThat(renewed.ciaddr()).isEqualTo(ack.yiaddr());
        Lease second = f.store.byMac(macText(7)).orElseThrow();
        assertThat(second.start()).isEqualTo(first.start());
        assertThat(second.expires()).isAfter(first.expires());
    }

    @Test
    void initRebootAcksTheKnownAddressNaksAnotherAndIsSilentForStrangers() throws Exception {
        DhcpMessage ack = dora(8);
        DhcpMessage reboot = c.exchange(c.mta(DhcpMessageType.REQUEST, 8).option(requestedIp(ack.yiaddr())).build());
        assertThat(type(reboot)).isEqualTo(DhcpMessageType.ACK);
        DhcpMessage wrong = c.exchange(c.mta(DhcpMessageType.REQUEST, 8)
                .option(requestedIp(Ipv4Address.parse("10.10.99.99"))).build());
        assertThat(type(wrong)).isEqualTo(DhcpMessageType.NAK);
        c.timeout(300);
        c.send(c.mta(DhcpMessageType.REQUEST, 9).option(requestedIp(Ipv4Address.parse("10.10.99.98"))).build());
        assertThat(c.receive()).isEmpty();
    }

    @Test
    void informGetsConfigurationWithoutALease() throws Exception {
        DhcpMessage ack = c.exchange(c.mta(DhcpMessageType.INFORM, 10).ciaddr(Ipv4Address.parse("10.10.5.5")).build());
        assertThat(type(ack)).isEqualTo(DhcpMessageType.ACK);
        assertThat(ack.yiaddr()).isEqualTo(Ipv4Address.ANY);
        assertThat(ack.options().leaseTime()).isEmpty();
        assertThat(ack.options().clientConfiguration()).isPresent();
        assertThat(f.store.byMac(macText(10))).isEmpty();
    }

    @Test
    void option177IsAddedOnlyForMtasThatAskForItAndNotFor122() throws Exception {
        DhcpMessage legacy = c.exchange(c.mta(DhcpMessageType.DISCOVER, 11)
                .option(StandardOptions.parameterRequestList(1, 3, 6, 177)).build());
        var ccc = legacy.options().legacyClientConfiguration().orElseThrow();
        assertThat(ccc.kerberosRealm()).contains("HYBRID.2");
        assertThat(ccc.snmpEntity()).contains("mps.mtaprov.lab");
        assertThat(legacy.options().clientConfiguration()).isPresent(); // never without 122
        DhcpMessage both = c.exchange(c.mta(DhcpMessageType.DISCOVER, 12)
                .option(StandardOptions.parameterRequestList(122, 177)).build());
        assertThat(both.options().contains(177)).isFalse();
    }

    @Test
    void nonMtaClientsGetTheirOwnPoolAndNoOption122() throws Exception {
        DhcpMessage cm = c.exchange(c.client(DhcpMessageType.DISCOVER, 13)
                .option(StandardOptions.vendorClass("docsis3.0:")).build());
        assertThat(cm.yiaddr().bits() >>> 8 & 0xff).isBetween(128, 191);
        assertThat(cm.options().contains(122)).isFalse();
        DhcpMessage pc = c.exchange(c.client(DhcpMessageType.DISCOVER, 14).build());
        assertThat(pc.yiaddr().bits() >>> 8 & 0xff).isBetween(192, 255);
    }

    @Test
    void leasesSurviveARestart() throws Exception {
        DhcpMessage ack = dora(15);
        f.restart();
        c.close();
        c = f.client();
        assertThat(f.server.bindings()).isEqualTo(1);
        DhcpMessage renewed = c.exchange(c.mta(DhcpMessageType.REQUEST, 15).ciaddr(ack.yiaddr()).build());
        assertThat(type(renewed)).isEqualTo(DhcpMessageType.ACK);
        DhcpMessage other = c.exchange(c.mta(DhcpMessageType.DISCOVER, 16).option(requestedIp(ack.yiaddr())).build());
        assertThat(other.yiaddr()).isNotEqualTo(ack.yiaddr());
    }
}
