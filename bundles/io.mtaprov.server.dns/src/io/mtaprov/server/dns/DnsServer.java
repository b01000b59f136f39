package io.mtaprov.server.dns;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseEvents;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.server.AbstractManagedServer;
import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.core.trace.PacketCapture;
import io.mtaprov.core.trace.TraceBus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded authoritative DNS server of steps 2 and 8 (shared/PROTOCOL.md "DNS"): A records of
 * the provisioning server, KDC and TFTP host, {@code _kerberos._udp.<REALM>} SRV for the KDC, and
 * the MTAs' FQDNs from their leases, over UDP and TCP with EDNS0. It is authoritative (AA) for the
 * provisioning zone and the realm, answers NXDOMAIN/NODATA with the SOA, and REFUSED outside them.
 * <p>
 * MTA names follow the leases: the active ones are read from {@link LeaseLookup} at start, then
 * every {@link LeaseEvents#TOPIC_CHANGED} event adds (BOUND) or removes (RELEASED, EXPIRED,
 * DECLINED) the MTA's A record. Every exchange is counted and traced.
 * <p>
 * Threading: all public methods are thread-safe; queries are answered on the transports' threads.
 */
@Component(service = {ManagedServer.class, EventHandler.class}, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + LeaseEvents.TOPIC_CHANGED)
public class DnsServer extends AbstractManagedServer implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DnsServer.class);
    public static final String ID = "dns";
    public static final int DEFAULT_PORT = 10053;
    /** RFC 4120 section 7.2.3.2: the Kerberos port, used in the realm's SRV unless mtaprov.kdc.port says otherwise. */
    public static final int DEFAULT_KDC_PORT = 88;
    static final int MAX_INITIAL_LEASES = 100_000;
    static final int UDP_WORKERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final MtaRecords mtas = new MtaRecords();
    private final ExchangeTracer tracer;
    private final LeaseNames leaseNames;
    private volatile ProvisioningNetwork network;
    private volatile int kdcPort;
    private volatile LeaseLookup leases;
    private volatile TraceBus trace;
    private volatile PacketCapture capture;
    private volatile int boundPort = -1;

    public DnsServer() {
        this(new ServerSettings(ServerSettings.LOOPBACK, DEFAULT_PORT, true), ProvisioningNetwork.LOOPBACK_DEFAULTS,
                DEFAULT_KDC_PORT, null, null);
    }

    /** For use outside OSGi (tests, headless benchmarks); leases and trace may be null. */
    public DnsServer(ServerSettings settings, ProvisioningNetwork network, LeaseLookup leases, TraceBus trace) {
        this(settings, network, DEFAULT_KDC_PORT, leases, trace);
    }

    /** As above, with the port the realm's SRV record names. */
    public DnsServer(ServerSettings settings, ProvisioningNetwork network, int kdcPort, LeaseLookup leases,
            TraceBus trace) {
        super(settings);
        this.network = network;
        this.kdcPort = kdcPort;
        this.leases = leases;
        this.trace = trace;
        this.tracer = new ExchangeTracer(counters, () -> this.trace, () -> this.leases, mtas);
        this.leaseNames = new LeaseNames(mtas, tracer, () -> this.trace, () -> this.network);
    }

    @Reference
    void setTrace(TraceBus bus) {
        this.trace = bus;
    }

    /** Keeps the UDP datagrams for the pcap export of an attempt; optional and dynamic. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setCapture(PacketCapture c) {
        this.capture = c;
    }

    void unsetCapture(PacketCapture c) {
        if (capture == c) {
            capture = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetLeases")
    void setLeases(LeaseLookup lookup) {
        synchronized (this) {
            this.leases = lookup;
        }
        if (boundPort >= 0) {
            loadActiveLeases(lookup);
        }
    }

    synchronized void unsetLeases(LeaseLookup lookup) {
        if (leases == lookup) {
            leases = null;
        }
    }

    @Activate
    void activate(BundleContext context) {
        UnaryOperator<String> props = context::getProperty;
        network = ProvisioningNetwork.fromProperties(props);
        String kdc = props.apply("mtaprov.kdc.port");
        kdcPort = kdc == null || kdc.isBlank() ? DEFAULT_KDC_PORT : Integer.parseInt(kdc.trim());
        configure(ServerSettings.fromProperties(ID, DEFAULT_PORT, props));
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
        return "DNS server";
    }

    @Override
    protected TraceBus overloadTrace() {
        return trace;
    }

    @Override
    protected ProvisioningStep overloadStep() {
        return ProvisioningStep.DHCP_OPTIONS_TRANSFER;
    }

    @Override
    protected String protocol() {
        return "DNS/UDP+TCP";
    }

    /** The port of the current run (useful when the settings ask for port 0), or -1 when stopped. */
    public int boundPort() {
        return boundPort;
    }

    /** Number of MTA names currently served. */
    public int mtaNameCount() {
        return mtas.size();
    }

    /** Applies a lease change posted on {@link LeaseEvents#TOPIC_CHANGED}. */
    @Override
    public void handleEvent(Event event) {
        Object lease = event.getProperty(LeaseEvents.PROP_LEASE);
        if (lease instanceof Lease l) {
            leaseNames.apply(l, true);
        } else {
            LOG.warn("lease event without a {} property: {}", LeaseEvents.PROP_LEASE, event);
        }
    }

    @Override
    protected Run open(ServerSettings s) throws IOException {
        DnsZones zones = DnsZones.build(network, kdcPort, Instant.now().getEpochSecond());
        loadActiveLeases(leases);
        QueryHandler handler = new QueryHandler(zones, mtas);
        InetAddress address = InetAddress.getByName(s.bindAddress());
        UdpTransport udp = new UdpTransport(new InetSocketAddress(address, s.port()), UDP_WORKERS, handler, tracer,
                counters, this::recordError, () -> capture);
        TcpTransport tcp;
        try {
            tcp = new TcpTransport(new InetSocketAddress(address, udp.port()), handler, tracer, counters,
                    this::recordError);
        } catch (IOException | RuntimeException e) {
            udp.close();
            throw e;
        }
        boundPort = udp.port();
        return () -> {
            boundPort = -1;
            udp.close();
            tcp.close();
        };
    }

    private void loadActiveLeases(LeaseLookup lookup) {
        if (lookup == null) {
            return;
        }
        try {
            List<Lease> active = lookup.active(MAX_INITIAL_LEASES);
            Instant now = Instant.now();
            for (int i = active.size() - 1; i >= 0; i--) { // oldest first, so the newest lease of an MTA wins
                Lease l = active.get(i);
                if (l.state() == Lease.State.BOUND && l.isActiveAt(now)) {
                    leaseNames.apply(l, false);
                }
            }
            LOG.info("DNS server loaded {} MTA names from {} active leases", mtas.size(), active.size());
        } catch (RuntimeException e) {
            recordError("reading active leases failed: " + e.getMessage());
            LOG.warn("reading active leases failed; MTA names will follow lease events only", e);
        }
    }
}
