package io.mtaprov.server.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.protocol.dhcp.ClientConfiguration;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.ProvisioningServer;
import io.mtaprov.store.h2.H2Database;
import io.mtaprov.store.h2.H2LeaseStore;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DHCP client nobody here wrote, on a real (virtual) Ethernet link: BusyBox {@code udhcpc}
 * (Debian package udhcpc) in a network namespace this test creates, joined by a veth pair to the
 * host side where our {@link DhcpServer} listens on port 67 of the veth address. udhcpc sends the
 * eMTA's option 60 ({@code -V pktc1.5:...}), asks for option 122 ({@code -O 122}) and broadcasts
 * from 0.0.0.0 as a client without an address does, so this also proves the broadcast listener of
 * {@link ReceiveLoop} and the broadcast replies of RFC 2131 section 4.1. Its script records the
 * lease as udhcpc hands it over: the address, mask, server id and option 122 as {@code opt122}
 * (udhcpc passes options it does not know as hex). Needs root and iproute2 (CI runs as root);
 * the namespace and the veth pair are deleted afterwards. The addresses are RFC 2544's benchmark
 * range, 198.18.77.0/24, on the veth only.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class UdhcpcInteropTest {
    static final String SERVER = "198.18.77.1";
    static final String POOL = "198.18.77.100-198.18.77.150";
    private final String ns = "mtaprov-dhcp-" + ProcessHandle.current().pid();
    private final String hostIf = "mtpv" + (ProcessHandle.current().pid() % 100000) + "h";
    private final String clientIf = "mtpv" + (ProcessHandle.current().pid() % 100000) + "c";
    @TempDir
    Path dir;
    private boolean created;

    @BeforeEach
    void network() throws Exception {
        requireTool("/usr/sbin/ip", "iproute2");
        requireTool("/usr/sbin/udhcpc", "udhcpc");
        String uid = run(10, "id", "-u").strip();
        if (!uid.equals("0")) {
            throw new AssertionError("this test creates a network namespace and binds port 67: run it as root"
                    + " (CI does); uid is " + uid);
        }
        cleanUp(); // a previous run killed before its @AfterEach
        created = true;
        ip("netns", "add", ns);
        ip("link", "add", hostIf, "type", "veth", "peer", "name", clientIf);
        ip("link", "set", clientIf, "netns", ns);
        ip("addr", "add", SERVER + "/24", "dev", hostIf);
        ip("link", "set", hostIf, "up");
        ip("netns", "exec", ns, "ip", "link", "set", "lo", "up");
        ip("netns", "exec", ns, "ip", "link", "set", clientIf, "up");
    }

    @AfterEach
    void deleteNetwork() throws Exception {
        if (created) {
            cleanUp();
        }
    }

    private void cleanUp() throws Exception {
        new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        new ProcessBuilder("ip", "link", "del", hostIf).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void udhcpcInANamespaceGetsALeaseWithOption122FromOurServerOnPort67() throws Exception {
        Properties scopes = new Properties();
        scopes.setProperty("scope.default.subnet", "198.18.77.0/24");
        scopes.setProperty("scope.default.router", SERVER);
        scopes.setProperty("scope.default.dns", SERVER);
        scopes.setProperty("scope.default.pool.pktc", POOL);
        ProvisioningNetwork net = ProvisioningNetwork.LOOPBACK_DEFAULTS;
        DhcpConfig config = DhcpConfigLoader.fromProperties(scopes, net, Ipv4Address.parse(SERVER), 10, 30_000);
        Path script = dir.resolve("udhcpc.script");
        Files.writeString(script, "#!/bin/sh\n{ echo \"event=$1\"; env; } > '" + dir + "'/udhcpc-\"$1\".env\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        H2Database db = new H2Database();
        db.open(dir.resolve("db"));
        RecordingTraceBus trace = new RecordingTraceBus();
        DhcpServer server = new DhcpServer(new ServerSettings(SERVER, 67, true), config, new H2LeaseStore(db),
                trace, null);
        try {
            server.start().join();
            assertThat(ReceiveLoop.listensForBroadcasts(InetAddress.getByName(SERVER))).isTrue();
            // -q: exit once bound; -n: exit if no lease; at most 4 DISCOVERs 2 s apart
            String out = run(60, "ip", "netns", "exec", ns, "udhcpc", "-f", "-q", "-n", "-t", "4", "-T", "2",
                    "-i", clientIf, "-V", DhcpTestClient.MTA_VENDOR_CLASS, "-O", "122", "-s", script.toString());
            Path bound = dir.resolve("udhcpc-bound.env");
            assertThat(bound).as("udhcpc said:\n" + out + "\ntrace: " + trace.events()).exists();
            Map<String, String> env = env(bound);
            assertThat(env.get("interface")).isEqualTo(clientIf);
            assertThat(env.get("serverid")).isEqualTo(SERVER);
            assertThat(env.get("subnet")).isEqualTo("255.255.255.0");
            assertThat(env.get("router")).isEqualTo(SERVER);
            int ip = Ipv4Address.parse(env.get("ip")).bits();
            assertThat(ip).as(env.get("ip")).isBetween(Ipv4Address.parse("198.18.77.100").bits(),
                    Ipv4Address.parse("198.18.77.150").bits());
            assertThat(env).as("udhcpc's environment: option 122 delivered").containsKey("opt122");
            ClientConfiguration ccc = ClientConfiguration.decode(HexFormat.of().parseHex(env.get("opt122")));
            assertThat(ccc.kerberosRealm()).contains(net.realm());
            assertThat(ccc.provisioningServer()).contains(new ProvisioningServer.Fqdn(net.mpsFqdn()));
            assertThat(ccc.primaryDhcpServer()).contains(Ipv4Address.parse(SERVER));
            Lease lease = new H2LeaseStore(db).all().stream().filter(l -> l.ip().equals(env.get("ip")))
                    .findFirst().orElseThrow(() -> new AssertionError("no stored lease for " + env.get("ip")));
            assertThat(lease.state()).isEqualTo(Lease.State.BOUND);
            assertThat(lease.clientClass()).isEqualTo("pktc");
            assertThat(lease.vendorClass()).isEqualTo(DhcpTestClient.MTA_VENDOR_CLASS);
        } finally {
            server.stop().join();
            db.close();
        }
    }

    private static Map<String, String> env(Path file) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    private static void requireTool(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new AssertionError(path + " is missing: apt-get install " + debianPackage);
        }
    }

    private static void ip(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        run(10, cmd.toArray(String[]::new));
    }

    /** Runs a command to its end (at most {@code seconds}); its output; fails on a non-zero exit. */
    static String run(int seconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.append(e);
            }
        }, "process-output");
        reader.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            reader.join(2000);
            throw new AssertionError(String.join(" ", command) + " did not end within " + seconds + " s: " + out);
        }
        reader.join(2000);
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
        }
        return out.toString();
    }
}
