package io.mtaprov.sim;

import io.mtaprov.core.model.Flow;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.mib.MibTree;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;

/**
 * Command line of the simulator, runnable outside OSGi with the jars on the class path (this
 * bundle, io.mtaprov.protocol, io.mtaprov.core, snmp4j, dnsjava, commons-net): runs a fleet against
 * the servers and prints a summary. Exit status 0 when every MTA completed, 1 otherwise, 2 on a
 * usage error. Wired into {@code ./mtaprov sim} and the benchmark.
 */
public final class SimMain {
    static final String USAGE = """
            usage: SimMain [--mtas N] [--flow basic.1|basic.2|hybrid.1|hybrid.2] [--dhcp host:port]
                           [--dns host:port] [--mps-port P] [--mta-snmp-port P] [--tftp-port P]
                           [--rate MTAS_PER_S] [--concurrency N] [--giaddr A] [--base-mac MAC]
                           [--community C] [--mib cablelabs|ietf] [--lines N] [--set-wait-ms MS]
              --flow      the flow the MTAs expect from the DHCP realm (default: follow the realm)
              --dns       DNS server instead of option 6 (default: option 6 at port 10053)
              --tftp-port port of siaddr in the Basic flow (default 10069)
              --rate      MTAs started per second, 0 = no pacing (default 0)
              --giaddr    relay mode: giaddr of the requests (default: not relayed)
            """;

    private SimMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs with these arguments, printing to {@code out}; returns the exit status. */
    static int run(String[] args, PrintStream out) {
        SimSettings.Builder s = SimSettings.builder();
        int mtas = 1, concurrency = 100, lines = 2;
        double rate = 0;
        String baseMac = MtaProfile.LAB_OUI + ":00:00:01";
        Flow flow = null;
        MibTree tree = MibTree.CABLELABS;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    out.print(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--mtas" -> mtas = Integer.parseInt(v);
                    case "--flow" -> flow = Flow.fromRealm(v);
                    case "--dhcp" -> s.dhcpServer(address(v));
                    case "--dns" -> s.dnsServer(address(v));
                    case "--mps-port" -> s.mpsPort(Integer.parseInt(v));
                    case "--mta-snmp-port" -> s.mtaSnmpPort(Integer.parseInt(v));
                    case "--tftp-port" -> s.basicTftpPort(Integer.parseInt(v));
                    case "--rate" -> rate = Double.parseDouble(v);
                    case "--concurrency" -> concurrency = Integer.parseInt(v);
                    case "--giaddr" -> s.relayAgent(Ipv4Address.parse(v));
                    case "--base-mac" -> baseMac = v;
                    case "--community" -> s.community(v);
                    case "--mib" -> tree = MibTree.valueOf(v.toUpperCase(Locale.ROOT));
                    case "--lines" -> lines = Integer.parseInt(v);
                    case "--set-wait-ms" -> s.setWait(Duration.ofMillis(Long.parseLong(v)));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (flow == Flow.SECURE) {
                throw new IllegalArgumentException("--flow: the Secure flow is not simulated yet (basic.x, hybrid.x)");
            }
            SimSettings settings = s.build();
            Flow expected = flow;
            MibTree t = tree;
            int n = lines;
            var profiles = SimulatorFleet.labProfiles(baseMac, mtas,
                    p -> p.withExpectedFlow(expected).withMibTree(t).withLines(n));
            out.printf(Locale.ROOT, "simulating %d MTA(s) from %s against DHCP %s, MPS port %d, agents on port %d%n",
                    mtas, MtaProfile.macAfter(baseMac, 0), settings.dhcpServer(), settings.mpsPort(),
                    settings.mtaSnmpPort());
            FleetReport r = new SimulatorFleet(settings, null, SecureFlowSteps.NOT_IMPLEMENTED).run(profiles,
                    concurrency, rate);
            out.print(r.summary());
            return r.failed() == 0 ? 0 : 1;
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            out.print(USAGE);
            return 2;
        }
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected host:port, got " + hostPort);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
