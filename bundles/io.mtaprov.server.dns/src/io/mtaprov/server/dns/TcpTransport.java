package io.mtaprov.server.dns;

import io.mtaprov.core.server.ServerCounters;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over TCP (RFC 1035 section 4.2.2, RFC 7766): each message is preceded by its two-byte length.
 * One accept thread; each connection is served on a virtual thread, answering pipelined queries in
 * order, until the client closes it or it stays idle for {@link #IDLE_TIMEOUT_MS}
 * (RFC 7766 section 6.2.3). At most {@link #MAX_CONNECTIONS} connections are open at once.
 */
final class TcpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);
    /** RFC 7766 section 6.2.3: idle timeout (also bounds a half-sent message). */
    static final int IDLE_TIMEOUT_MS = 10_000;
    /** RFC 7766 section 6.2.2: a limit on concurrent connections. */
    static final int MAX_CONNECTIONS = 256;

    private final ServerSocket server;
    private final QueryHandler handler;
    private final ExchangeTracer tracer;
    private final ServerCounters counters;
    private final Consumer<String> errors;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService connections = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("mtaprov-dns-tcp-", 0).factory());
    private final Thread acceptor;

    TcpTransport(InetSocketAddress bind, QueryHandler handler, ExchangeTracer tracer, ServerCounters counters,
            Consumer<String> errors) throws IOException {
        this.handler = handler;
        this.tracer = tracer;
        this.counters = counters;
        this.errors = errors;
        this.server = new ServerSocket();
        try {
            server.setReuseAddress(true); // TIME_WAIT of a previous run must not block a restart
            server.bind(bind, 128);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        this.acceptor = new Thread(this::acceptLoop, "mtaprov-dns-tcp-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    errors.accept("DNS/TCP accept failed: " + e.getMessage());
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                tracer.dropped((InetSocketAddress) s.getRemoteSocketAddress(), "too many TCP connections",
                        MAX_CONNECTIONS + " open");
                closeQuietly(s);
                continue;
            }
            open.add(s);
            try {
                connections.execute(() -> serve(s));
            } catch (RuntimeException e) {
                release(s);
                return; // stopping
            }
        }
    }

    private void serve(Socket s) {
        InetSocketAddress peer = (InetSocketAddress) s.getRemoteSocketAddress();
        try {
            s.setSoTimeout(IDLE_TIMEOUT_MS);
            s.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            OutputStream out = s.getOutputStream();
            while (true) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException | SocketTimeoutException e) {
                    return; // client done, or idle: close (RFC 7766 section 6.2.3)
                }
                counters.received.increment();
                byte[] message = new byte[length];
                in.readFully(message);
                Response r = handler.handle(message, length, true);
                if (r.wire() != null) {
                    byte[] framed = new byte[r.wire().length + 2];
                    framed[0] = (byte) (r.wire().length >> 8);
                    framed[1] = (byte) r.wire().length;
                    System.arraycopy(r.wire(), 0, framed, 2, r.wire().length);
                    out.write(framed); // one write: length and message in one segment (RFC 7766 section 8)
                }
                tracer.record(r, peer, true);
            }
        } catch (EOFException | SocketTimeoutException e) {
            tracer.dropped(peer, "TCP message cut short", "connection closed or idle in the middle of a message");
        } catch (IOException e) {
            if (!server.isClosed()) {
                LOG.debug("DNS/TCP connection from {} ended: {}", peer, e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("DNS/TCP query from {} failed", peer, e);
            tracer.dropped(peer, "internal error", e.toString());
        } finally {
            release(s);
        }
    }

    private void release(Socket s) {
        if (open.remove(s)) {
            slots.release();
        }
        closeQuietly(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("closing a DNS/TCP connection failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("closing the DNS/TCP listener failed: {}", e.getMessage());
        }
        open.forEach(TcpTransport::closeQuietly);
        connections.shutdownNow();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
