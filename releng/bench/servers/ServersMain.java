import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.core.trace.BoundedTraceBus;
import io.mtaprov.server.dhcp.DhcpConfigLoader;
import io.mtaprov.server.dhcp.DhcpServer;
import io.mtaprov.server.dns.DnsServer;
import io.mtaprov.server.tftp.TftpServer;
import io.mtaprov.store.h2.H2Database;
import io.mtaprov.store.h2.H2GeneratedFileStore;
import io.mtaprov.store.h2.H2LeaseStore;
import io.mtaprov.store.h2.H2TraceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Our servers for releng/bench/servers/run.sh, outside OSGi but wired as the product wires them:
 * the H2 store in a directory (leases committed before the ACK, generated files, and every trace
 * event persisted by H2TraceStore from the product's BoundedTraceBus). Run with the source
 * launcher on the bundles' classes:
 * {@code java -cp <classes and jars> ServersMain dir=D dhcp=P dns=P tftp=P [scopes=F]}; a port of 0
 * leaves that server off. Prints "READY ..." (with the TFTP file name) and runs until stdin closes;
 * then prints the servers' counters.
 */
public final class ServersMain {
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            a.put(s.substring(0, eq), s.substring(eq + 1));
        }
        Path dir = Path.of(a.get("dir"));
        Files.createDirectories(dir);
        H2Database db = new H2Database();
        db.open(dir);
        BoundedTraceBus bus = new BoundedTraceBus(1 << 18);
        H2TraceStore traces = new H2TraceStore();
        traces.start(db, bus);
        ProvisioningNetwork net = ProvisioningNetwork.LOOPBACK_DEFAULTS;
        String bind = a.getOrDefault("bind", "127.0.0.1");
        StringBuilder ready = new StringBuilder("READY");
        DhcpServer dhcp = null;
        DnsServer dns = null;
        TftpServer tftp = null;
        int dhcpPort = Integer.parseInt(a.getOrDefault("dhcp", "0"));
        if (dhcpPort > 0) {
            ServerSettings s = new ServerSettings(bind, dhcpPort, true);
            Map<String, String> props = new HashMap<>();
            if (a.containsKey("scopes")) {
                props.put(DhcpConfigLoader.SCOPES_PROPERTY, a.get("scopes"));
            }
            dhcp = new DhcpServer(s, DhcpConfigLoader.load(props::get, s), new H2LeaseStore(db), bus, null);
            dhcp.start().join();
            ready.append(" dhcp=").append(dhcp.status().state());
        }
        int dnsPort = Integer.parseInt(a.getOrDefault("dns", "0"));
        if (dnsPort > 0) {
            dns = new DnsServer(new ServerSettings(bind, dnsPort, true), net, new H2LeaseStore(db), bus);
            dns.start().join();
            ready.append(" dns=").append(dns.status().state());
        }
        int tftpPort = Integer.parseInt(a.getOrDefault("tftp", "0"));
        if (tftpPort > 0) {
            H2GeneratedFileStore files = new H2GeneratedFileStore(db);
            byte[] content = new byte[Integer.parseInt(a.getOrDefault("fileSize", "500"))];
            new Random(1).nextBytes(content);
            GeneratedFile f = files.put("00:10:95:00:00:01", content);
            tftp = new TftpServer(new ServerSettings(bind, tftpPort, true), files, bus);
            tftp.start().join();
            ready.append(" tftp=").append(tftp.status().state()).append(" file=").append(f.name());
        }
        System.out.println(ready);
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the script closes stdin
        }
        for (var s : new io.mtaprov.core.server.AbstractManagedServer[] {dhcp, dns, tftp}) {
            if (s != null) {
                System.out.println(s.status());
                s.stop().join();
            }
        }
        System.out.println("traces dropped by the bus: " + bus.dropped());
        traces.deactivate();
        bus.close();
        db.close();
    }
}
