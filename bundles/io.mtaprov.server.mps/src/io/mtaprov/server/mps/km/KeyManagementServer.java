package io.mtaprov.server.mps.km;

import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.server.AbstractManagedServer;
import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.protocol.km.Doi;
import io.mtaprov.protocol.km.KmHeader;
import io.mtaprov.protocol.km.WakeUp;
import io.mtaprov.server.kdc.ap.ServiceKeys;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 3b at the provisioning server: Kerberized key management for the SNMPv3 DOI on UDP
 * ({@link KmResponder}; PKT-SP-SEC port 1293, {@value KmSettings#DEFAULT_KM_PORT} here) and the MTA
 * FQDN protocol the KDC uses during the AS exchange ({@link MtaFqdnResponder}; PKT-SP-SEC port
 * 2246, {@code mtaprov.mps.mtaFqdnPort} here), both on the bind address of "km". The service keys
 * come from the keytab the KDC writes; the keys established are installed into the provisioning
 * server's SNMP engine once it {@link #attach}es. Every exchange is traced at step 3 (source "km");
 * keys never are. Requests run on virtual threads.
 */
@Component(service = {ManagedServer.class, KeyManagement.class}, immediate = true)
public class KeyManagementServer extends AbstractManagedServer implements KeyManagement {
    private static final Logger LOG = LoggerFactory.getLogger(KeyManagementServer.class);
    public static final String ID = "km";
    /** RFC 4120 default clock skew, as the KDC's. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SnmpKeys> established = new ConcurrentHashMap<>();
    private volatile KmSettings km;
    private volatile TraceBus trace;
    private volatile LeaseLookup leases;
    private volatile SnmpEngineSink sink;
    private volatile Supplier<ServiceKeys> serviceKeys;
    private volatile DatagramSocket kmSocket;
    private volatile KmResponder responder;

    public KeyManagementServer() {
        super(new ServerSettings(ServerSettings.LOOPBACK, KmSettings.DEFAULT_KM_PORT, true));
    }

    /** For use outside OSGi; {@code keys} null reads the keytab of the settings. */
    public KeyManagementServer(ServerSettings settings, KmSettings km, TraceBus trace, LeaseLookup leases,
            ServiceKeys keys) {
        super(settings);
        this.km = km;
        this.trace = trace;
        this.leases = leases;
        this.serviceKeys = keys == null ? null : ServiceKeysSource.of(keys);
    }

    @Reference
    void setTrace(TraceBus bus) {
        this.trace = bus;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setLeases(LeaseLookup l) {
        this.leases = l;
    }

    void unsetLeases(LeaseLookup l) {
        if (leases == l) {
            leases = null;
        }
    }

    @Activate
    void activate(BundleContext context) {
        configure(ServerSettings.fromProperties(ID, KmSettings.DEFAULT_KM_PORT, context::getProperty));
        try {
            km = KmSettings.fromProperties(context::getProperty);
        } catch (IllegalArgumentException e) {
            recordError(e.getMessage());
            LOG.error("key management settings: {}", e.getMessage());
        }
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
        return "Key management (KM, MTA FQDN)";
    }

    @Override
    protected String protocol() {
        return "PacketCable KM/UDP + MTA FQDN/UDP";
    }

    public KmSettings kmSettings() {
        return km;
    }

    @Override
    protected Run open(ServerSettings s) throws IOException {
        KmSettings k = km;
        Supplier<ServiceKeys> keys = serviceKeys != null ? serviceKeys : new ServiceKeysSource(k.keytab(), k.principal());
        InetAddress bind = InetAddress.getByName(s.bindAddress());
        DatagramSocket kmUdp = new DatagramSocket(null);
        DatagramSocket fqdnUdp = new DatagramSocket(null);
        try {
            kmUdp.setReceiveBufferSize(4 << 20);
            kmUdp.bind(new InetSocketAddress(bind, s.port()));
            fqdnUdp.bind(new InetSocketAddress(bind, k.mtaFqdnPort()));
        } catch (IOException e) {
            kmUdp.close();
            fqdnUdp.close();
            throw new IOException("key management UDP " + s.port() + " / MTA FQDN UDP " + k.mtaFqdnPort() + ": "
                    + e.getMessage(), e);
        }
        Inet4Address self = bind instanceof Inet4Address a && !a.isAnyLocalAddress() ? a
                : (Inet4Address) InetAddress.getByName("127.0.0.1");
        KmResponder kmr = new KmResponder(keys, () -> leases, () -> sink, k, SKEW);
        MtaFqdnResponder fqdn = new MtaFqdnResponder(keys, () -> leases, k.realm(), SKEW, self);
        ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("mtaprov-km-", 0).factory());
        Thread kmThread = new Thread(() -> listen(kmUdp, workers, (p) -> {
            KmResponder.Answer a = kmr.handle(p.data(), p.from().getAddress().getHostAddress());
            a.keys().ifPresent(x -> established.put(x.ip(), x));
            publish(a.mac(), p.from(), a.summary(), a.detail(), a.outcome());
            return a.reply();
        }), "mtaprov-km-udp");
        Thread fqdnThread = new Thread(() -> listen(fqdnUdp, workers, (p) -> {
            MtaFqdnResponder.Answer a = fqdn.handle(p.data());
            publish(a.mac(), p.from(), a.summary(), a.detail(), a.outcome());
            return a.reply();
        }), "mtaprov-mtafqdn-udp");
        kmThread.setDaemon(true);
        fqdnThread.setDaemon(true);
        kmSocket = kmUdp;
        responder = kmr;
        kmThread.start();
        fqdnThread.start();
        LOG.info("key management on UDP {}:{}, MTA FQDN on UDP {}, suites {}, principal {}", s.bindAddress(), s.port(),
                k.mtaFqdnPort(), KmResponder.names(k.suites()), k.principal());
        return () -> {
            kmSocket = null;
            responder = null;
            kmUdp.close();
            fqdnUdp.close();
            workers.shutdownNow();
            join(kmThread);
            join(fqdnThread);
        };
    }

    private static void join(Thread t) {
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The MTA FQDN port actually bound (tests). */
    public int mtaFqdnPort() {
        return km.mtaFqdnPort();
    }

    private record Packet(byte[] data, InetSocketAddress from) {
    }

    private void listen(DatagramSocket socket, ExecutorService workers, Function<Packet, Optional<byte[]>> handler) {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
                counters.dropped.increment();
                recordError("receive failed: " + e.getMessage());
                continue;
            }
            counters.received.increment();
            Packet packet = new Packet(Arrays.copyOf(buf, p.getLength()), (InetSocketAddress) p.getSocketAddress());
            try {
                workers.execute(() -> {
                    Optional<byte[]> reply;
                    try {
                        reply = handler.apply(packet);
                    } catch (RuntimeException e) {
                        counters.dropped.increment();
                        LOG.error("key management request from {} failed", packet.from(), e);
                        return;
                    }
                    if (reply.isEmpty()) {
                        counters.rejected.increment();
                        return;
                    }
                    try {
                        socket.send(new DatagramPacket(reply.get(), reply.get().length, packet.from()));
                        counters.answered.increment();
                    } catch (IOException e) {
                        recordError("send to " + packet.from() + " failed: " + e.getMessage());
                    }
                });
            } catch (RejectedExecutionException e) {
                return;
            }
        }
    }

    private void publish(String mac, InetSocketAddress peer, String summary, String detail, Outcome outcome) {
        TraceBus bus = trace;
        if (bus != null) {
            bus.publish(new TraceEvent(Instant.now(), mac, ProvisioningStep.SNMPV3_SECURITY, ID, Direction.IN,
                    peer.getAddress().getHostAddress() + ":" + peer.getPort(), summary, detail, outcome));
        }
    }

    // ---- KeyManagement ----

    @Override
    public void attach(SnmpEngineSink s) {
        sink = s;
        if (s != null) {
            Instant now = Instant.now();
            established.values().stream().filter(k -> k.expires().isAfter(now)).forEach(s::install);
        }
    }

    @Override
    public Optional<SnmpKeys> keysFor(String ip) {
        SnmpKeys k = established.get(ip);
        return k != null && k.expires().isAfter(Instant.now()) ? Optional.of(k) : Optional.empty();
    }

    @Override
    public void wakeUp(InetSocketAddress mta) {
        DatagramSocket s = kmSocket;
        KmResponder r = responder;
        if (s == null || r == null) {
            throw new IllegalStateException("key management is not running");
        }
        int nonce = random.nextInt();
        r.wokeUp(mta.getAddress().getHostAddress(), nonce);
        byte[] b = new WakeUp(KmHeader.of(Doi.SNMPV3), nonce, km.principal()).encode();
        try {
            s.send(new DatagramPacket(b, b.length, mta));
        } catch (IOException e) {
            throw new IllegalStateException("Wake Up to " + mta + " not sent: " + e.getMessage(), e);
        }
        publish(leases == null ? "" : leases.byIp(mta.getAddress().getHostAddress()).map(l -> l.mac()).orElse(""), mta,
                "Wake Up sent", String.format("server nonce %08x, principal %s", nonce, km.principal()), Outcome.OK);
    }
}
