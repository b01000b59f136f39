package io.mtaprov.sim.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mutated inputs to a live server port and, every {@code probeEvery} inputs and at the end,
 * checks with a good client's {@link Probe} that the server still answers. UDP inputs are paced to
 * a rate (so that the server's socket buffer, not the fuzzer, decides what is dropped); TCP inputs
 * each get their own connection, closed for writing after the input, so that a server waiting for
 * more bytes sees the end of the stream. Loopback or a test's own namespace only: the caller
 * chooses the address. One run at a time per instance.
 */
public final class LivePortFuzzer {
    private static final Logger LOG = LoggerFactory.getLogger(LivePortFuzzer.class);
    /** How often a probe is retried before it counts as failed; a busy server may drop one. */
    static final int PROBE_ATTEMPTS = 3;
    private static final int MAX_FAILURES_KEPT = 5;
    /** Consecutive failed probes after which the server is taken for dead and the run stops. */
    private static final int GIVE_UP_AFTER = 3;

    private final long count;
    private final int ratePerSecond;
    private final long probeEvery;
    private final Duration probeTimeout;
    private final long seed;

    /**
     * @param count         inputs per target
     * @param ratePerSecond UDP pacing (inputs per second; 0 = as fast as the socket takes them)
     * @param probeEvery    inputs between two probes
     * @param probeTimeout  how long one probe attempt waits for its answer
     * @param seed          the mutator's seed
     */
    public LivePortFuzzer(long count, int ratePerSecond, long probeEvery, Duration probeTimeout, long seed) {
        this.count = count;
        this.ratePerSecond = ratePerSecond;
        this.probeEvery = Math.max(1, probeEvery);
        this.probeTimeout = probeTimeout;
        this.seed = seed;
    }

    /** Fuzzes one target. */
    public FuzzResult run(FuzzTarget target) throws IOException {
        PacketMutator mutator = new PacketMutator(target.seeds(), seed ^ target.name().hashCode(), target.maxLength());
        Counters c = new Counters();
        long t0 = System.nanoTime();
        try (Sender sender = target.transport() == Transport.UDP ? new UdpSender(target.server(), c)
                : new TcpSender(target.server(), c)) {
            int consecutiveFailures = 0;
            for (long i = 1; i <= count; i++) {
                sender.send(mutator.next());
                c.sent++;
                if (ratePerSecond > 0 && (i & 63) == 0) {
                    pace(t0, i);
                }
                if (i % probeEvery == 0 && i < count) {
                    consecutiveFailures = probe(target, c) ? 0 : consecutiveFailures + 1;
                    if (consecutiveFailures >= GIVE_UP_AFTER) {
                        c.failures.add("gave up after " + i + " inputs: " + GIVE_UP_AFTER + " probes in a row unanswered");
                        break;
                    }
                }
            }
            sender.settle();
        }
        probe(target, c);
        return new FuzzResult(target.name(), c.sent, c.replies.get(), c.sendErrors.get(), c.probes, c.failedProbes,
                List.copyOf(c.failures), c.lastAnswer, System.nanoTime() - t0);
    }

    private void pace(long t0, long sent) {
        long due = t0 + sent * 1_000_000_000L / ratePerSecond;
        long ahead = due - System.nanoTime();
        if (ahead > 0) {
            LockSupport.parkNanos(ahead);
        }
    }

    private boolean probe(FuzzTarget target, Counters c) {
        c.probes++;
        String last = "";
        for (int attempt = 1; attempt <= PROBE_ATTEMPTS; attempt++) {
            try {
                c.lastAnswer = target.probe().ask(target.server(), probeTimeout);
                return true;
            } catch (Exception e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        c.failedProbes++;
        c.lastAnswer = "no answer: " + last;
        if (c.failures.size() < MAX_FAILURES_KEPT) {
            c.failures.add("probe after " + c.sent + " inputs: " + last);
        }
        LOG.warn("{}: probe after {} inputs unanswered ({})", target.name(), c.sent, last);
        return false;
    }

    private static final class Counters {
        long sent;
        final AtomicLong replies = new AtomicLong();
        final AtomicLong sendErrors = new AtomicLong();
        int probes;
        int failedProbes;
        final List<String> failures = new ArrayList<>();
        String lastAnswer = "";
    }

    private interface Sender extends AutoCloseable {
        void send(byte[] input);

        /** Lets the server work off what is queued before the final probe. */
        void settle();

        @Override
        void close();
    }

    /** One socket; a virtual thread counts and discards what comes back. */
    private static final class UdpSender implements Sender {
        private final DatagramSocket socket;
        private final InetSocketAddress server;
        private final Counters counters;
        private final Thread drain;

        UdpSender(InetSocketAddress server, Counters counters) throws IOException {
            this.server = server;
            this.counters = counters;
            this.socket = new DatagramSocket(new InetSocketAddress(server.getAddress(), 0));
            socket.setReceiveBufferSize(1 << 20);
            this.drain = Thread.ofVirtual().name("mtaprov-fuzz-drain").start(this::drain);
        }

        @Override
        public void send(byte[] input) {
            try {
                socket.send(new DatagramPacket(input, input.length, server));
            } catch (IOException e) {
                counters.sendErrors.incrementAndGet();
            }
        }

        private void drain() {
            byte[] buf = new byte[PacketMutator.MAX_UDP_PAYLOAD];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            while (!socket.isClosed()) {
                try {
                    p.setLength(buf.length);
                    socket.receive(p);
                    counters.replies.incrementAndGet();
                } catch (IOException e) {
                    if (!socket.isClosed()) {
                        counters.sendErrors.incrementAndGet(); // ICMP port unreachable of an earlier send
                    }
                }
            }
        }

        @Override
        public void settle() {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }

        @Override
        public void close() {
            socket.close();
            try {
                drain.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A connection per input, closed for writing after it; reads what the server answers until it closes. */
    private static final class TcpSender implements Sender {
        private static final int READ_TIMEOUT_MS = 500;
        private final InetSocketAddress server;
        private final Counters counters;
        private final byte[] buf = new byte[8192];

        TcpSender(InetSocketAddress server, Counters counters) {
            this.server = server;
            this.counters = counters;
        }

        @Override
        public void send(byte[] input) {
            try (Socket s = new Socket()) {
                s.connect(server, 1_000);
                s.setSoTimeout(READ_TIMEOUT_MS);
                s.setSoLinger(true, 0); // RST on close: a million connections must not fill the port range with TIME_WAIT
                OutputStream out = s.getOutputStream();
                try {
                    out.write(input);
                    s.shutdownOutput();
                } catch (IOException e) {
                    return; // the server closed early on a bad length prefix: a fine answer
                }
                InputStream in = s.getInputStream();
                boolean answered = false;
                try {
                    for (int n; (n = in.read(buf)) >= 0;) {
                        answered |= n > 0;
                    }
                } catch (SocketTimeoutException e) {
                    // the server keeps the connection open; it must still answer the probes
                } catch (IOException e) {
                    // reset by the server
                }
                if (answered) {
                    counters.replies.incrementAndGet();
                }
            } catch (IOException e) {
                counters.sendErrors.incrementAndGet();
            }
        }

        @Override
        public void settle() {
            // each input was finished before the next
        }

        @Override
        public void close() {
        }
    }
}
