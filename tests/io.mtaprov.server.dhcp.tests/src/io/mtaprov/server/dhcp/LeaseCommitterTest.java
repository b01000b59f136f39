package io.mtaprov.server.dhcp;

import static io.mtaprov.server.dhcp.DhcpTestClient.requestedIp;
import static io.mtaprov.server.dhcp.DhcpTestClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.StandardOptions;
import io.mtaprov.store.h2.H2Database;
import io.mtaprov.store.h2.H2LeaseStore;
import io.mtaprov.tests.support.Await;
import io.mtaprov.tests.support.FreePorts;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipelined group commit: an OFFER needs no store write, an ACK leaves only after its lease is
 * stored, and an ACK whose lease cannot be stored is never sent.
 */
class LeaseCommitterTest {
    static final Ipv4Address SERVER = Ipv4Address.parse("127.0.0.1");
    @TempDir
    Path dir;
    H2Database db;
    final RecordingTraceBus trace = new RecordingTraceBus();
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean failing;
    volatile int writes;
    DhcpServer server;
    DhcpTestClient c;

    /** The H2 store, with a gate: puts wait for {@link #release}, or fail while {@link #failing}. */
    class GatedStore extends H2LeaseStore {
        GatedStore(H2Database db) {
            super(db);
        }

        @Override
        public void putAll(List<Lease> leases) {
            writes++;
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failing) {
                throw new IllegalStateException("disk full");
            }
            super.putAll(leases);
        }
    }

    @BeforeEach
    void start() throws Exception {
        db = new H2Database();
        db.open(dir);
        int port = FreePorts.udp();
        DhcpConfig config = DhcpConfigLoader.fromProperties(new Properties(), ProvisioningNetwork.LOOPBACK_DEFAULTS,
                SERVER, 10, 30_000);
        server = new DhcpServer(new ServerSettings("127.0.0.1", port, true), config, new GatedStore(db), trace, null);
        server.start().join();
        c = new DhcpTestClient("127.0.0.1", 0, port);
    }

    @AfterEach
    void stop() {
        release.countDown();
        c.close();
        server.stop().join();
        db.close();
    }

    private DhcpMessage request(DhcpMessage offer) {
        return c.mta(DhcpMessageType.REQUEST, 1).option(StandardOptions.serverId(SERVER))
                .option(requestedIp(offer.yiaddr())).build();
    }

    @Test
    void theOfferNeedsNoWriteAndTheAckWaitsForItsCommit() throws Exception {
        DhcpMessage offer = c.exchange(c.mta(DhcpMessageType.DISCOVER, 1).build());
        assertThat(type(offer)).isEqualTo(DhcpMessageType.OFFER);
        assertThat(writes).isZero();
        c.send(request(offer));
        Await.until("the commit of the ACK's lease", Duration.ofSeconds(5), () -> writes == 1);
        c.timeout(300);
        assertThat(c.receive()).as("no ACK while its lease is being stored").isEmpty();
        release.countDown();
        c.timeout(5000);
        DhcpMessage ack = c.receive().orElseThrow();
        assertThat(type(ack)).isEqualTo(DhcpMessageType.ACK);
        assertThat(server.counters().answered.sum()).isEqualTo(2);
    }

    @Test
    void anAckWhoseLeaseCannotBeStoredIsNotSentAndTheReasonIsTraced() throws Exception {
        failing = true;
        release.countDown();
        DhcpMessage offer = c.exchange(c.mta(DhcpMessageType.DISCOVER, 1).build());
        c.send(request(offer));
        Await.until("the failure", Duration.ofSeconds(5), () -> trace.events().stream()
                .anyMatch(e -> e.outcome() == Outcome.FAILED));
        c.timeout(300);
        assertThat(c.receive()).isEmpty();
        assertThat(trace.events()).filteredOn(e -> e.outcome() == Outcome.FAILED).singleElement()
                .satisfies(e -> {
                    assertThat(e.summary()).contains("not stored, no reply");
                    assertThat(e.detail()).contains("disk full");
                });
        assertThat(server.counters().dropped.sum()).isEqualTo(1);
        assertThat(server.status().lastError()).contains("disk full");
    }
}
