package io.mtaprov.server.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.server.ServerState;
import io.mtaprov.tests.support.Await;
import io.mtaprov.tests.support.FreePorts;
import io.mtaprov.tests.support.MemoryFileStore;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server on a real loopback socket, driven by Commons Net's TFTP client and by raw packets. */
class TftpServerTest {
    static final String MAC = "00:10:95:00:00:07";
    final MemoryFileStore files = new MemoryFileStore();
    final RecordingTraceBus trace = new RecordingTraceBus();
    TftpServer server;
    int port;

    @BeforeEach
    void start() {
        port = FreePorts.udp();
        server = new TftpServer(new ServerSettings("127.0.0.1", port, true), files, trace);
        server.start().join();
    }

    @AfterEach
    void stop() {
        server.stop().join();
    }

    static byte[] content(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    byte[] fetchWithCommonsNet(String name, int mode) throws IOException {
        TFTPClient client = new TFTPClient();
        client.setDefaultTimeout(Duration.ofSeconds(2));
        client.open();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.receiveFile(name, mode, out, InetAddress.getLoopbackAddress(), port);
            return out.toByteArray();
        } finally {
            client.close();
        }
    }

    @Test
    void servesGeneratedFileInOctetModeAcrossBlockBoundaries() throws IOException {
        for (int size : new int[] {0, 1, 511, 512, 513, 1024, 70_000}) {
            GeneratedFile f = files.put(MAC, content(size));
            assertThat(fetchWithCommonsNet(f.name(), TFTP.BINARY_MODE)).as("size " + size).isEqualTo(content(size));
        }
        Await.until("answered counter", Duration.ofSeconds(5), () -> server.status().answered() == 7);
    }

    @Test
    void netasciiModeRoundTripsThroughTheClientsConversion() throws IOException {
        // Commons Net turns CR LF back into LF but does not undo CR NUL (tftp-hpa does: see the interop test)
        byte[] text = "line one\nline two\n\nlast".getBytes(StandardCharsets.US_ASCII);
        GeneratedFile f = files.put(MAC, text);
        assertThat(fetchWithCommonsNet(f.name(), TFTP.ASCII_MODE)).isEqualTo(text);
    }

    @Test
    void tracesRequestAndDownloadWithTheMtaOfTheFile() throws IOException {
        GeneratedFile f = files.put(MAC, content(600));
        fetchWithCommonsNet(f.name(), TFTP.BINARY_MODE);
        Await.until("download event", Duration.ofSeconds(5),
                () -> trace.events().stream().anyMatch(e -> e.step() == ProvisioningStep.CONFIG_FILE_DOWNLOAD));
        TraceEvent req = trace.events().get(0);
        assertThat(req.step()).isEqualTo(ProvisioningStep.CONFIG_FILE_REQUEST);
        assertThat(req.mtaMac()).isEqualTo(MAC);
        assertThat(req.summary()).contains("RRQ " + f.name());
        TraceEvent done = trace.events().get(1);
        assertThat(done.outcome()).isEqualTo(Outcome.OK);
        assertThat(done.summary()).contains("600 bytes in 2 blocks");
    }

    @Test
    void negotiatesBlksizeAndTsizeWithAnOack() throws IOException {
        GeneratedFile f = files.put(MAC, content(3000));
        try (RawClient c = new RawClient(port)) {
            c.send(RawClient.rrq(f.name(), "octet", "blksize", "1428", "tsize", "0", "timeout", "3", "windowsize", "4"));
            byte[] oack = c.receive();
            assertThat(TftpPacket.opcode(oack, oack.length)).isEqualTo(TftpPacket.OACK);
            assertThat(new String(oack, 2, oack.length - 2, StandardCharsets.US_ASCII))
                    .isEqualTo("blksize\u00001428\u0000tsize\u00003000\u0000timeout\u00003\u0000");
            c.ack(0);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            for (int block = 1; block <= 3; block++) {
                byte[] data = c.receive();
                assertThat(TftpPacket.opcode(data, data.length)).isEqualTo(TftpPacket.DATA);
                assertThat(((data[2] & 0xff) << 8) | (data[3] & 0xff)).isEqualTo(block);
                got.write(data, 4, data.length - 4);
                c.ack(block);
            }
            assertThat(got.toByteArray()).isEqualTo(content(3000));
        }
    }

