package io.mtaprov.server.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.tests.support.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** One short TraceEvent per exchange, with the step of the name and the MTA that asked. */
class DnsTraceTest extends ServerFixture {

    List<TraceEvent> exchanges(int n) {
        Await.until(n + " traced exchanges", Duration.ofSeconds(5),
                () -> trace.events().stream().filter(e -> e.direction() == Direction.IN).count() >= n);
        return trace.events().stream().filter(e -> e.direction() == Direction.IN).toList();
    }

    @Test
    void tracesProvisioningAndKdcNamesAsStep2AndTheTftpHostAsStep8() throws IOException {
        client.udp("mps.mtaprov.lab", Type.A);
        client.udp("_kerberos._udp.HYBRID.2", Type.SRV);
        client.udp("tftp.mtaprov.lab", Type.A);
        // workers answer in parallel: a trace event may be published after the next query's
        List<TraceEvent> events = exchanges(3);
        TraceEvent mps = byName(events, "mps.mtaprov.lab. A");
        TraceEvent srv = byName(events, "_kerberos._udp.HYBRID.2. SRV");
        TraceEvent tftp = byName(events, "tftp.mtaprov.lab. A");
        assertThat(mps.step()).isEqualTo(ProvisioningStep.DHCP_OPTIONS_TRANSFER);
        assertThat(srv.step()).isEqualTo(ProvisioningStep.DHCP_OPTIONS_TRANSFER);
        assertThat(tftp.step()).isEqualTo(ProvisioningStep.CONFIG_FILE_REQUEST);
        assertThat(mps.summary()).isEqualTo("mps.mtaprov.lab. A NOERROR");
        assertThat(mps.detail()).isEqualTo("10.1.0.10");
        assertThat(mps.source()).isEqualTo("dns");
        assertThat(mps.peer()).startsWith("127.0.0.1:");
        assertThat(mps.outcome()).isEqualTo(Outcome.OK);
        assertThat(srv.detail()).isEqualTo("0 0 88 kdc.mtaprov.lab.");
    }

    private static TraceEvent byName(List<TraceEvent> events, String question) {
        return events.stream().filter(e -> e.summary().startsWith(question + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no trace of " + question + " in " + events));
    }

    @Test
    void namesTheMtaWhoseLeasedAddressAsked() throws IOException {
        // the client asks from 127.0.0.1: lease that address to an MTA
        leases.put(MemoryLeases.lease("00:10:95:00:00:09", "127.0.0.1", "", Lease.State.BOUND));
        client.udp("mps.mtaprov.lab", Type.A);
        assertThat(exchanges(1).get(0).mtaMac()).isEqualTo("00:10:95:00:00:09");
    }

    @Test
    void leavesTheMacEmptyForAnAddressWithoutLease() throws IOException {
        client.udp("mps.mtaprov.lab", Type.A);
        assertThat(exchanges(1).get(0).mtaMac()).isEmpty();
    }

    @Test
    void countsAndTracesEveryRejectionWithItsReason() throws IOException {
        client.udp("www.example.com", Type.A);
        client.udp("nosuch.mtaprov.lab", Type.A);
        List<TraceEvent> events = exchanges(2);
        assertThat(events.get(0).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(events.get(0).summary()).isEqualTo("REFUSED www.example.com. A");
        assertThat(events.get(0).detail()).isEqualTo("not in a zone this server is authoritative for");
        assertThat(events.get(1).outcome()).isEqualTo(Outcome.WARNING);
        assertThat(events.get(1).summary()).isEqualTo("nosuch.mtaprov.lab. A NXDOMAIN");
        Await.until("counters", Duration.ofSeconds(5), () -> server.status().received() == 2
                && server.status().answered() == 1 && server.status().rejected() == 1);
    }
}
