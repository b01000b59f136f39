package io.mtaprov.server.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.server.ServerState;
import io.mtaprov.core.settings.ProvisioningNetwork;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** What the server answers for the provisioning zone and the realm (RFC 1035, 2308, 2782). */
class DnsAnswersTest extends ServerFixture {

    @Test
    void answersProvisioningKdcAndTftpHostsAuthoritatively() throws IOException {
        for (String[] c : new String[][] {{"mps.mtaprov.lab", "10.1.0.10"}, {"kdc.mtaprov.lab", "10.1.0.11"},
                {"tftp.mtaprov.lab", "10.1.0.12"}, {"ns.mtaprov.lab", "10.1.0.2"}}) {
            Message m = client.udp(c[0], Type.A);
            assertThat(m.getRcode()).as(c[0]).isEqualTo(Rcode.NOERROR);
            assertThat(m.getHeader().getFlag(Flags.AA)).as("AA for " + c[0]).isTrue();
            assertThat(m.getHeader().getFlag(Flags.QR)).isTrue();
            assertThat(answers(m)).containsExactly(c[0] + ". 300 A " + c[1]);
        }
    }

    @Test
    void answersTheRealmsKerberosSrvWithTheKdcAddressAsAdditionalData() throws IOException {
        Message m = client.udp("_kerberos._udp.HYBRID.2", Type.SRV);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(answers(m)).containsExactly("_kerberos._udp.HYBRID.2. 300 SRV 0 0 88 kdc.mtaprov.lab.");
        assertThat(section(m, Section.ADDITIONAL)).containsExactly("kdc.mtaprov.lab. 300 A 10.1.0.11");
    }

    @Test
    void srvNamesTheConfiguredKdcPort() throws IOException {
        DnsServer other = start(NET, 10088);
        try (DnsClient c = new DnsClient(other.boundPort())) {
            assertThat(answers(c.udp("_kerberos._udp.HYBRID.2", Type.SRV))).singleElement().asString()
                    .endsWith("SRV 0 0 10088 kdc.mtaprov.lab.");
        } finally {
            other.stop().join();
        }
    }

