package io.mtaprov.server.dns;

import static io.mtaprov.server.dns.MemoryLeases.changed;
import static io.mtaprov.server.dns.MemoryLeases.lease;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.TraceEvent;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** MTA names follow the leases: BOUND adds the A record, RELEASED/EXPIRED/DECLINED remove it. */
class DnsLeaseNamesTest extends ServerFixture {
    static final String MAC = "00:10:95:00:00:07";

    @Test
    void addsTheMtaNameOnABoundLeaseEventAndRemovesItOnRelease() throws IOException {
        assertThat(client.udp("mta7.mtaprov.lab", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta7.mtaprov.lab", Lease.State.BOUND)));
        Message m = client.udp("mta7.mtaprov.lab", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(answers(m)).containsExactly("mta7.mtaprov.lab. 60 A 10.20.0.7");
        assertThat(client.udp("mta7.mtaprov.lab", Type.AAAA).getRcode()).as("NODATA").isEqualTo(Rcode.NOERROR);

        server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta7.mtaprov.lab", Lease.State.RELEASED)));
        assertThat(client.udp("mta7.mtaprov.lab", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(server.mtaNameCount()).isZero();
    }

    @Test
    void removesTheNameWhenTheLeaseExpiresOrIsDeclined() throws IOException {
        for (Lease.State end : new Lease.State[] {Lease.State.EXPIRED, Lease.State.DECLINED}) {
            server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta7.mtaprov.lab", Lease.State.BOUND)));
            assertThat(client.udp("mta7.mtaprov.lab", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
            server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta7.mtaprov.lab", end)));
            assertThat(client.udp("mta7.mtaprov.lab", Type.A).getRcode()).as(end.name()).isEqualTo(Rcode.NXDOMAIN);
        }
    }

    @Test
    void movesTheNameToTheNewAddressAndIgnoresALateReleaseOfTheOldOne() throws IOException {
        server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta7.mtaprov.lab", Lease.State.BOUND)));
        server.handleEvent(changed(lease(MAC, "10.20.0.8", "mta7.mtaprov.lab", Lease.State.BOUND)));
        server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta7.mtaprov.lab", Lease.State.RELEASED)));
        assertThat(answers(client.udp("mta7.mtaprov.lab", Type.A))).containsExactly("mta7.mtaprov.lab. 60 A 10.20.0.8");
    }

    @Test
    void ignoresAnOfferUntilTheLeaseIsBound() throws IOException {
        server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta7.mtaprov.lab", Lease.State.OFFERED)));
        assertThat(client.udp("mta7.mtaprov.lab", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void placesAHostNameWithoutADomainInTheProvisioningZone() throws IOException {
        server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta-000007", Lease.State.BOUND)));
        assertThat(answers(client.udp("mta-000007.mtaprov.lab", Type.A)))
                .containsExactly("mta-000007.mtaprov.lab. 60 A 10.20.0.7");
    }

    @Test
    void makesTheParentOfADeeperMtaNameAnEmptyNonTerminal() throws IOException {
        server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta7.voice.mtaprov.lab", Lease.State.BOUND)));
        assertThat(client.udp("voice.mtaprov.lab", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
        server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta7.voice.mtaprov.lab", Lease.State.EXPIRED)));
        assertThat(client.udp("voice.mtaprov.lab", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void neverLetsALeaseShadowTheProvisioningServersName() throws IOException {
        server.handleEvent(changed(lease(MAC, "10.20.0.7", "mps.mtaprov.lab", Lease.State.BOUND)));
        assertThat(answers(client.udp("mps.mtaprov.lab", Type.A))).containsExactly("mps.mtaprov.lab. 300 A 10.1.0.10");
    }

    @Test
    void servesTheNamesOfLeasesActiveAtStart() throws IOException {
        leases.put(lease("00:10:95:00:00:01", "10.20.0.1", "mta1.mtaprov.lab", Lease.State.BOUND));
        leases.put(lease("00:10:95:00:00:02", "10.20.0.2", "mta2.mtaprov.lab", Lease.State.OFFERED));
        server.stop().join();
        server.start().join();
        try (DnsClient c = new DnsClient(server.boundPort())) {
            assertThat(answers(c.udp("mta1.mtaprov.lab", Type.A))).containsExactly("mta1.mtaprov.lab. 60 A 10.20.0.1");
            assertThat(c.udp("mta2.mtaprov.lab", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        }
    }

    @Test
    void tracesNameChangesAsInternalEventsOfTheMta() {
        server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta7.mtaprov.lab", Lease.State.BOUND)));
        server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta7.mtaprov.lab", Lease.State.BOUND))); // renewal
        server.handleEvent(changed(lease(MAC, "10.20.0.7", "mta7.mtaprov.lab", Lease.State.RELEASED)));
        assertThat(trace.events()).filteredOn(e -> e.direction() == Direction.INTERNAL).extracting(TraceEvent::summary)
                .containsExactly("A mta7.mtaprov.lab. -> 10.20.0.7 added", "A mta7.mtaprov.lab. removed (RELEASED)");
        assertThat(trace.events()).allSatisfy(e -> assertThat(e.mtaMac()).isEqualTo(MAC));
    }

    @Test
    void tracesAHostNameThatIsNotADnsNameAndKeepsServing() throws IOException {
        server.handleEvent(changed(lease(MAC, "10.20.0.7", "bad..name", Lease.State.BOUND)));
        assertThat(trace.events()).anySatisfy(e -> assertThat(e.summary()).contains("'bad..name' is not a DNS name"));
        assertThat(client.udp("mps.mtaprov.lab", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }
}
