package io.mtaprov.sim.fuzz;

import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line of the live-port fuzzer (releng/bench/fuzz-live.sh, {@code ./mtaprov bench fuzz-live}):
 * mutated inputs to every listening port of a running console or headless instance on loopback,
 * with a good client's probe between them. Exit status 0 when every probe was answered, 1 when
 * not, 2 on a usage error.
 *
 * <pre>
 * --host 127.0.0.1 --count 1000000 --rate 20000 --probe-every 10000 --seed 1
 * --targets dhcp,dns,dns-tcp,kdc,kdc-tcp,snmp,tftp
 * --dhcp-port 10067 --dns-port 10053 --kdc-port 10088 --snmp-port 10162 --tftp-port 10069
 * --zone mtaprov.lab --realm MTAPROV.LAB --community mtaprov-lab
 * </pre>
 */
public final class LiveFuzzMain {
    private LiveFuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("host", "127.0.0.1", "count", "1000000", "rate", "20000",
                "probe-every", "10000", "seed", "1", "targets", "dhcp,dns,dns-tcp,kdc,kdc-tcp,snmp,tftp",
                "zone", "mtaprov.lab", "realm", "MTAPROV.LAB", "community", "mtaprov-lab"));
        o.putAll(Map.of("dhcp-port", "10067", "dns-port", "10053", "kdc-port", "10088", "snmp-port", "10162",
                "tftp-port", "10069", "probe-timeout-ms", "1000"));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length || !o.containsKey(a.substring(2))) {
                out.println("usage: LiveFuzzMain " + String.join(" ", o.keySet().stream().map(k -> "--" + k + " " + o.get(k)).toList()));
                return 2;
            }
            o.put(a.substring(2), args[++i]);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String p : List.of("dhcp", "dns", "kdc", "snmp", "tftp")) {
            ports.put(p, Integer.parseInt(o.get(p + "-port")));
        }
        StandardTargets.Network net = new StandardTargets.Network(InetAddress.getByName(o.get("host")), ports,
                o.get("zone"), o.get("realm"), o.get("community"));
        Map<String, FuzzTarget> all = StandardTargets.all(net);
        LivePortFuzzer fuzzer = new LivePortFuzzer(Long.parseLong(o.get("count").replace("_", "")),
                Integer.parseInt(o.get("rate")), Long.parseLong(o.get("probe-every")),
                Duration.ofMillis(Long.parseLong(o.get("probe-timeout-ms"))), Long.parseLong(o.get("seed")));
        List<FuzzResult> results = new ArrayList<>();
        for (String name : o.get("targets").split(",")) {
            FuzzTarget t = all.get(name.trim());
            if (t == null) {
                out.println("unknown target " + name + "; known: " + all.keySet());
                return 2;
            }
            out.printf(Locale.ROOT, "fuzz-live: %s on %s (%s), %s inputs%n", t.name(), t.server(), t.transport(), o.get("count"));
            FuzzResult r = fuzzer.run(t);
            results.add(r);
            out.println("fuzz-live: " + line(r));
            r.failures().forEach(f -> out.println("fuzz-live:   " + f));
        }
        out.println("| target | inputs | inputs/s | replies | send errors | probes | unanswered | last probe |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        for (FuzzResult r : results) {
            out.printf(Locale.ROOT, "| %s | %,d | %,.0f | %,d | %,d | %d | %d | %s |%n", r.target(), r.sent(), r.rate(),
                    r.replies(), r.sendErrors(), r.probes(), r.failedProbes(), r.lastAnswer());
        }
        boolean pass = results.stream().allMatch(FuzzResult::passed);
        out.println("fuzz-live: " + (pass ? "PASS: every probe was answered" : "FAIL: some probes were not answered"));
        return pass ? 0 : 1;
    }

    private static String line(FuzzResult r) {
        return String.format(Locale.ROOT, "%s: %,d inputs in %.1f s (%,.0f/s), %,d replies, %,d send errors, %d/%d probes answered, last: %s",
                r.target(), r.sent(), r.elapsedNanos() / 1e9, r.rate(), r.replies(), r.sendErrors(),
                r.probes() - r.failedProbes(), r.probes(), r.lastAnswer());
    }
}
