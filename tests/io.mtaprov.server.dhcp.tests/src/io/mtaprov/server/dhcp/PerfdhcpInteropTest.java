package io.mtaprov.server.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.tests.support.FreePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ISC's load generator as a peer: {@code perfdhcp} (Debian package kea-admin) plays a relay on
 * loopback, {@value #CLIENTS} eMTAs (option 60 {@code pktc1.5:...}) doing {@value #EXCHANGES}
 * DISCOVER-OFFER-REQUEST-ACK exchanges at {@value #RATE}/s. perfdhcp sets giaddr to its own
 * address and listens on another port than ours, so its option 82 carries the Relay Source Port
 * sub-option (RFC 8357, {@code -o 82,1300}), to which the server answers. perfdhcp's report must
 * show every exchange completed: 0 drops, nothing malformed or rejected, exit status 0.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PerfdhcpInteropTest {
    static final int CLIENTS = 50;
    static final int EXCHANGES = 200;
    static final int RATE = 200;
    static final Path PERFDHCP = Path.of("/usr/sbin/perfdhcp");
    @TempDir
    Path dir;

    @Test
    void perfdhcpAsARelayCompletesEveryExchangeWithoutDrops() throws Exception {
        if (!Files.isExecutable(PERFDHCP)) {
            throw new AssertionError(PERFDHCP + " is missing: apt-get install kea-admin");
        }
        Properties scopes = new Properties();
        scopes.setProperty("scopes", "perf");
        scopes.setProperty("scope.perf.relays", "127.0.0.1");
        scopes.setProperty("scope.perf.subnet", "198.18.0.0/16");
        scopes.setProperty("scope.perf.pool.pktc", "198.18.0.10-198.18.0.250");
        try (DhcpFixture f = new DhcpFixture(dir, scopes, ProvisioningNetwork.LOOPBACK_DEFAULTS)) {
            int relayPort = FreePorts.udp();
            String vendorClass = HexFormat.of().formatHex(
                    DhcpTestClient.MTA_VENDOR_CLASS.getBytes(StandardCharsets.US_ASCII));
            List<String> cmd = new ArrayList<>(List.of(PERFDHCP.toString(), "-4", "-l", "127.0.0.1",
                    "-L", Integer.toString(relayPort), "-N", Integer.toString(f.port), "-R", Integer.toString(CLIENTS),
                    "-n", Integer.toString(EXCHANGES), "-r", Integer.toString(RATE), "-W", "2000000",
                    "-o", "82,1300", "-o", "60," + vendorClass, "127.0.0.1"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            StringBuilder report = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    report.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    report.append(e);
                }
            }, "perfdhcp-output");
            reader.start();
            if (!p.waitFor(40, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("perfdhcp did not finish within 40 s");
            }
            reader.join(5000);
            String out = report.toString();
            System.out.println(out);
            assertThat(p.exitValue()).as("perfdhcp exit status (3: exchanges not completed)\n" + out).isZero();
            assertThat(values(out, "sent packets")).as(out).containsExactly(EXCHANGES, EXCHANGES);
            assertThat(values(out, "received packets")).as(out).containsExactly(EXCHANGES, EXCHANGES);
            assertThat(values(out, "drops")).as(out).containsExactly(0, 0);
            assertThat(values(out, "rejected leases")).as(out).containsExactly(0, 0);
            assertThat(values(out, "Malformed packets")).as(out).containsExactly(0);
            List<Lease> leases = f.store.all();
            assertThat(leases).as("one lease per simulated client").hasSize(CLIENTS)
                    .allSatisfy(l -> {
                        assertThat(l.state()).isEqualTo(Lease.State.BOUND);
                        assertThat(l.clientClass()).isEqualTo("pktc");
                        assertThat(l.scope()).isEqualTo("perf");
                        assertThat(l.ip()).startsWith("198.18.0.");
                    });
        }
    }

    /** The integers after "name: " in perfdhcp's report, in order. */
    private static List<Integer> values(String report, String name) {
        List<Integer> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ": (\\d+)").matcher(report);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }
}
