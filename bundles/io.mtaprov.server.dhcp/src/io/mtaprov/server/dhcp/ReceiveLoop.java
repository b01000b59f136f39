package io.mtaprov.server.dhcp;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseStore;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single receive thread of a running DHCP server. It drains up to {@link #BATCH} datagrams
 * that are waiting and handles them; replies without a lease change (OFFER, NAK) go out at once,
 * the others wait for the {@link LeaseCommitter}, which commits the lease changes of everything
 * received meanwhile in one store transaction (a group commit: the H2 write is what limits
 * throughput) and then sends those replies. A reply whose lease could not be committed is not
 * sent. Once a second (and when idle) it expires due leases. Nothing a client sends can end the loop.
 *
 * <p>Bound to one interface's address (a real network, not loopback or the wildcard), it also
 * listens on the wildcard address at the same port: a client without an address broadcasts its
 * DISCOVER and REQUEST from 0.0.0.0 to 255.255.255.255 (RFC 2131 section 4.1), and Linux delivers
 * a limited broadcast only to sockets bound to the wildcard or to 255.255.255.255 (which the JDK
 * refuses to bind). Both sockets set SO_REUSEADDR to share the port; unicast to the interface
 * address still reaches the bound socket (the more specific one). From the wildcard socket only
 * datagrams sent from 0.0.0.0 are handled (they can only be broadcasts); the rest, e.g. unicast to
 * another address of this host, are dropped. Java cannot bind a socket to a device, so such a
 * broadcast may have come in on another interface. Replies always leave through the socket bound
 * to the interface address, so a broadcast reply goes out of that interface (from the wildcard
 * socket it would follow the default route instead).
 */
final class ReceiveLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLoop.class);
    /** Datagrams handled per store transaction at most. */
    static final int BATCH = 64;
    /** Larger datagrams are refused as oversized (RFC 2131 clients send at most 576 unless option 57). */
    static final int MAX_DATAGRAM = 4096;
    static final int SOCKET_BUFFER = 4 << 20;
    static final long SWEEP_MILLIS = 1000;
    private static final InetAddress WILDCARD = Ipv4Address.ANY.toInetAddress();

    private final DatagramChannel channel;
    /** The wildcard listener for broadcasts from clients without an address, or null (class comment). */
    private final DatagramChannel broadcast;
    private final Selector selector;
    private final DhcpEngine engine;
    private final LeaseCommitter committer;
    private final DhcpServer server;
    private final Thread thread;
    private final ByteBuffer[] buffers = new ByteBuffer[BATCH];
    private final InetSocketAddress[] sources = new InetSocketAddress[BATCH];
    private volatile int bindings;
    private long nextSweep;
    private InetSocketAddress local;

    private ReceiveLoop(DatagramChannel channel, DatagramChannel broadcast, Selector selector, DhcpEngine engine,
            LeaseStore store, DhcpServer server) {
        this.channel = channel;
        this.broadcast = broadcast;
        this.selector = selector;
        this.engine = engine;
        this.server = server;
        this.committer = new LeaseCommitter(store, server, this::send);
        for (int i = 0; i < BATCH; i++) {
            buffers[i] = ByteBuffer.allocate(MAX_DATAGRAM + 1);
        }
        this.thread = new Thread(this::run, "mtaprov-dhcp-receive");
        thread.setDaemon(true);
    }

    /** Binds the socket and starts the thread. */
    static ReceiveLoop open(ServerSettings s, DhcpEngine engine, LeaseStore store, DhcpServer server)
            throws IOException {
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
        DatagramChannel bc = null;
        Selector sel = null;
        try {
            InetAddress bind = InetAddress.getByName(s.bindAddress());
            ch.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER); // absorb reboot storms (rmem_max caps it)
            ch.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            ch.setOption(StandardSocketOptions.SO_BROADCAST, true); // RFC 2131 4.1 broadcast replies
            boolean withBroadcasts = listensForBroadcasts(bind);
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, withBroadcasts); // shares the port with the wildcard
            ch.bind(new InetSocketAddress(bind, s.port()));
            ch.configureBlocking(false);
            sel = Selector.open();
            ch.register(sel, SelectionKey.OP_READ);
            if (withBroadcasts) {
                bc = DatagramChannel.open(StandardProtocolFamily.INET);
                bc.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                bc.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
                bc.bind(new InetSocketAddress(WILDCARD, s.port()));
                bc.configureBlocking(false);
                bc.register(sel, SelectionKey.OP_READ);
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            if (bc != null) {
                bc.close();
            }
            if (sel != null) {
                sel.close();
            }
            throw e;
        }
        ReceiveLoop loop = new ReceiveLoop(ch, bc, sel, engine, store, server);
        loop.local = (InetSocketAddress) ch.getLocalAddress();
        loop.bindings = engine.table.size();
        loop.thread.start();
        return loop;
    }

    int bindings() {
        return bindings;
    }

    /** Whether a server bound to {@code bind} also listens on the wildcard address (class comment). */
    static boolean listensForBroadcasts(InetAddress bind) {
        return bind instanceof Inet4Address && !bind.isAnyLocalAddress() && !bind.isLoopbackAddress()
                && !bind.isMulticastAddress();
    }

    /** Whether this loop has the wildcard listener. */
    boolean hasBroadcastListener() {
        return broadcast != null;
    }

    /**
     * Stops receiving, lets the committer store and answer what was already received, then closes
     * the sockets.
     */
    @Override
    public void close() {
        try {
            selector.close(); // ends the receive thread (its select throws)
        } catch (IOException e) {
            LOG.warn("closing the DHCP selector: {}", e.getMessage());
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        committer.close();
        try {
            channel.close();
            if (broadcast != null) {
                broadcast.close();
            }
        } catch (IOException e) {
            LOG.warn("closing the DHCP socket: {}", e.getMessage());
        }
    }

    private void run() {
        while (selector.isOpen()) {
            int n;
            try {
                selector.select(SWEEP_MILLIS);
                selector.selectedKeys().clear();
                n = drain();
            } catch (ClosedChannelException | ClosedSelectorException e) {
                return; // stopped
            } catch (IOException e) {
                if (!selector.isOpen() || !channel.isOpen()) {
                    return;
                }
                server.dropped("receive failed: " + e.getMessage());
                continue;
            }
            long now = System.currentTimeMillis();
            if (n > 0) {
                process(n, now);
            }
            if (now >= nextSweep) {
                sweep(now);
                nextSweep = now + SWEEP_MILLIS;
            }
        }
    }

    private int drain() throws IOException {
        int n = drain(channel, 0);
        return broadcast == null ? n : drain(broadcast, n);
    }

    /**
     * Receives into the buffers from index {@code n} on; the new count. From the wildcard listener
     * only datagrams sent from 0.0.0.0 are kept (class comment).
     */
    private int drain(DatagramChannel from, int n) throws IOException {
        while (n < BATCH) {
            ByteBuffer b = buffers[n];
            b.clear();
            InetSocketAddress src = (InetSocketAddress) from.receive(b);
            if (src == null) {
                break;
            }
            if (from == broadcast && !src.getAddress().isAnyLocalAddress()) {
                continue; // not a client without an address: not for this interface's server
            }
            sources[n++] = src;
        }
        return n;
    }

    /**
     * Handles the drained datagrams. Replies without a lease change (OFFER, NAK, INFORM's ACK) go
     * out at once; exchanges with one wait for the committer, which sends their replies after the
     * commit (class comment of {@link LeaseCommitter}).
     */
    private void process(int n, long now) {
        List<Exchange> writes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            server.received();
            ByteBuffer b = buffers[i];
            Exchange ex;
            try {
                ex = engine.handle(b.array(), Math.min(b.position(), MAX_DATAGRAM), b.position() > MAX_DATAGRAM,
                        sources[i], now);
                server.capture(now, ex.mac, sources[i], local, b.array(), Math.min(b.position(), MAX_DATAGRAM));
            } catch (RuntimeException e) { // a bug must not end the loop
                server.dropped("request from " + sources[i] + " failed: " + e);
                LOG.error("DHCP request from {} failed", sources[i], e);
                continue;
            }
            if (ex.write != null) {
                writes.add(ex);
                continue;
            }
            if (ex.reply != null) {
                send(ex);
            }
            server.record(ex);
        }
        committer.submit(writes);
        bindings = engine.table.size();
    }

    private void send(Exchange ex) {
        try {
            if (channel.send(ByteBuffer.wrap(ex.reply), ex.destination) == 0) {
                server.dropped(null); // socket buffer full
            } else {
                server.capture(System.currentTimeMillis(), ex.mac, local, ex.destination, ex.reply, ex.reply.length);
            }
        } catch (IOException e) {
            server.dropped("reply to " + ex.destination + " failed: " + e.getMessage());
        }
    }

    private void sweep(long now) {
        try {
            List<Lease> due = engine.table.expire(now);
            if (!due.isEmpty()) {
                committer.submit(due.stream().map(Exchange::expiry).toList());
            }
        } catch (RuntimeException e) {
            server.dropped("expiring leases failed: " + e.getMessage());
            LOG.error("DHCP lease expiry failed", e);
        }
    }
}
