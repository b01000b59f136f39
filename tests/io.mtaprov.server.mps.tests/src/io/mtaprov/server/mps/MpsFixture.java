package io.mtaprov.server.mps;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.provisioning.CustomerCareSource;
import io.mtaprov.core.provisioning.MemoryProvisioningStore;
import io.mtaprov.core.provisioning.ProvisioningState;
import io.mtaprov.core.provisioning.ProvisioningTimers;
import io.mtaprov.core.provisioning.SessionSnapshot;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.tests.support.Await;
import io.mtaprov.tests.support.FreePorts;
import io.mtaprov.tests.support.MemoryFileStore;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A provisioning server on loopback with in-memory stores, leases and test MTAs on 127.0.0.x. */
final class MpsFixture implements AutoCloseable {
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(20);

    final RecordingTraceBus trace = new RecordingTraceBus();
    final MemoryFileStore files = new MemoryFileStore();
    final MemoryProvisioningStore store = MemoryProvisioningStore.withDefaults();
    final Map<String, Lease> leases = new ConcurrentHashMap<>();
    /** Look-ups of a lease by IP so far. */
    final AtomicInteger leaseLookupsByIp = new AtomicInteger();
    final int mpsPort = FreePorts.udp();
    final int mtaPort = FreePorts.udp();
    final List<TestMta> mtas = new ArrayList<>();
    ProvisioningServer server;

    static ProvisioningNetwork network(String realm) {
        ProvisioningNetwork d = ProvisioningNetwork.LOOPBACK_DEFAULTS;
        return new ProvisioningNetwork(d.zone(), realm, d.mpsFqdn(), d.mpsAddress(), d.kdcFqdn(), d.kdcAddress(),
                d.tftpFqdn(), d.tftpAddress(), d.dnsAddress());
    }

    MpsSettings settings(String realm) {
        return MpsSettings.defaults().withMtaSnmpPort(mtaPort).withNetwork(network(realm)).withTimers(
                new ProvisioningTimers(Duration.ofMillis(500), Duration.ofMillis(300), 2, Duration.ofSeconds(10),
                        Duration.ofSeconds(10)));
    }

    ProvisioningServer start(MpsSettings s, List<CustomerCareSource> care) {
        LeaseLookup lookup = new LeaseLookup() {
            public Optional<Lease> byMac(String mac) {
                return leases.values().stream().filter(l -> l.mac().equals(mac)).findFirst();
            }

            public Optional<Lease> byIp(String ip) {
                leaseLookupsByIp.incrementAndGet();
                return Optional.ofNullable(leases.get(ip));
            }

            public List<Lease> active(int limit) {
                return List.copyOf(leases.values());
            }
        };
        server = new ProvisioningServer(new ServerSettings("127.0.0.1", mpsPort, true), s, trace, files, store, lookup,
                care);
        server.start().join();
        return server;
    }

    /** A test MTA on its own loopback address with a bound lease in scope "cmts-a" without a realm. */
    TestMta mta() throws IOException {
        return mta("");
    }

    /** A test MTA whose lease carries the realm its CMTS scope gave it in option 122 ("": none). */
    TestMta mta(String leaseRealm) throws IOException {
        int n = NEXT_HOST.incrementAndGet();
        String ip = "127.0.0." + n;
        String mac = String.format("00:10:95:00:00:%02x", n);
        leases.put(ip, new Lease(mac, ip, "cmts-a", "pktc", "pktc1.0:051f", "mta" + n + ".mtaprov.lab", "",
                Lease.State.BOUND, Instant.now(), Instant.now().plusSeconds(3600), leaseRealm));
        TestMta m = new TestMta(ip, mtaPort, mac);
        mtas.add(m);
        return m;
    }

    SessionSnapshot awaitState(String mac, ProvisioningState state) {
        Await.until(mac + " in " + state + " (trace: " + trace.events().stream().map(e -> e.summary() + " | " + e.detail()).toList()
                + ")", Duration.ofSeconds(10), () -> current(mac).map(s -> s.state() == state).orElse(false));
        return current(mac).orElseThrow();
    }

    Optional<SessionSnapshot> current(String mac) {
        return server.sessions().stream().filter(s -> s.mac().equals(mac)).findFirst();
    }

    /** What the TFTP server traces after sending a file (step 9). */
    void downloaded(TestMta m, String fileName) {
        trace.publish(new TraceEvent(Instant.now(), m.mac, ProvisioningStep.CONFIG_FILE_DOWNLOAD, "tftp", Direction.OUT,
                m.ip + ":40000", "sent " + fileName + ": 100 bytes in 1 blocks, 1.0 ms", "", Outcome.OK));
    }

    @Override
    public void close() throws IOException {
        for (TestMta m : mtas) {
            m.close();
        }
        if (server != null) {
            server.stop().join();
        }
    }
}
