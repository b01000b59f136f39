package io.mtaprov.server.dhcp;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseEvents;
import io.mtaprov.core.lease.LeaseStore;
import io.mtaprov.core.server.AbstractManagedServer;
import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.trace.CapturedPacket;
import io.mtaprov.core.trace.PacketCapture;
import io.mtaprov.core.trace.TraceBus;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.io.IOException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The embedded DHCPv4 server of steps 1 and 2 (RFC 2131/2132 with PacketCable options 122 and 177,
 * relay agent option 82). Scopes ("CMTS" networks selected by giaddr) and client classes (option
 * 60: pktc, docsis, other) come from {@link DhcpConfigLoader}; leases are kept in a
 * {@link LeaseStore} and every ACK is committed there before it is sent. One receive thread
 * handles all datagrams in batches (see {@link ReceiveLoop}); no thread per packet.
 *
 * <p>Id "dhcp", default 127.0.0.1:10067 (properties {@code mtaprov.dhcp.port/bind/autostart}).
 * Replies go to the relay (giaddr, our server port, or the relay's own port when its option 82
 * asks for it, RFC 8357), else back to the sender's address and port when it has one (renewing
 * clients, and clients on loopback or unprivileged ports), else as a broadcast to the client port
 * (server port + 1): see {@link DhcpEngine#destination}. Bound to one interface's address, it also
 * hears the broadcasts of clients without an address (see {@link ReceiveLoop}).
 */
@Component(service = ManagedServer.class, immediate = true)
public class DhcpServer extends AbstractManagedServer {
    /** Server id in the registry and in property names. */
    public static final String ID = "dhcp";
    /** Unprivileged default port (DESIGN.md); 67 is the standard one (RFC 2131 section 4.1). */
    public static final int DEFAULT_PORT = 10067;

    private volatile LeaseStore leases;
    private volatile TraceBus trace;
    private volatile EventAdmin events;
    private volatile BasicFlowFileProvider basicFlow;
    private volatile PacketCapture capture;
    private volatile UnaryOperator<String> properties = System::getProperty;
    private volatile DhcpConfig fixedConfig;
    private volatile ReceiveLoop loop;

    public DhcpServer() {
        super(new ServerSettings(ServerSettings.LOOPBACK, DEFAULT_PORT, true));
    }

    /**
     * For use outside OSGi (tests, benchmarks).
     *
     * @param config the configuration, or null to read it from system properties at each start
     * @param events where lease changes are posted, or null
     */
    public DhcpServer(ServerSettings settings, DhcpConfig config, LeaseStore leases, TraceBus trace,
            EventAdmin events) {
        super(settings);
        this.fixedConfig = config;
        this.leases = leases;
        this.trace = trace;
        this.events = events;
    }

    @Reference
    void setLeases(LeaseStore store) {
        this.leases = store;
    }

    @Reference
    void setTrace(TraceBus bus) {
        this.trace = bus;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEvents(EventAdmin admin) {
        this.events = admin;
    }

    void unsetEvents(EventAdmin admin) {
        if (events == admin) {
            events = null;
        }
    }

    /** Keeps the datagrams for the pcap export of an attempt; optional and dynamic. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setCapture(PacketCapture c) {
        this.capture = c;
    }

    public void unsetCapture(PacketCapture c) {
        if (capture == c) {
            capture = null;
        }
    }

    /** Called by the loop for each datagram received or sent (the first {@code length} bytes of {@code data}). */
    void capture(long timeMillis, String mac, InetSocketAddress from, InetSocketAddress to, byte[] data, int length) {
        PacketCapture c = capture;
        if (c != null && from != null && to != null && from.getAddress() instanceof java.net.Inet4Address
                && to.getAddress() instanceof java.net.Inet4Address) {
            c.record(new CapturedPacket(Instant.ofEpochMilli(timeMillis), mac, from, to,
                    java.util.Arrays.copyOf(data, length)));
        }
    }

    /** The Basic-flow hook; optional and dynamic (the provisioning server may come and go). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setBasicFlowFileProvider(BasicFlowFileProvider provider) {
        this.basicFlow = provider;
    }

    /** Removes the Basic-flow hook if it is the one bound. */
    public void unsetBasicFlowFileProvider(BasicFlowFileProvider provider) {
        if (basicFlow == provider) {
            basicFlow = null;
        }
    }

    @Activate
    void activate(BundleContext context) {
        properties = context::getProperty;
        configure(ServerSettings.fromProperties(ID, DEFAULT_PORT, context::getProperty));
    }

    @Deactivate
    void deactivate() {
        dispose();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String displayName() {
        return "DHCP server";
    }

    @Override
    protected String protocol() {
        return "DHCPv4/UDP";
    }

    /** Number of bindings the running server holds in memory (0 when stopped). */
    public int bindings() {
        ReceiveLoop l = loop;
        return l == null ? 0 : l.bindings();
    }

    @Override
    protected Run open(ServerSettings s) throws IOException {
        DhcpConfig config = fixedConfig != null ? fixedConfig : DhcpConfigLoader.load(properties, s);
        LeaseStore store = leases;
        LeaseTable table = new LeaseTable(config.reservations());
        long now = System.currentTimeMillis();
        try {
            store.expire(java.time.Instant.ofEpochMilli(now)).forEach(this::announce);
            table.load(store.all(), store.conflicts(java.time.Instant.ofEpochMilli(now)));
        } catch (RuntimeException e) {
            throw new IOException("cannot load the leases from the store: " + e.getMessage(), e);
        }
        DhcpEngine engine = new DhcpEngine(config, table, s.port(), () -> basicFlow);
        engine.configErrors().forEach(this::recordError);
        ReceiveLoop l = ReceiveLoop.open(s, engine, store, this);
        loop = l;
        return () -> {
            loop = null;
            l.close();
        };
    }

    /** Called by the loop: counters, traces, lease events. */
    void record(Exchange ex) {
        switch (ex.result) {
            case ANSWERED -> counters.answered.increment();
            case REJECTED -> counters.rejected.increment();
            case IGNORED -> { // counted as received only
            }
        }
        if (ex.configError != null) {
            recordError(ex.configError);
        }
        TraceBus bus = trace;
        if (bus != null) {
            ex.traces.forEach(bus::publish);
        }
    }

    void received() {
        counters.received.increment();
    }

    void dropped(String error) {
        counters.dropped.increment();
        if (error != null) {
            recordError(error);
        }
    }

    /** Posts {@link LeaseEvents#TOPIC_CHANGED} for a committed change. */
    void announce(Lease lease) {
        EventAdmin ea = events;
        if (ea != null) {
            ea.postEvent(new Event(LeaseEvents.TOPIC_CHANGED, Map.of(LeaseEvents.PROP_LEASE, lease)));
        }
    }
}
