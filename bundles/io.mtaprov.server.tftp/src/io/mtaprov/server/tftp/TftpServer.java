package io.mtaprov.server.tftp;

import io.mtaprov.core.files.FileNames;
import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.files.GeneratedFileStore;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.server.AbstractManagedServer;
import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.trace.CapturedPacket;
import io.mtaprov.core.trace.PacketCapture;
import io.mtaprov.core.trace.TraceBus;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only TFTP server of steps 8 and 9 (RFC 1350 with RFC 2347/2348/2349 options). It serves
 * only files the provisioning server generated ({@link GeneratedFileStore}), by their unguessable
 * names; write requests, unknown names and anything that looks like a path are refused with a TFTP
 * ERROR and a trace entry. Each transfer runs on a virtual thread with its own socket. A request
 * repeated by a client whose transfer is still running (same address and port: the client timed
 * out waiting for the first DATA) is dropped, since the running transfer retransmits by itself;
 * serving it again would double the work exactly when the server is behind (a reboot storm).
 */
@Component(service = ManagedServer.class, immediate = true)
public class TftpServer extends AbstractManagedServer {
    private static final Logger LOG = LoggerFactory.getLogger(TftpServer.class);
    public static final String ID = "tftp";
    public static final int DEFAULT_PORT = 10069;
    static final int MAX_CONCURRENT_TRANSFERS = 8192;
    static final int RECEIVE_BUFFER = 4 << 20;

    private volatile GeneratedFileStore files;
    private volatile TraceBus trace;
    private volatile TftpPolicy policy;
    private volatile ClientRateLimiter limiter;
    private volatile PacketCapture capture;
    private final Semaphore transferSlots = new Semaphore(MAX_CONCURRENT_TRANSFERS);
    /** Client TID -> the request being served for it, until the client's first ACK. */
    private final ConcurrentHashMap<InetSocketAddress, Active> activeRequests = new ConcurrentHashMap<>();
    /** A client repeats its request only after its own timeout (RFC 1350 4); sooner is a new request. */
    static final long REPEAT_MIN_NANOS = 100_000_000L;

    /** A request being served, until the client ACKs (then it talks to the transfer's own TID). */
    record Active(String id, long startedNanos) {
        /** True when a request with this id arriving at {@code now} is a client's retransmission. */
        boolean isRepeatedBy(String otherId, long now) {
            // a new request right after a transfer can beat the final ACK to us: only a request
            // repeated after a client-timeout-like delay is a retransmission
            return id.equals(otherId) && now - startedNanos >= REPEAT_MIN_NANOS;
        }
    }

    public TftpServer() {
        super(new ServerSettings(ServerSettings.LOOPBACK, DEFAULT_PORT, true));
        policy(TftpPolicy.DEFAULTS);
    }

    /** For use outside OSGi (tests, headless benchmarks): no rate limit, see {@link TftpPolicy#UNLIMITED}. */
    public TftpServer(ServerSettings settings, GeneratedFileStore files, TraceBus trace) {
        this(settings, files, trace, TftpPolicy.UNLIMITED);
    }

    /** For use outside OSGi with a policy. */
    public TftpServer(ServerSettings settings, GeneratedFileStore files, TraceBus trace, TftpPolicy policy) {
        super(settings);
        this.files = files;
        this.trace = trace;
        policy(policy);
    }

    private void policy(TftpPolicy p) {
        this.policy = p;
        this.limiter = new ClientRateLimiter(p.clientRate(), p.clientBurst());
    }

    @Reference
    void setFiles(GeneratedFileStore store) {
        this.files = store;
    }

    @Reference
    void setTrace(TraceBus bus) {
        this.trace = bus;
    }

    @Activate
    void activate(BundleContext context) {
        policy(TftpPolicy.fromProperties(context::getProperty));
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
        return "TFTP server";
    }

    @Override
    protected TraceBus overloadTrace() {
        return trace;
    }

    @Override
    protected ProvisioningStep overloadStep() {
        return ProvisioningStep.CONFIG_FILE_REQUEST;
    }

    @Override
    protected String protocol() {
        return "TFTP/UDP";
    }

