package io.mtaprov.server.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.StandardOptions;
import java.net.DatagramPacket;
import java.net.SocketTimeoutException;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.core.trace.TraceListener;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loopback harness in the style of perfdhcp: {@value #CLIENTS} MTAs do DISCOVER-OFFER-REQUEST-ACK
 * with up to {@value #WINDOW} exchanges in flight; every ACK leaves after its lease is durable (journaled).
 * Prints leases per second; asserts only that every client got its lease (no timing assertion).
 */
class DhcpThroughputTest {
    static final int CLIENTS = 20_000;
    static final int WINDOW = 256;
    @TempDir
    Path dir;

    @Test
    void everyClientOfABurstGetsALeaseAndTheRateIsReported() throws Exception {
        LongAdder traced = new LongAdder();
        TraceBus counting = new TraceBus() {
            @Override
            public boolean publish(TraceEvent event) {
                traced.increment();
                return true;
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
        try (DhcpFixture f = new DhcpFixture(dir, new Properties(), ProvisioningNetwork.LOOPBACK_DEFAULTS, counting);
                DhcpTestClient c = f.client()) {
            Semaphore window = new Semaphore(WINDOW);
            AtomicInteger acks = new AtomicInteger();
            Ipv4Address sid = Ipv4Address.parse("127.0.0.1");
            byte[][] discovers = new byte[CLIENTS][];
            for (int i = 0; i < CLIENTS; i++) {
                discovers[i] = c.mta(DhcpMessageType.DISCOVER, i).xid(i).build().encode();
            }
            Thread receiver = new Thread(() -> {
                byte[] buf = new byte[2048];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    c.socket.setSoTimeout(3000);
                    while (acks.get() < CLIENTS) {
                        p.setLength(buf.length);
                        c.socket.receive(p);
                        DhcpMessage m = DhcpMessage.decode(Arrays.copyOf(buf, p.getLength()));
                        if (DhcpTestClient.type(m) == DhcpMessageType.OFFER) {
                            c.send(c.mta(DhcpMessageType.REQUEST, m.xid()).xid(m.xid())
                                    .option(StandardOptions.serverId(sid))
                                    .option(DhcpTestClient.requestedIp(m.yiaddr())).build());
                        } else {
                            acks.incrementAndGet();
                            window.release();
                        }
                    }
                } catch (SocketTimeoutException e) {
                    // lost packets: the assertion below reports how many
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, "throughput-receiver");
            receiver.start();
            long t0 = System.nanoTime();
            for (int i = 0; i < CLIENTS; i++) {
                if (!window.tryAcquire(5, TimeUnit.SECONDS)) {
                    break;
                }
                c.send(discovers[i]);
            }
            receiver.join(60_000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            String report = String.format("DHCP loopback throughput: %d leases (DORA, each lease durable before its ACK) in %.2f s"
                    + " = %.0f leases/s; server %s", acks.get(), seconds, acks.get() / seconds, f.server.status());
            System.out.println(report);
            assertThat(acks.get()).as(report).isEqualTo(CLIENTS);
            assertThat(traced.sum()).isEqualTo(4L * CLIENTS);
            assertThat(f.store.active(CLIENTS + 1)).hasSize(CLIENTS);
        }
    }
}
