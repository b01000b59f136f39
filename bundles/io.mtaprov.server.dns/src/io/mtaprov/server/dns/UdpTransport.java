package io.mtaprov.server.dns;

import io.mtaprov.core.server.ServerCounters;
import io.mtaprov.core.trace.CapturedPacket;
import io.mtaprov.core.trace.PacketCapture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over UDP (RFC 1035 section 4.2.1): one named receive thread copies each datagram and hands it
 * to a small pool of worker threads that answer it on the same socket. A full queue drops the query
 * (counted and traced; the client retries). Nothing a client sends can end the receive loop.
 */
final class UdpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);
    /** The largest query we read; anything longer is dropped as oversized (queries are tiny). */
    static final int MAX_QUERY = QueryHandler.MAX_UDP_PAYLOAD;
    static final int RECEIVE_BUFFER = 4 << 20;
    static final int QUEUE = 16_384;

    private final DatagramChannel channel;
    private final QueryHandler handler;
    private final ExchangeTracer tracer;
    private final ServerCounters counters;
    private final Consumer<String> errors;
    private final ThreadPoolExecutor workers;
    private final Thread receiver;
    private final Supplier<PacketCapture> capture;
    private final InetSocketAddress local;

    /** @param capture where datagrams in and out are kept for pcap export (the supplier may give null) */
    UdpTransport(InetSocketAddress bind, int threads, QueryHandler handler, ExchangeTracer tracer,
            ServerCounters counters, Consumer<String> errors, Supplier<PacketCapture> capture) throws IOException {
        this.capture = capture;
        this.handler = handler;
        this.tracer = tracer;
        this.counters = counters;
        this.errors = errors;
        this.channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER); // capped by net.core.rmem_max
            channel.bind(bind);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.local = (InetSocketAddress) channel.getLocalAddress();
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "mtaprov-dns-udp-worker-" + n.getAndIncrement());
                    t.setDaemon(true);
                    return t;
                });
        this.receiver = new Thread(this::receiveLoop, "mtaprov-dns-udp-receiver");
        receiver.setDaemon(true);
        receiver.start();
    }

    /** The local port, also when the settings asked for an ephemeral one. */
    int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    private void receiveLoop() {
        // 64 KiB: the kernel would silently cut a longer datagram to the buffer, hiding that it was oversized
        ByteBuffer buf = ByteBuffer.allocateDirect(65_536);
        while (channel.isOpen()) {
            InetSocketAddress from;
            try {
                buf.clear();
                from = (InetSocketAddress) channel.receive(buf);
            } catch (ClosedChannelException e) {
                return; // closed by stop()
            } catch (IOException | RuntimeException e) {
                counters.dropped.increment();
                errors.accept("DNS/UDP receive failed: " + e.getMessage());
                continue;
            }
            counters.received.increment();
            buf.flip();
            int length = buf.remaining();
            if (length > MAX_QUERY) {
                tracer.dropped(from, "oversized query", length + " bytes, more than " + MAX_QUERY);
                continue;
            }
            byte[] packet = new byte[length];
            buf.get(packet);
            try {
                workers.execute(() -> serve(packet, from));
            } catch (RejectedExecutionException e) {
                if (workers.isShutdown()) {
                    return;
                }
                tracer.dropped(from, "server busy", QUEUE + " queries waiting");
            }
        }
    }

    private void capture(InetSocketAddress src, InetSocketAddress dst, byte[] payload) {
        PacketCapture c = capture.get();
        if (c != null && src.getAddress() instanceof java.net.Inet4Address
                && dst.getAddress() instanceof java.net.Inet4Address) {
            c.record(new CapturedPacket(java.time.Instant.now(), "", src, dst, payload));
        }
    }

    private void serve(byte[] packet, InetSocketAddress from) {
        try {
            capture(from, local, packet);
            Response r = handler.handle(packet, packet.length, false);
            if (r.wire() != null) {
                channel.send(ByteBuffer.wrap(r.wire()), from);
                capture(local, from, r.wire());
            }
            tracer.record(r, from, false);
        } catch (IOException e) {
            if (channel.isOpen()) {
                counters.dropped.increment();
                errors.accept("DNS/UDP send to " + from + " failed: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            // one bad datagram must never take a worker down
            LOG.error("DNS query from {} failed", from, e);
            tracer.dropped(from, "internal error", e.toString());
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing the DNS/UDP socket failed: {}", e.getMessage());
        }
        workers.shutdownNow();
        try {
            receiver.join(2000);
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