    @Override
    protected Run open(ServerSettings s) throws IOException {
        InetAddress bind = InetAddress.getByName(s.bindAddress());
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.setReuseAddress(false);
            socket.setReceiveBufferSize(RECEIVE_BUFFER); // absorb reboot-storm bursts (capped by net.core.rmem_max)
            socket.bind(new InetSocketAddress(bind, s.port()));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        ExecutorService transfers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("mtaprov-tftp-transfer-", 0).factory());
        Thread listener = new Thread(() -> listen(socket, bind, transfers), "mtaprov-tftp-listener");
        listener.setDaemon(true);
        listener.start();
        return () -> {
            socket.close();
            transfers.shutdownNow();
            activeRequests.clear();
            try {
                listener.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private void listen(DatagramSocket socket, InetAddress bind, ExecutorService transfers) {
        byte[] buf = new byte[TftpPacket.MAX_REQUEST + 1];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                p.setLength(buf.length);
                socket.receive(p);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return; // closed by stop()
                }
                // e.g. ICMP port unreachable after an ERROR to a client that went away: keep serving
                counters.dropped.increment();
                recordError("receive failed: " + e.getMessage());
                continue;
            }
            try {
                handle(socket, bind, transfers, buf, p);
            } catch (RejectedExecutionException e) {
                return; // stopping
            } catch (RuntimeException e) {
                // one bad datagram must never end the listener
                counters.dropped.increment();
                recordError("request from " + p.getSocketAddress() + " failed: " + e);
                LOG.error("TFTP request from {} failed", p.getSocketAddress(), e);
            }
        }
    }

    private void handle(DatagramSocket socket, InetAddress bind, ExecutorService transfers, byte[] buf,
            DatagramPacket p) {
        counters.received.increment();
        InetSocketAddress client = (InetSocketAddress) p.getSocketAddress();
        if (!limiter.allow(client.getAddress(), System.nanoTime())) {
            counters.dropped.increment(); // no ERROR either: an answer would amplify a flood
            publish("", ProvisioningStep.CONFIG_FILE_REQUEST, Direction.IN, client, "request dropped: rate limit",
                    "more than " + policy.clientRate() + " requests/s (bursts of " + policy.clientBurst() + ") from "
                            + client.getAddress().getHostAddress() + " (mtaprov.tftp.clientRate)", Outcome.REJECTED);
            return;
        }
        capture("", client, (InetSocketAddress) socket.getLocalSocketAddress(), buf, p.getLength());
        TftpPacket.Request req;
        try {
            req = TftpPacket.parseRequest(buf, p.getLength());
        } catch (TftpPacket.MalformedTftpException e) {
            reject(socket, client, TftpPacket.ERR_ILLEGAL_OPERATION, "malformed request: " + e.getMessage(), "");
            return;
        }
        String id = req.opcode() + " " + req.mode() + " " + req.filename();
        Active mine = new Active(id, System.nanoTime());
        Active previous = activeRequests.putIfAbsent(client, mine);
        if (previous != null && previous.isRepeatedBy(id, mine.startedNanos())) {
            counters.dropped.increment(); // a retransmitted request: its transfer is under way
            return;
        }
        boolean tracked = previous == null;
        if (!transferSlots.tryAcquire()) {
            if (tracked) {
                activeRequests.remove(client, mine);
            }
            counters.dropped.increment();
            reply(socket, client, TftpPacket.error(TftpPacket.ERR_UNDEFINED, "server busy, retry later"));
            return;
        }
        try {
            transfers.execute(() -> {
                try {
                    // a repeated request is a duplicate only until the client ACKs: after that it
                    // talks to the transfer's own TID, and a new request from it is a new transfer
                    serve(bind, client, req, tracked ? () -> activeRequests.remove(client, mine) : () -> { });
                } finally {
                    if (tracked) {
                        activeRequests.remove(client, mine);
                    }
                    transferSlots.release();
                }
            });
        } catch (RuntimeException e) {
            if (tracked) {
                activeRequests.remove(client, mine);
            }
            transferSlots.release();
            throw e;
        }
    }

    /** Keeps the datagrams for the pcap export of an attempt; optional and dynamic. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setCapture(PacketCapture c) {
        this.capture = c;
    }

    void unsetCapture(PacketCapture c) {
        if (capture == c) {
            capture = null;
        }
    }

    private void capture(String mac, InetSocketAddress from, InetSocketAddress to, byte[] data, int length) {
        PacketCapture c = capture;
        if (c != null && from.getAddress() instanceof java.net.Inet4Address
                && to.getAddress() instanceof java.net.Inet4Address) {
            c.record(new CapturedPacket(Instant.now(), mac, from, to, java.util.Arrays.copyOf(data, length)));
        }
    }

    private void serve(InetAddress bind, InetSocketAddress client, TftpPacket.Request req, Runnable clientAnswered) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(bind, 0))) {
            if (req.opcode() == TftpPacket.WRQ) {
                reject(socket, client, TftpPacket.ERR_ACCESS_VIOLATION, "write request for " + quoted(req.filename())
                        + " refused: this server is read-only", "");
                return;
            }
            if (!req.mode().equals("octet") && !req.mode().equals("netascii")) {
                reject(socket, client, TftpPacket.ERR_ILLEGAL_OPERATION, "transfer mode " + quoted(req.mode())
                        + " is not supported (octet, netascii)", "");
                return;
            }
            String name = req.filename().startsWith("/") ? req.filename().substring(1) : req.filename();
            if (!FileNames.isWellFormed(name)) {
                reject(socket, client, TftpPacket.ERR_ACCESS_VIOLATION, "name " + quoted(req.filename())
                        + " refused: only generated files are served, by name, never paths", "");
                return;
            }
            Optional<GeneratedFile> meta = files.find(name);
            Optional<byte[]> content = meta.isPresent() ? files.content(name) : Optional.empty();
            if (content.isEmpty()) {
                reject(socket, client, TftpPacket.ERR_FILE_NOT_FOUND, "file " + quoted(name) + " not found", "");
                return;
            }
            java.time.Instant expiry = meta.get().created().plus(policy.fileLifetime());
            if (java.time.Instant.now().isAfter(expiry)) {
                counters.rejected.increment();
                reply(socket, client, TftpPacket.error(TftpPacket.ERR_FILE_NOT_FOUND, "file " + quoted(name) + " expired"));
                publish(meta.get().mtaMac(), ProvisioningStep.CONFIG_FILE_REQUEST, Direction.IN, client,
                        "refused: file " + quoted(name) + " expired", "generated " + meta.get().created()
                                + "; files are served for " + policy.fileLifetime().toSeconds()
                                + " s (mtaprov.tftp.fileLifetimeSeconds)", Outcome.REJECTED);
                return;
            }
            String mac = meta.get().mtaMac();
            byte[] bytes = req.mode().equals("netascii") ? NetAscii.encode(content.get()) : content.get();
            TransferOptions opts = TransferOptions.negotiate(req.options(), bytes.length);
            publish(mac, ProvisioningStep.CONFIG_FILE_REQUEST, Direction.IN, client,
                    "RRQ " + name + " (" + req.mode() + (req.options().isEmpty() ? "" : ", " + req.options()) + ")",
                    "file for " + (mac.isEmpty() ? "no MTA" : mac) + ", " + meta.get().size() + " bytes, SHA-1 "
                            + meta.get().sha1Hex() + "; negotiated " + opts.acknowledged(), Outcome.OK);
            long start = System.nanoTime();
            TftpTransfer.Result r = new TftpTransfer(socket, client, bytes, opts, clientAnswered)
                    .capturing((from, to, data, length) -> capture(mac, from, to, data, length)).run();
            long micros = (System.nanoTime() - start) / 1000;
            if (r.complete()) {
                counters.answered.increment();
                publish(mac, ProvisioningStep.CONFIG_FILE_DOWNLOAD, Direction.OUT, client,
                        "sent " + name + ": " + bytes.length + " bytes in " + r.blocks() + " blocks, "
                                + micros / 1000.0 + " ms",
                        "blksize " + opts.blockSize() + ", retransmissions " + r.retransmissions(), Outcome.OK);
            } else {
                counters.dropped.increment();
                publish(mac, ProvisioningStep.CONFIG_FILE_DOWNLOAD, Direction.OUT, client,
                        "transfer of " + name + " failed", r.failure(), Outcome.FAILED);
            }
        } catch (IOException e) {
            counters.dropped.increment();
            recordError("transfer to " + client + " failed: " + e.getMessage());
            LOG.warn("TFTP transfer to {} failed: {}", client, e.getMessage());
        }
    }

    private void reject(DatagramSocket socket, InetSocketAddress client, int code, String reason, String mac) {
        counters.rejected.increment();
        reply(socket, client, TftpPacket.error(code, reason));
        publish(mac, ProvisioningStep.CONFIG_FILE_REQUEST, Direction.IN, client, "refused: " + reason,
                "TFTP error " + code + " sent to " + client, Outcome.REJECTED);
    }

    private void reply(DatagramSocket socket, InetSocketAddress client, byte[] packet) {
        try {
            socket.send(new DatagramPacket(packet, packet.length, client));
        } catch (IOException e) {
            recordError("send to " + client + " failed: " + e.getMessage());
        }
    }

    private void publish(String mac, ProvisioningStep step, Direction dir, InetSocketAddress peer, String summary,
            String detail, Outcome outcome) {
        TraceBus bus = trace;
        if (bus != null) {
            bus.publish(new TraceEvent(Instant.now(), mac, step, ID, dir,
                    peer.getAddress().getHostAddress() + ":" + peer.getPort(), summary, detail, outcome));
        }
    }

    private static String quoted(String s) {
        String clean = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "'" + clean + "'";
    }
}
