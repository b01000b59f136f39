package io.mtaprov.server.kdc;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.server.AbstractManagedServer;
import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.pki.LabPki;
import io.mtaprov.pki.MacAddress;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kerberos KDC of step 3 (MTA-9..MTA-12): Kerby's AS/TGS processing behind our
 * pre-authentication ({@link StrictPreauthHandler}: PKINIT RSA mode for MTAs, encrypted timestamp
 * for lab password principals, nothing else), on UDP and TCP (RFC 4120 7.2.1/7.2.2, 4-byte length
 * prefix) at the same port, 127.0.0.1:10088 by default. Requests run on virtual threads. Every
 * exchange is traced at step 3 with its outcome and the reason of a refusal; keys never are.
 * The lab PKI ({@link LabPki}) is opened at start: its KDC certificate signs PKINIT replies.
 */
@Component(service = ManagedServer.class, immediate = true)
public class KdcServer extends AbstractManagedServer {
    private static final Logger LOG = LoggerFactory.getLogger(KdcServer.class);
    /** slf4j-simple's per-logger level property (read when each logger is created). */
    static final String KERBY_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.apache.kerby";

    static {
        // Kerby logs every refused request itself (WARN "Can't get the client entry", ERROR "Can't get
        // the best encryption type"): a flood under garbage or a storm, and our trace already says why
        // each request was refused. Quiet unless the user asked for Kerby's log.
        if (System.getProperty(KERBY_LOG_LEVEL) == null) {
            System.setProperty(KERBY_LOG_LEVEL, "off");
        }
    }
    public static final String ID = "kdc";
    public static final int DEFAULT_PORT = 10088;
    static final int MAX_TCP_MESSAGE = 1 << 20;
    static final java.time.Duration MTA_FQDN_TIMEOUT = java.time.Duration.ofMillis(1000);
    static final int MTA_FQDN_TRIES = 3;

    private volatile TraceBus trace;
    private volatile KdcSettings kdcSettings;
    private volatile LabPki pki;
    private volatile KdcEngine engine;
    private final Map<String, MacAddress> extraMtas = new ConcurrentHashMap<>();

    public KdcServer() {
        super(new ServerSettings(ServerSettings.LOOPBACK, DEFAULT_PORT, true));
    }

    /** For use outside OSGi (tests, benchmarks); {@code pki} may be null to open the one in the settings. */
    public KdcServer(ServerSettings settings, KdcSettings kdcSettings, LabPki pki, TraceBus trace) {
        super(settings);
        this.kdcSettings = kdcSettings;
        this.pki = pki;
        this.trace = trace;
    }

    @Reference
    void setTrace(TraceBus bus) {
        this.trace = bus;
    }

    @Activate
    void activate(BundleContext context) {
        configure(ServerSettings.fromProperties(ID, DEFAULT_PORT, context::getProperty));
        kdcSettings = KdcSettings.fromProperties(context::getProperty);
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
        return "Kerberos KDC";
    }

    @Override
    protected TraceBus overloadTrace() {
        return trace;
    }

    @Override
    protected ProvisioningStep overloadStep() {
        return ProvisioningStep.SNMPV3_SECURITY;
    }

    @Override
    protected String protocol() {
        return "Kerberos/UDP+TCP";
    }

    /** The running engine (principals, realm), if started. */
    public Optional<KdcEngine> engine() {
        return Optional.ofNullable(engine);
    }

    /** The lab PKI, once opened by a start. */
    public Optional<LabPki> pki() {
        return Optional.ofNullable(pki);
    }

    /** Adds an MTA principal bound to a MAC, now and for later runs. */
    public void registerMta(String principal, MacAddress mac) throws KrbException {
        extraMtas.put(principal, mac);
        KdcEngine e = engine;
        if (e != null) {
            e.principals().addMta(principal, mac);
        }
    }

