package io.mtaprov.server.dhcp;

import io.mtaprov.core.lease.LeaseEvents;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.store.h2.H2Database;
import io.mtaprov.store.h2.H2LeaseStore;
import io.mtaprov.tests.support.FreePorts;
import io.mtaprov.tests.support.RecordingTraceBus;
import io.mtaprov.core.trace.TraceBus;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** A DHCP server on loopback with its H2 lease store in a directory; closes both. */
final class DhcpFixture implements AutoCloseable {
    final RecordingTraceBus trace = new RecordingTraceBus();
    /** Where the server publishes: {@link #trace} unless a test needs a cheaper bus. */
    TraceBus bus = trace;
    final List<Event> events = new CopyOnWriteArrayList<>();
    final int port = FreePorts.udp();
    final Path dir;
    H2Database db;
    H2LeaseStore store;
    DhcpServer server;
    private final DhcpConfig config;

    DhcpFixture(Path dir, Properties scopes, ProvisioningNetwork net) throws SQLException {
        this(dir, scopes, net, null);
    }

    DhcpFixture(Path dir, Properties scopes, ProvisioningNetwork net, TraceBus bus) throws SQLException {
        this.dir = dir;
        if (bus != null) {
            this.bus = bus;
        }
        this.config = DhcpConfigLoader.fromProperties(scopes, net, Ipv4Address.parse("127.0.0.1"), 10, 30_000);
        openStore();
        start();
    }

    DhcpFixture(Path dir) throws SQLException {
        this(dir, new Properties(), ProvisioningNetwork.LOOPBACK_DEFAULTS);
    }

    private void openStore() throws SQLException {
        db = new H2Database();
        db.open(dir);
        store = new H2LeaseStore(db);
    }

    void start() {
        EventAdmin ea = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                events.add(event);
            }
        };
        server = new DhcpServer(new ServerSettings("127.0.0.1", port, true), config, store, bus, ea);
        server.start().join();
    }

    /** Stops the server and closes the store, then opens both again (a console restart). */
    void restart() throws SQLException {
        server.stop().join();
        db.close();
        openStore();
        start();
    }

    List<io.mtaprov.core.lease.Lease> leaseEvents() {
        return events.stream().filter(e -> e.getTopic().equals(LeaseEvents.TOPIC_CHANGED))
                .map(e -> (io.mtaprov.core.lease.Lease) e.getProperty(LeaseEvents.PROP_LEASE)).toList();
    }

    DhcpTestClient client() {
        return new DhcpTestClient("127.0.0.1", 0, port);
    }

    @Override
    public void close() {
        server.stop().join();
        db.close();
    }
}