    @Test
    void aClientReusingItsPortRightAfterATransferGetsANewOne() throws IOException {
        // Commons Net keeps one socket: its next request comes from the same address and port
        GeneratedFile f = files.put(MAC, content(100));
        try (RawClient c = new RawClient(port)) {
            for (int round = 0; round < 3; round++) {
                c.send(RawClient.rrq(f.name(), "octet"));
                byte[] data = c.receive();
                assertThat(TftpPacket.opcode(data, data.length)).as("round " + round).isEqualTo(TftpPacket.DATA);
                assertThat(data.length - 4).isEqualTo(100);
                c.ack(1);
            }
        }
        Await.until("three transfers counted", Duration.ofSeconds(5), () -> server.status().answered() == 3);
    }

    @Test
    void retransmitsWhenAnAckIsLost() throws IOException {
        GeneratedFile f = files.put(MAC, content(100));
        try (RawClient c = new RawClient(port)) {
            c.send(RawClient.rrq(f.name(), "octet", "timeout", "1"));
            byte[] oack = c.receive();
            assertThat(TftpPacket.opcode(oack, oack.length)).isEqualTo(TftpPacket.OACK);
            c.ack(0);
            byte[] first = c.receive();
            byte[] again = c.receive(); // no ACK sent: the server resends block 1 after its timeout
            assertThat(again).isEqualTo(first);
            c.ack(1);
        }
        Await.until("download traced", Duration.ofSeconds(5), () -> trace.events().stream()
                .anyMatch(e -> e.step() == ProvisioningStep.CONFIG_FILE_DOWNLOAD && e.detail().contains("retransmissions 1")));
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void ignoresARepeatedRequestWhileItsTransferRuns() throws IOException {
        GeneratedFile f = files.put(MAC, content(100));
        try (RawClient c = new RawClient(port)) {
            c.send(RawClient.rrq(f.name(), "octet"));
            byte[] data = c.receive();
            int tid = c.transferPort;
            // the client's own timeout passes (the delay is what makes it a retransmission), then it asks again
            sleepMillis(TftpServer.REPEAT_MIN_NANOS / 1_000_000 + 50);
            c.send(RawClient.rrq(f.name(), "octet"));
            Await.until("the repeat received", Duration.ofSeconds(5), () -> server.status().received() == 2);
            c.ack(1);
            assertThat(TftpPacket.opcode(data, data.length)).isEqualTo(TftpPacket.DATA);
            Await.until("one transfer answered", Duration.ofSeconds(5), () -> server.status().answered() == 1);
            c.socket.setSoTimeout(300);
            assertThatThrownBy(c::receive).as("no second transfer from another TID")
                    .isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(c.transferPort).isEqualTo(tid);
        }
        // and a new request is served as usual
        try (RawClient c = new RawClient(port)) {
            c.send(RawClient.rrq(f.name(), "octet"));
            assertThat(TftpPacket.opcode(c.receive(), 4)).isEqualTo(TftpPacket.DATA);
            c.ack(1);
        }
    }

    @Test
    void refusesWritesPathsUnknownNamesAndOtherModes() throws IOException {
        try (RawClient c = new RawClient(port)) {
            c.send(RawClient.wrq("0123456789abcdef0123456789abcdef.cfg", "octet"));
            assertThat(c.receiveError()).startsWith("2:").contains("read-only");
            c.send(RawClient.rrq("../../etc/passwd", "octet"));
            assertThat(c.receiveError()).startsWith("2:").contains("never paths");
            c.send(RawClient.rrq("0123456789abcdef0123456789abcdef.cfg", "octet"));
            assertThat(c.receiveError()).startsWith("1:").contains("not found");
            c.send(RawClient.rrq(files.put(MAC, new byte[1]).name(), "mail"));
            assertThat(c.receiveError()).startsWith("4:").contains("mode");
        }
        Await.until("4 rejections traced", Duration.ofSeconds(5),
                () -> trace.events().stream().filter(e -> e.outcome() == Outcome.REJECTED).count() == 4);
        assertThat(server.status().rejected()).isEqualTo(4);
    }

    @Test
    void survivesGarbageTruncatedAndOversizedPacketsAndServesTheNextClient() throws Exception {
        Random r = new Random(7);
        try (RawClient c = new RawClient(port)) {
            for (int i = 0; i < 300; i++) {
                byte[] junk = new byte[r.nextInt(i % 3 == 0 ? 2000 : 40)];
                r.nextBytes(junk);
                if (i % 5 == 0 && junk.length > 1) {
                    junk[0] = 0;
                    junk[1] = 1; // looks like an RRQ, then garbage
                }
                c.send(junk);
                if (i % 20 == 0) {
                    Thread.sleep(2); // a burst beyond the socket buffer would be dropped by the kernel, not us
                }
            }
            c.send(new byte[] {0, 1, 'x'}); // truncated RRQ
        }
        Await.until("every datagram received and refused", Duration.ofSeconds(10),
                () -> server.status().received() >= 290 && server.status().rejected() == server.status().received());
        GeneratedFile f = files.put(MAC, content(2000));
        assertThat(fetchWithCommonsNet(f.name(), TFTP.BINARY_MODE)).isEqualTo(content(2000));
        assertThat(server.status().state()).isEqualTo(ServerState.RUNNING);
        Await.until("the good transfer counted", Duration.ofSeconds(5), () -> server.status().answered() == 1);
        assertThat(trace.events()).anyMatch(e -> e.summary().contains("malformed request"));
    }

    @Test
    void servesManyConcurrentTransfers() throws Exception {
        GeneratedFile f = files.put(MAC, content(5000));
        java.util.List<java.util.concurrent.Future<byte[]>> results = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> fetchWithCommonsNet(f.name(), TFTP.BINARY_MODE)));
            }
            for (var res : results) {
                assertThat(res.get()).isEqualTo(content(5000));
            }
        }
    }

    @Test
    void stoppedServerReleasesItsPort() throws IOException {
        server.stop().join();
        try (DatagramSocket s = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            assertThat(s.getLocalPort()).isEqualTo(port);
        }
        server.start().join();
        assertThat(server.status().state()).isEqualTo(ServerState.RUNNING);
    }

    /** A client that speaks raw TFTP packets, for what Commons Net cannot send. */
    static final class RawClient implements AutoCloseable {
        final DatagramSocket socket;
        final int serverPort;
        int transferPort = -1;

        RawClient(int port) throws IOException {
            this.serverPort = port;
            this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            socket.setSoTimeout(5000);
        }

        static byte[] rrq(String name, String mode, String... options) {
            return request(1, name, mode, options);
        }

        static byte[] wrq(String name, String mode) {
            return request(2, name, mode);
        }

        static byte[] request(int op, String name, String mode, String... options) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(0);
            b.write(op);
            for (String s : concat(name, mode, options)) {
                b.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
                b.write(0);
            }
            return b.toByteArray();
        }

        private static String[] concat(String name, String mode, String[] options) {
            String[] all = new String[options.length + 2];
            all[0] = name;
            all[1] = mode;
            System.arraycopy(options, 0, all, 2, options.length);
            return all;
        }

        void send(byte[] packet) throws IOException {
            socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), serverPort));
        }

        void ack(int block) throws IOException {
            byte[] p = {0, 4, (byte) (block >> 8), (byte) block};
            socket.send(new DatagramPacket(p, p.length, InetAddress.getLoopbackAddress(), transferPort));
        }

        byte[] receive() throws IOException {
            DatagramPacket p = new DatagramPacket(new byte[70_000], 70_000);
            socket.receive(p);
            transferPort = p.getPort();
            return java.util.Arrays.copyOf(p.getData(), p.getLength());
        }

        String receiveError() throws IOException {
            byte[] p = receive();
            assertThat(TftpPacket.opcode(p, p.length)).isEqualTo(TftpPacket.ERROR);
            return TftpPacket.describeError(p, p.length);
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
