package io.mtaprov.server.dhcp;

import static io.mtaprov.server.dhcp.DhcpTestClient.requestedIp;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.StandardOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wireshark as the judge of our OFFER and ACK: a live capture on lo (tshark, Debian package
 * tshark; capturing needs root or the wireshark group) dissected with IP checksum validation (UDP
 * checksums on lo are left to offload, so the kernel never fills them in); no
 * malformed packet or expert warning, and the option 122 realm and provisioning server equal the
 * settings.
 */
class DhcpTsharkTest {
    private static final Pattern PROBLEM = Pattern.compile(
            "\\[Malformed Packet|Expert Info \\((Error|Warning)/|Dissector bug");
    @TempDir
    Path dir;

    @Test
    void wiresharkDecodesOurOfferAndAckWithTheConfiguredOption122() throws Exception {
        Path tshark = Path.of("/usr/bin/tshark");
        if (!Files.isExecutable(tshark)) {
            throw new AssertionError("tshark is not installed: apt-get install tshark");
        }
        try (DhcpFixture f = new DhcpFixture(dir); DhcpTestClient c = f.client()) {
            Path pcap = dir.resolve("dhcp.pcap");
            Process capture = new ProcessBuilder(tshark.toString(), "-i", "lo", "-f", "udp port " + f.port,
                    "-c", "4", "-a", "duration:30", "-w", pcap.toString()).redirectOutput(
                            ProcessBuilder.Redirect.DISCARD).start();
            try {
                awaitCapturing(capture);
                DhcpMessage offer = c.exchange(c.mta(DhcpMessageType.DISCOVER, 1).build());
                c.exchange(c.mta(DhcpMessageType.REQUEST, 1).option(StandardOptions.serverId(
                        Ipv4Address.parse("127.0.0.1"))).option(requestedIp(offer.yiaddr())).build());
                assertThat(capture.waitFor(30, TimeUnit.SECONDS)).as("tshark captured 4 packets").isTrue();
            } finally {
                capture.destroy();
            }
            String tree = run(tshark.toString(), "-n", "-r", pcap.toString(), "-o", "ip.check_checksum:TRUE",
                    "-d", "udp.port==" + f.port + ",dhcp", "-V");
            List<String> problems = new ArrayList<>();
            for (String line : tree.split("\n")) {
                if (PROBLEM.matcher(line).find()) {
                    problems.add(line.strip());
                }
            }
            assertThat(problems).as(tree).isEmpty();
            assertThat(tree).as(tree).contains("DHCP: Offer (2)").contains("DHCP: ACK (5)")
                    .contains("Option: (122) CableLabs Client Configuration");
            assertThat(count(tree, "TSP's Provisioning Server (3): mps.mtaprov.lab")).as(tree).isEqualTo(2);
            assertThat(count(tree, "TSP's Kerberos Realm Name (6): HYBRID.2")).as(tree).isEqualTo(2);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** Waits until tshark says the capture started (its stderr), at most 20 s. */
    private static void awaitCapturing(Process p) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        StringBuilder seen = new StringBuilder();
        String line;
        while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("Capture started")) { // dumpcap is running (printed after "Capturing on")
                Thread t = new Thread(() -> err.lines().forEach(l -> { }), "tshark-stderr");
                t.setDaemon(true);
                t.start();
                return;
            }
        }
        throw new AssertionError("tshark did not start capturing on lo (needs root or the wireshark group): " + seen);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
