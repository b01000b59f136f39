package io.mtaprov.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded capture keeps the newest datagrams within its byte budget and selects an MTA's by MAC or IP and time. */
class BoundedPacketCaptureTest {
    static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 10067);
    static final InetSocketAddress MTA = new InetSocketAddress("127.77.0.10", 10068);
    static final InetSocketAddress OTHER = new InetSocketAddress("127.77.0.11", 10068);
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void selectsByMacOrAddressWithinTheTimeWindow() {
        BoundedPacketCapture c = new BoundedPacketCapture(1 << 20);
        c.record(new CapturedPacket(T, "02:00:00:00:00:01", SERVER, SERVER, new byte[] {1}));
        c.record(new CapturedPacket(T.plusSeconds(1), "", MTA, SERVER, new byte[] {2}));
        c.record(new CapturedPacket(T.plusSeconds(2), "", OTHER, SERVER, new byte[] {3}));
        c.record(new CapturedPacket(T.plusSeconds(9), "02:00:00:00:00:01", SERVER, MTA, new byte[] {4}));
        List<CapturedPacket> mine = c.select("02:00:00:00:00:01", "127.77.0.10", T, T.plusSeconds(5));
        assertThat(mine).extracting(p -> p.payload()[0]).containsExactly((byte) 1, (byte) 2);
        assertThat(c.select("02:00:00:00:00:01", "", T, T.plusSeconds(10))).extracting(p -> p.payload()[0])
                .containsExactly((byte) 1, (byte) 4);
    }

    @Test
    void dropsTheOldestBeyondTheBudget() {
        BoundedPacketCapture c = new BoundedPacketCapture(250);
        for (int i = 0; i < 5; i++) {
            c.record(new CapturedPacket(T.plusMillis(i), "", MTA, SERVER, new byte[100]));
        }
        assertThat(c.bytes()).isEqualTo(200);
        assertThat(c.dropped()).isEqualTo(3);
        assertThat(c.select("", "127.77.0.10", T, T.plusSeconds(1))).extracting(CapturedPacket::time)
                .containsExactly(T.plusMillis(3), T.plusMillis(4));
    }
}
