package io.mtaprov.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.core.trace.TraceListener;
import io.mtaprov.tests.support.Await;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Overload shedding made visible: the kernel's drops of a full receive buffer, counted and warned about. */
class KernelUdpDropsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void localAddressIsWrittenAsProcNetUdpWritesIt() {
        assertThat(KernelUdpDrops.local(new byte[] {127, 0, 0, 1}, 10067)).isEqualTo("0100007F:2753");
    }

    @Test
    void countsWhatAFullReceiveBufferDropped() throws IOException {
        try (DatagramSocket deaf = new DatagramSocket(null); DatagramSocket sender = new DatagramSocket()) {
            deaf.setReceiveBufferSize(4096);
            deaf.bind(new InetSocketAddress(LOOPBACK, 0));
            assertThat(KernelUdpDrops.of(LOOPBACK, deaf.getLocalPort())).hasValue(0);
            flood(sender, deaf.getLocalPort());
            assertThat(KernelUdpDrops.of(LOOPBACK, deaf.getLocalPort()).orElseThrow()).isPositive();
        }
    }

    @Test
    void aServerThatFallsBehindCountsTheDropsWarnsAndTracesThem() throws Exception {
        List<TraceEvent> traced = new CopyOnWriteArrayList<>();
        TraceBus bus = new TraceBus() {
            @Override
            public boolean publish(TraceEvent event) {
                return traced.add(event);
            }

            @Override
            public Subscription subscribe(TraceListener listener) {
                return () -> { };
            }

            @Override
            public long dropped() {
                return 0;
            }
        };
        DeafServer server = new DeafServer(bus);
        server.start().join();
        try (DatagramSocket sender = new DatagramSocket()) {
            flood(sender, server.port);
            Await.until("the drops counted", Duration.ofSeconds(5), () -> server.status().dropped() > 0);
            assertThat(server.status().lastError()).startsWith("overload: the kernel dropped");
            Await.until("the overload traced", Duration.ofSeconds(5), () -> traced.stream()
                    .anyMatch(e -> e.outcome() == Outcome.WARNING && e.summary().startsWith("overload")));
        } finally {
            server.stop().join();
        }
    }

    private static void flood(DatagramSocket sender, int port) throws IOException {
        byte[] b = new byte[1000];
        for (int i = 0; i < 2000; i++) {
            sender.send(new DatagramPacket(b, b.length, LOOPBACK, port));
        }
    }

    /** A UDP server that never reads: every datagram beyond its small buffer is dropped by the kernel. */
    private static final class DeafServer extends AbstractManagedServer {
        private final TraceBus bus;
        volatile int port;

        DeafServer(TraceBus bus) {
            super(new ServerSettings("127.0.0.1", 0, true));
            this.bus = bus;
        }

        @Override
        public String id() {
            return "deaf";
        }

        @Override
        protected String displayName() {
            return "deaf server";
        }

        @Override
        protected String protocol() {
            return "TEST/UDP";
        }

        @Override
        protected TraceBus overloadTrace() {
            return bus;
        }

        @Override
        protected Run open(ServerSettings s) throws IOException {
            DatagramSocket socket = new DatagramSocket(null);
            socket.setReceiveBufferSize(4096);
            socket.bind(new InetSocketAddress(LOOPBACK, 0));
            port = socket.getLocalPort();
            configure(new ServerSettings("127.0.0.1", port, true));
            return socket::close;
        }
    }
}