    @Override
    protected Run open(ServerSettings s) throws IOException {
        KdcSettings ks = kdcSettings;
        LabPki p = pki;
        if (p == null) {
            p = LabPki.open(ks.pkiDir(), MasterSecret.of(ks, LOG));
            pki = p;
        }
        KdcEngine e;
        try {
            e = new KdcEngine(ks.realm(), p.kdc(ks.realm(), ks.kdcFqdn()), p.mtaValidator(), Clock.systemUTC());
            e.principals().addService(ks.mpsPrincipal());
            for (Map.Entry<String, MacAddress> m : ks.mtaPrincipals().entrySet()) {
                e.principals().addMta(m.getKey(), m.getValue());
            }
            for (Map.Entry<String, MacAddress> m : extraMtas.entrySet()) {
                e.principals().addMta(m.getKey(), m.getValue());
            }
            for (Map.Entry<String, String> pw : ks.passwordPrincipals().entrySet()) {
                e.principals().addPassword(pw.getKey(), pw.getValue().toCharArray());
            }
            e.principals().serviceKeys(ks.mpsPrincipal()).writeKeytab(ks.mpsKeytab());
            if (ks.mtaFqdnServer() != null) {
                e.useMtaFqdn(ks.mpsPrincipal(), ks.mtaFqdnServer(), MTA_FQDN_TIMEOUT, MTA_FQDN_TRIES);
            }
        } catch (KrbException ex) {
            throw new IOException("the KDC cannot be set up: " + ex.getMessage(), ex);
        }
        InetAddress bind = InetAddress.getByName(s.bindAddress());
        DatagramSocket udp = new DatagramSocket(null);
        ServerSocket tcp = new ServerSocket();
        try {
            udp.setReuseAddress(false);
            udp.setReceiveBufferSize(4 << 20);
            udp.bind(new InetSocketAddress(bind, s.port()));
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress(bind, s.port()));
        } catch (IOException ex) {
            udp.close();
            tcp.close();
            throw ex;
        }
        engine = e;
        ExecutorService workers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("mtaprov-kdc-request-", 0).factory());
        Thread udpListener = new Thread(() -> listenUdp(udp, e, workers), "mtaprov-kdc-udp");
        Thread tcpListener = new Thread(() -> listenTcp(tcp, e, workers), "mtaprov-kdc-tcp");
        udpListener.setDaemon(true);
        tcpListener.setDaemon(true);
        udpListener.start();
        tcpListener.start();
        LOG.info("KDC for realm {} ({} MTA principals from settings; MTA FQDN server {}; keytab of {} in {})",
                ks.realm(), ks.mtaPrincipals().size(), ks.mtaFqdnServer() == null ? "none" : ks.mtaFqdnServer(),
                ks.mpsPrincipal(), ks.mpsKeytab());
        return () -> {
            engine = null;
            udp.close();
            try {
                tcp.close();
            } catch (IOException ex) {
                LOG.warn("closing the KDC's TCP socket failed: {}", ex.getMessage());
            }
            workers.shutdownNow();
            join(udpListener);
            join(tcpListener);
        };
    }

    private static void join(Thread t) {
        try {
            t.join(2000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void listenUdp(DatagramSocket socket, KdcEngine e, ExecutorService workers) {
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                p.setLength(buf.length);
                socket.receive(p);
            } catch (IOException ex) {
                if (socket.isClosed()) {
                    return;
                }
                counters.dropped.increment();
                recordError("receive failed: " + ex.getMessage());
                continue;
            }
            byte[] request = Arrays.copyOf(buf, p.getLength());
            SocketAddress from = p.getSocketAddress();
            try {
                workers.execute(() -> {
                    byte[] reply = serve(e, request, false, (InetSocketAddress) from);
                    try {
                        socket.send(new DatagramPacket(reply, reply.length, from));
                    } catch (IOException ex) {
                        recordError("send to " + from + " failed: " + ex.getMessage());
                    }
                });
            } catch (RejectedExecutionException ex) {
                return; // stopping
            }
        }
    }

    private void listenTcp(ServerSocket server, KdcEngine e, ExecutorService workers) {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException ex) {
                if (server.isClosed()) {
                    return;
                }
                recordError("accept failed: " + ex.getMessage());
                continue;
            }
            try {
                workers.execute(() -> serveTcp(s, e));
            } catch (RejectedExecutionException ex) {
                closeQuietly(s);
                return;
            }
        }
    }

    private void serveTcp(Socket s, KdcEngine e) {
        try (s) {
            s.setSoTimeout(30_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            int len = in.readInt();
            if (len < 0 || len > MAX_TCP_MESSAGE) {
                counters.dropped.increment();
                recordError("TCP request of " + len + " bytes from " + s.getRemoteSocketAddress() + " refused");
                return;
            }
            byte[] request = in.readNBytes(len);
            byte[] reply = serve(e, request, true, (InetSocketAddress) s.getRemoteSocketAddress());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(reply.length);
            out.write(reply);
            out.flush();
        } catch (IOException ex) {
            counters.dropped.increment();
            recordError("TCP exchange with " + s.getRemoteSocketAddress() + " failed: " + ex.getMessage());
        }
    }

    private byte[] serve(KdcEngine e, byte[] request, boolean tcp, InetSocketAddress peer) {
        counters.received.increment();
        KdcEngine.Exchange x;
        try {
            x = e.handle(request, tcp, peer.getAddress());
        } catch (RuntimeException ex) {
            counters.dropped.increment();
            LOG.error("KDC request from {} failed", peer, ex);
            return new byte[0];
        }
        if (x.outcome() == Outcome.REJECTED || x.outcome() == Outcome.FAILED) {
            counters.rejected.increment();
        } else {
            counters.answered.increment();
        }
        TraceBus bus = trace;
        if (bus != null) {
            bus.publish(new TraceEvent(Instant.now(), x.mac(), ProvisioningStep.SNMPV3_SECURITY, ID, Direction.IN,
                    peer.getAddress().getHostAddress() + ":" + peer.getPort(), x.summary(),
                    x.detail() + (tcp ? " [TCP]" : " [UDP]"), x.outcome()));
        }
        return x.reply();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ex) {
            LOG.debug("closing a refused connection failed: {}", ex.getMessage());
        }
    }
}