    @Test
    void servesASecureRealmUnderItsOwnNameAndRefusesItsParent() throws IOException {
        ProvisioningNetwork secure = new ProvisioningNetwork("mtaprov.lab", "LAB.EXAMPLE.COM", "mps.mtaprov.lab",
                "10.1.0.10", "kdc.mtaprov.lab", "10.1.0.11", "tftp.mtaprov.lab", "10.1.0.12", "10.1.0.2");
        DnsServer other = start(secure, 88);
        try (DnsClient c = new DnsClient(other.boundPort())) {
            Message srv = c.udp("_kerberos._udp.LAB.EXAMPLE.COM", Type.SRV);
            assertThat(srv.getHeader().getFlag(Flags.AA)).isTrue();
            assertThat(answers(srv)).singleElement().asString().endsWith("SRV 0 0 88 kdc.mtaprov.lab.");
            assertThat(answers(c.udp("LAB.EXAMPLE.COM", Type.SOA))).singleElement().asString()
                    .startsWith("LAB.EXAMPLE.COM. 300 SOA ns.mtaprov.lab. hostmaster.mtaprov.lab.");
            assertThat(c.udp("EXAMPLE.COM", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
            assertThat(c.udp("_kerberos._udp.HYBRID.2", Type.SRV).getRcode()).isEqualTo(Rcode.REFUSED);
        } finally {
            other.stop().join();
        }
    }

    @Test
    void answersSoaAndNsAtEachApex() throws IOException {
        for (String apex : new String[] {"mtaprov.lab", "HYBRID.2"}) {
            Message soa = client.udp(apex, Type.SOA);
            assertThat(soa.getHeader().getFlag(Flags.AA)).isTrue();
            assertThat(soa.getSection(Section.ANSWER)).singleElement().isInstanceOfSatisfying(SOARecord.class, s -> {
                assertThat(s.getHost().toString()).isEqualTo("ns.mtaprov.lab.");
                assertThat(s.getMinimum()).isEqualTo(60);
            });
            Message ns = client.udp(apex, Type.NS);
            assertThat(answers(ns)).singleElement().asString().endsWith("NS ns.mtaprov.lab.");
            assertThat(section(ns, Section.ADDITIONAL)).containsExactly("ns.mtaprov.lab. 300 A 10.1.0.2");
        }
    }

    @Test
    void answersNxdomainWithTheSoaForUnknownNamesInTheZone() throws IOException {
        Message m = client.udp("nosuchhost.mtaprov.lab", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
        Record soa = m.getSection(Section.AUTHORITY).get(0);
        assertThat(soa.getType()).isEqualTo(Type.SOA);
        assertThat(soa.getName().toString()).isEqualTo("mtaprov.lab.");
        assertThat(soa.getTTL()).as("RFC 2308: min(TTL, MINIMUM)").isEqualTo(60);
        assertThat(client.udp("_kerberos._tcp.HYBRID.2", Type.SRV).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void answersNodataWithTheSoaForAnExistingNameWithoutTheType() throws IOException {
        Message m = client.udp("mps.mtaprov.lab", Type.AAAA);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
        assertThat(section(m, Section.AUTHORITY)).singleElement().asString().startsWith("mtaprov.lab. 60 SOA");
    }

    @Test
    void treatsAnEmptyNonTerminalAsExistingName() throws IOException {
        Message m = client.udp("_udp.HYBRID.2", Type.SRV);
        assertThat(m.getRcode()).as("RFC 8020: NODATA, not NXDOMAIN").isEqualTo(Rcode.NOERROR);
        assertThat(m.getSection(Section.AUTHORITY)).singleElement().extracting(Record::getType).isEqualTo(Type.SOA);
    }

    @Test
    void refusesNamesOutsideEveryZoneItServes() throws IOException {
        for (String name : new String[] {"www.example.com", "lab", "2", "."}) {
            Message m = client.udp(name, Type.A);
            assertThat(m.getRcode()).as(name).isEqualTo(Rcode.REFUSED);
            assertThat(m.getHeader().getFlag(Flags.AA)).as(name).isFalse();
            assertThat(m.getSection(Section.ANSWER)).isEmpty();
        }
    }

    @Test
    void matchesNamesCaseInsensitivelyAndEchoesTheQuestion() throws IOException {
        Message m = client.udp("MpS.MTAPROV.lab", Type.A);
        assertThat(m.getQuestion().getName().toString()).isEqualTo("MpS.MTAPROV.lab.");
        assertThat(answers(m)).singleElement().asString().endsWith("A 10.1.0.10");
    }

    @Test
    void answersAnyWithEveryRecordOfTheName() throws IOException {
        Message m = client.udp("mtaprov.lab", Type.ANY);
        assertThat(m.getSection(Section.ANSWER)).extracting(Record::getType).containsExactlyInAnyOrder(Type.SOA, Type.NS);
    }

    @Test
    void refusesZoneTransfersAndOtherClasses() throws IOException {
        assertThat(client.udp("mtaprov.lab", Type.AXFR).getRcode()).isEqualTo(Rcode.REFUSED);
        Message chaos = Message.newQuery(Record.newRecord(org.xbill.DNS.Name.fromString("version.bind."), Type.TXT,
                org.xbill.DNS.DClass.CH));
        assertThat(client.udp(chaos).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void copiesRdAndNeverOffersRecursion() throws IOException {
        Message q = DnsClient.query("mps.mtaprov.lab", Type.A);
        q.getHeader().setFlag(Flags.RD);
        Message m = client.udp(q);
        assertThat(m.getHeader().getID()).isEqualTo(q.getHeader().getID());
        assertThat(m.getHeader().getFlag(Flags.RD)).isTrue();
        assertThat(m.getHeader().getFlag(Flags.RA)).isFalse();
    }

    @Test
    void failsToStartWithAMessageNamingDnsAndThePortWhenItIsTaken() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DnsServer other = new DnsServer(new ServerSettings("127.0.0.1", taken.getLocalPort(), true), NET, leases,
                    trace);
            try {
                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> other.start().join()))
                        .isInstanceOf(CompletionException.class);
                assertThat(other.status().state()).isEqualTo(ServerState.FAILED);
                assertThat(other.status().lastError()).contains("DNS/UDP+TCP port " + taken.getLocalPort());
            } finally {
                other.stop().join();
            }
        }
    }

    @Test
    void failsToStartWhenASettingIsNotADnsName() {
        ProvisioningNetwork bad = new ProvisioningNetwork("mtaprov..lab", "HYBRID.2", "mps.mtaprov.lab", "10.1.0.10",
                "kdc.mtaprov.lab", "10.1.0.11", "tftp.mtaprov.lab", "10.1.0.12", "10.1.0.2");
        DnsServer other = new DnsServer(new ServerSettings("127.0.0.1", 0, true), bad, leases, trace);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> other.start().join()))
                .isInstanceOf(CompletionException.class);
        assertThat(other.status().lastError()).contains("mtaprov.net.zone 'mtaprov..lab' is not a DNS name");
        other.stop().join();
    }
}
