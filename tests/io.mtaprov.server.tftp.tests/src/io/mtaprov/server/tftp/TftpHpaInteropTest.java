package io.mtaprov.server.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.tests.support.FreePorts;
import io.mtaprov.tests.support.MemoryFileStore;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interoperability with tftp-hpa's client (Debian package tftp-hpa), a peer no one here wrote. */
class TftpHpaInteropTest {
    @TempDir
    Path dir;
    final MemoryFileStore files = new MemoryFileStore();
    TftpServer server;
    int port;

    @BeforeEach
    void start() {
        port = FreePorts.udp();
        server = new TftpServer(new ServerSettings("127.0.0.1", port, true), files, new RecordingTraceBus());
        server.start().join();
    }

    @AfterEach
    void stop() {
        server.stop().join();
    }

    /** Runs tftp-hpa's client with a command, returns its output. */
    String tftp(String... command) throws IOException, InterruptedException {
        if (Files.notExists(Path.of("/usr/bin/tftp"))) {
            throw new AssertionError("tftp-hpa is not installed: run `apt-get install tftp-hpa` (./mtaprov test does)");
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/tftp", "127.0.0.1", Integer.toString(port)));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("tftp finished").isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void tftpHpaFetchesABinaryFileByteForByte() throws Exception {
        byte[] content = new byte[4097];
        new Random(1).nextBytes(content);
        GeneratedFile f = files.put("00:10:95:00:00:01", content);
        String out = tftp("-m", "binary", "-c", "get", f.name());
        assertThat(Files.readAllBytes(dir.resolve(f.name()))).as(out).isEqualTo(content);
    }

    @Test
    void tftpHpaDefaultNetasciiModeGivesBackTheStoredText() throws Exception {
        byte[] text = "MtaConfigDelimiter 1;\nSnmpMibObject x\r\nbare\rcr\n".getBytes(StandardCharsets.US_ASCII);
        GeneratedFile f = files.put("00:10:95:00:00:01", text);
        String out = tftp("-c", "get", f.name());
        assertThat(Files.readAllBytes(dir.resolve(f.name()))).as(out).isEqualTo(text);
    }

    @Test
    void tftpHpaIsRefusedWritesAndPaths() throws Exception {
        Files.writeString(dir.resolve("up.cfg"), "x");
        assertThat(tftp("-c", "put", "up.cfg")).contains("Error code 2").contains("read-only");
        assertThat(tftp("-c", "get", "../../etc/passwd", "passwd")).contains("Error code 2").contains("never paths");
        // tftp-hpa creates the local file before asking; nothing may have been written into it
        assertThat(!Files.exists(dir.resolve("passwd")) || Files.size(dir.resolve("passwd")) == 0).isTrue();
    }
}
