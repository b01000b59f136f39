package io.mtaprov.server.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.tests.support.Await;
import io.mtaprov.tests.support.FreePorts;
import io.mtaprov.tests.support.MemoryFileStore;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** File lifetime and the per-client request rate (issue 10: names that expire, rate-limited). */
class TftpPolicyTest {
    final MemoryFileStore files = new MemoryFileStore();
    final RecordingTraceBus trace = new RecordingTraceBus();
    TftpServer server;
    int port;

    void start(TftpPolicy policy) {
        port = FreePorts.udp();
        server = new TftpServer(new ServerSettings("127.0.0.1", port, true), files, trace, policy);
        server.start().join();
    }

    @AfterEach
    void stop() {
        server.stop().join();
    }

    static byte[] rrq(String name) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(0);
        o.write(1);
        o.writeBytes((name + "\0octet\0").getBytes(StandardCharsets.US_ASCII));
        return o.toByteArray();
    }

    /** The opcode and error code of the first answer to {@code rrq} sent from {@code from}, or null. */
    int[] ask(String from, String name, int timeoutMs) throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(from, 0))) {
            byte[] q = rrq(name);
            s.send(new DatagramPacket(q, q.length, InetAddress.getLoopbackAddress(), port));
            s.setSoTimeout(timeoutMs);
            byte[] buf = new byte[600];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            return new int[] {(buf[0] & 0xff) << 8 | buf[1] & 0xff, (buf[2] & 0xff) << 8 | buf[3] & 0xff};
        }
    }

    @Test
    void aFileIsNoLongerServedAfterItsLifetime() throws Exception {
        start(new TftpPolicy(Duration.ZERO, 0, 0));
        GeneratedFile f = files.put("00:10:95:00:00:09", new byte[100]);
        Thread.sleep(5);
        assertThat(ask("127.0.0.1", f.name(), 2000)).containsExactly(5, 1); // ERROR, file not found
        Await.until("the expiry traced", Duration.ofSeconds(5), () -> trace.events().stream()
                .anyMatch(e -> e.summary().contains("expired") && e.outcome() == Outcome.REJECTED
                        && e.mtaMac().equals("00:10:95:00:00:09") && e.detail().contains("fileLifetimeSeconds")));
    }

    @Test
    void aFileWithinItsLifetimeIsServed() throws Exception {
        start(new TftpPolicy(Duration.ofMinutes(5), 0, 0));
        GeneratedFile f = files.put("00:10:95:00:00:0a", new byte[100]);
        assertThat(ask("127.0.0.1", f.name(), 2000)).startsWith(3); // DATA
    }

    @Test
    void requestsBeyondAClientsRateAreDroppedWithoutAnswerWhileOtherClientsAreServed() throws Exception {
        start(new TftpPolicy(Duration.ofHours(1), 1, 5));
        String unknown = "0123456789abcdef0123456789abcdef.cfg";
        int answered = 0;
        for (int i = 0; i < 12; i++) {
            answered += ask("127.0.0.1", unknown, 300) != null ? 1 : 0;
        }
        assertThat(answered).as("the burst of 5, plus at most the 1/s refill over ~3.6 s").isBetween(5, 9);
        assertThat(server.status().dropped()).isGreaterThanOrEqualTo(12 - answered);
        assertThat(ask("127.0.0.3", unknown, 2000)).as("another address has its own budget").containsExactly(5, 1);
        assertThat(trace.events()).anyMatch(e -> e.summary().equals("request dropped: rate limit")
                && e.detail().contains("127.0.0.1"));
    }

    @Test
    void policyComesFromPropertiesAndRefusesNonsense() {
        Map<String, String> p = Map.of("mtaprov.tftp.fileLifetimeSeconds", "60", "mtaprov.tftp.clientRate", "0");
        TftpPolicy t = TftpPolicy.fromProperties(p::get);
        assertThat(t.fileLifetime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(t.clientRate()).isZero();
        assertThat(TftpPolicy.fromProperties(k -> null)).isEqualTo(TftpPolicy.DEFAULTS);
        assertThatThrownBy(() -> TftpPolicy.fromProperties(Map.of("mtaprov.tftp.clientRate", "-1")::get))
                .hasMessageContaining("clientRate");
        assertThatThrownBy(() -> TftpPolicy.fromProperties(Map.of("mtaprov.tftp.clientRate", "x")::get))
                .hasMessageContaining("not a number");
        start(TftpPolicy.UNLIMITED); // for @AfterEach
    }

    @Test
    void limiterForgetsQuietClientsWhenItsTableIsFull() throws Exception {
        start(TftpPolicy.UNLIMITED);
        ClientRateLimiter l = new ClientRateLimiter(10, 10);
        long t = 0;
        for (int i = 0; i < ClientRateLimiter.MAX_CLIENTS + 10; i++) {
            byte[] a = {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i};
            assertThat(l.allow(InetAddress.getByAddress(a), t)).isTrue();
        }
        assertThat(l.allow(InetAddress.getByAddress(new byte[] {10, 99, 0, 1}), t + 10_000_000_000L)).isTrue();
        assertThat(l.tracked()).isLessThan(100);
    }
}
