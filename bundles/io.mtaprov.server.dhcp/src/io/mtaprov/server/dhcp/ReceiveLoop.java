package io.mtaprov.server.dhcp;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseStore;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import java.io.IOException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single receive thread of a running DHCP server. It drains up to {@link #BATCH} datagrams
 * that are waiting, handles them, commits all their lease changes in one store transaction (a
 * group commit: the H2 write per ACK is what limits throughput), then sends the replies and posts
 * traces and lease events. A reply whose lease could not be committed is not sent. Once a second
 * (and when idle) it expires due leases. Nothing a client sends can end the loop.
 */
final class ReceiveLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLoop.class);
    /** Datagrams handled per store transaction at most. */
    static final int BATCH = 64;
    /** Larger datagrams are refused as oversized (RFC 2131 clients send at most 576 unless option 57). */
    static final int MAX_DATAGRAM = 4096;
    static final int SOCKET_BUFFER = 4 << 20;
    static final long SWEEP_MILLIS = 1000;

    private final DatagramChannel channel;
    private final Selector selector;
    private final DhcpEngine engine;
    private final LeaseStore store;
    private final DhcpServer server;
    private final Thread thread;
    private final ByteBuffer[] buffers = new ByteBuffer[BATCH];
    private final InetSocketAddress[] sources = new InetSocketAddress[BATCH];
    private volatile int bindings;
    private long nextSweep;

    private ReceiveLoop(DatagramChannel channel, Selector selector, DhcpEngine engine, LeaseStore store,
            DhcpServer server) {
        this.channel = channel;
        this.selector = selector;
        this.engine = engine;
        this.store = store;
        this.server = server;
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
        Selector sel = null;
        try {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER); // absorb reboot storms (rmem_max caps it)
            ch.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            ch.setOption(StandardSocketOptions.SO_BROADCAST, true); // RFC 2131 4.1 broadcast replies
            ch.bind(new InetSocketAddress(InetAddress.getByName(s.bindAddress()), s.port()));
            ch.configureBlocking(false);
            sel = Selector.open();
            ch.register(sel, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            ch.close();
            if (sel != null) {
                sel.close();
            }
            throw e;
        }
        ReceiveLoop loop = new ReceiveLoop(ch, sel, engine, store, server);
        loop.bindings = engine.table.size();
        loop.thread.start();
        return loop;
    }

    int bindings() {
        return bindings;
    }

    @Override
    public void close() {
        try {
            channel.close();
            selector.close();
        } catch (IOException e) {
            LOG.warn("closing the DHCP socket: {}", e.getMessage());
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (channel.isOpen()) {
            int n;
            try {
                selector.select(SWEEP_MILLIS);
                selector.selectedKeys().clear();
                n = drain();
            } catch (ClosedChannelException | ClosedSelectorException e) {
                return; // stopped
            } catch (IOException e) {
                if (!channel.isOpen()) {
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
        int n = 0;
        while (n < BATCH) {
            ByteBuffer b = buffers[n];
            b.clear();
            InetSocketAddress src = (InetSocketAddress) channel.receive(b);
            if (src == null) {
                break;
            }
            sources[n++] = src;
        }
        return n;
    }

    private void process(int n, long now) {
        Exchange[] done = new Exchange[n];
        List<Lease> writes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            server.received();
            ByteBuffer b = buffers[i];
            try {
                done[i] = engine.handle(b.array(), Math.min(b.position(), MAX_DATAGRAM), b.position() > MAX_DATAGRAM,
                        sources[i], now);
                if (done[i].write != null) {
                    writes.add(done[i].write);
                }
            } catch (RuntimeException e) { // a bug must not end the loop
                server.dropped("request from " + sources[i] + " failed: " + e);
                LOG.error("DHCP request from {} failed", sources[i], e);
            }
        }
        String failure = commit(done, writes);
        for (Exchange ex : done) {
            if (ex == null) {
                continue;
            }
            if (ex.write != null && failure != null) {
                ex.reply = null;
                ex.result = Exchange.Result.IGNORED;
                ex.traces.add(new TraceEvent(Instant.ofEpochMilli(now), ex.mac, ProvisioningStep.DHCP_OPTIONS_TRANSFER,
                        DhcpEngine.SOURCE, Direction.INTERNAL, "", "lease " + ex.write.ip() + " not stored, no reply",
                        failure, Outcome.FAILED));
            }
            if (ex.reply != null) {
                send(ex);
            }
            server.record(ex);
            if (ex.write != null && failure == null) {
                server.announce(ex.write);
            }
        }
        bindings = engine.table.size();
    }

    /** Commits the batch's lease changes; the failure message, or null. */
    private String commit(Exchange[] done, List<Lease> writes) {
        if (writes.isEmpty()) {
            return null;
        }
        try {
            store.putAll(writes);
            for (Exchange ex : done) {
                if (ex != null && ex.conflictIp != 0) {
                    store.markConflict(new Ipv4Address(ex.conflictIp).toString(), ex.mac,
                            Instant.ofEpochMilli(ex.conflictUntil));
                }
            }
            return null;
        } catch (RuntimeException e) {
            String msg = "lease store failed, " + writes.size() + " lease(s) not acknowledged: " + e.getMessage();
            server.dropped(msg);
            LOG.error("DHCP lease commit failed", e);
            return msg;
        }
    }

    private void send(Exchange ex) {
        try {
            if (channel.send(ByteBuffer.wrap(ex.reply), ex.destination) == 0) {
                server.dropped(null); // socket buffer full
            }
        } catch (IOException e) {
            server.dropped("reply to " + ex.destination + " failed: " + e.getMessage());
        }
    }

    private void sweep(long now) {
        try {
            List<Lease> due = engine.table.expire(now);
            if (!due.isEmpty()) {
                store.putAll(due);
                due.forEach(server::announce);
            }
        } catch (RuntimeException e) {
            server.dropped("expiring leases failed: " + e.getMessage());
            LOG.error("DHCP lease expiry failed", e);
        }
    }
}
