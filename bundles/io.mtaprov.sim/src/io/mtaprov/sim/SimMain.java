package io.mtaprov.sim;

import io.mtaprov.core.model.Flow;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.mib.MibTree;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Command line of the simulator, runnable outside OSGi with the jars on the class path (this
 * bundle, io.mtaprov.protocol, io.mtaprov.core, snmp4j, dnsjava, commons-net, commons-io): runs a
 * fleet against the servers, prints a progress line every second (started, completed, failed, in
 * flight, rate) and a summary, optionally a CSV per MTA ({@code --csv}) and the figures as
 * {@code key=value} lines ({@code --stats}). Exit status 0 when every MTA completed, 1 otherwise,
 * 2 on a usage error. Wired into {@code ./mtaprov sim} and {@code ./mtaprov bench storm}.
 */
public final class SimMain {
    static final String USAGE = """
            usage: SimMain [--mtas N] [--flow F[,F...]|mixed] [--dhcp host:port]
                           [--dns host:port] [--mps-port P] [--mta-snmp-port P] [--tftp-port P]
                           [--rate MTAS_PER_S] [--concurrency N] [--giaddr A[,A...]] [--base-mac MAC]
                           [--community C] [--mib cablelabs|ietf] [--lines N] [--set-wait-ms MS]
                           [--warmup N] [--progress-ms MS] [--csv FILE] [--stats FILE]
              --flow      the flow the MTAs expect from the DHCP realm: basic.1, basic.2, hybrid.1, hybrid.2
                          (default: follow the realm); a list mixes them, MTA i expecting the (i mod n)-th;
                          mixed = basic.1,basic.2,hybrid.1,hybrid.2
              --dns       DNS server instead of option 6 (default: option 6 at port 10053)
              --tftp-port port of siaddr in the Basic flow (default 10069)
              --rate      MTAs started per second, 0 = no pacing (default 0)
              --giaddr    relay mode: the MTAs sit behind CMTS relay agents with these giaddrs, MTA i behind
                          the (i mod n)-th (default: not relayed); with as many relays as flows, the k-th
                          flow's MTAs sit behind the k-th relay, so each CMTS scope's realm gives its flow
              --warmup    first run N other MTAs (MACs after the fleet's), not counted: JIT-warm servers
                          and simulator; prints "warm-up done" before the fleet starts (default 0)
              --progress-ms  interval of the progress line, 0 = none (default 1000)
              --csv       one line per MTA: mac, flow, start, end, each step's duration, outcome
              --stats     the summary's figures as key=value lines (for scripts)
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
        List<Flow> flows = List.of();
        List<Ipv4Address> relays = List.of();
        int warmup = 0;
        MibTree tree = MibTree.CABLELABS;
        long progressMs = 1000;
        Path csv = null;
        Path stats = null;
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
                    case "--flow" -> flows = flows(v);
                    case "--dhcp" -> s.dhcpServer(address(v));
                    case "--dns" -> s.dnsServer(address(v));
                    case "--mps-port" -> s.mpsPort(Integer.parseInt(v));
                    case "--mta-snmp-port" -> s.mtaSnmpPort(Integer.parseInt(v));
                    case "--tftp-port" -> s.basicTftpPort(Integer.parseInt(v));
                    case "--rate" -> rate = Double.parseDouble(v);
                    case "--concurrency" -> concurrency = Integer.parseInt(v);
                    case "--giaddr" -> relays = relays(v);
                    case "--warmup" -> warmup = Integer.parseInt(v);
                    case "--base-mac" -> baseMac = v;
                    case "--community" -> s.community(v);
                    case "--mib" -> tree = MibTree.valueOf(v.toUpperCase(Locale.ROOT));
                    case "--lines" -> lines = Integer.parseInt(v);
                    case "--set-wait-ms" -> s.setWait(Duration.ofMillis(Long.parseLong(v)));
                    case "--progress-ms" -> progressMs = Long.parseLong(v);
                    case "--csv" -> csv = Path.of(v);
                    case "--stats" -> stats = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (warmup < 0) {
                throw new IllegalArgumentException("--warmup must be 0 or more");
            }
            SimSettings settings = s.build();
            var customise = fleet(flows, relays, tree, lines);
            var profiles = SimulatorFleet.labProfiles(baseMac, mtas, customise);
            out.printf(Locale.ROOT, "simulating %d MTA(s) from %s against DHCP %s, MPS port %d, agents on port %d%s%n",
                    mtas, MtaProfile.macAfter(baseMac, 0), settings.dhcpServer(), settings.mpsPort(),
                    settings.mtaSnmpPort(), describe(flows, relays));
            double cpu0 = 0;
            if (warmup > 0) {
                String warmBase = MtaProfile.macAfter(baseMac, mtas);
                FleetReport w = new SimulatorFleet(settings, null, SecureFlowSteps.NOT_IMPLEMENTED)
                        .run(SimulatorFleet.labProfiles(warmBase, warmup, customise), concurrency, rate);
                out.printf(Locale.ROOT, "warm-up: %d MTA(s) from %s, completed %d, failed %d, %.0f MTAs/s (not counted)%n",
                        warmup, warmBase, w.completed(), w.failed(), w.mtasPerSecond());
                Thread.sleep(WARMUP_PAUSE_MS); // the servers finish the warm-up's writes
                cpu0 = cpuSeconds();
                out.println(WARMUP_DONE);
                out.flush();
            }
            ProgressLine progress = new ProgressLine(out, mtas);
            Thread ticker = progressMs > 0 ? progress.tickEvery(progressMs) : null;
            FleetReport r;
            try {
                r = new SimulatorFleet(settings, null, SecureFlowSteps.NOT_IMPLEMENTED).progress(progress)
                        .run(profiles, concurrency, rate);
            } finally {
                if (ticker != null) {
                    ticker.interrupt();
                }
            }
            progress.print();
            out.print(r.summary());
            if (flows.size() > 1 || relays.size() > 1) {
                out.println("by flow: " + byFlow(r));
            }
            double cpu = cpuSeconds() - cpu0;
            out.printf(Locale.ROOT, "simulator process CPU: %.1f s (%.2f ms per MTA)%n", cpu, cpu * 1000 / mtas);
            if (csv != null) {
                writeCsv(csv, r);
                out.println("per-MTA CSV: " + csv);
            }
            if (stats != null) {
                writeStats(stats, r, cpu);
            }
            return r.failed() == 0 ? 0 : 1;
        } catch (IOException e) {
            out.println("error: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("error: interrupted");
            return 1;
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            out.print(USAGE);
            return 2;
        }
    }

    /** The line printed between the warm-up and the counted fleet (storm.sh reads the servers' CPU there). */
    static final String WARMUP_DONE = "warm-up done";
    static final long WARMUP_PAUSE_MS = 1000;
    /** {@code --flow mixed}: every flow the simulator plays. */
    static final List<Flow> MIXED = List.of(Flow.BASIC_1, Flow.BASIC_2, Flow.HYBRID_1, Flow.HYBRID_2);

    /** The flows of {@code --flow}: one, a comma-separated list, or "mixed". */
    static List<Flow> flows(String v) {
        if (v.strip().equalsIgnoreCase("mixed")) {
            return MIXED;
        }
        List<Flow> out = new ArrayList<>();
        for (String f : v.split(",")) {
            Flow flow = Flow.fromRealm(f.strip().toUpperCase(Locale.ROOT));
            if (flow == Flow.SECURE) {
                throw new IllegalArgumentException("--flow: '" + f.strip() + "' is not simulated yet (basic.1, basic.2,"
                        + " hybrid.1, hybrid.2 or mixed)");
            }
            out.add(flow);
        }
        return List.copyOf(out);
    }

    /** The relay agents of {@code --giaddr}: one address or a comma-separated list. */
    static List<Ipv4Address> relays(String v) {
        List<Ipv4Address> out = new ArrayList<>();
        for (String a : v.split(",")) {
            out.add(Ipv4Address.parse(a.strip()));
        }
        return List.copyOf(out);
    }

    /** What MTA i of the fleet is: its expected flow and relay by index, its tree and lines. */
    static BiFunction<Integer, MtaProfile, MtaProfile> fleet(List<Flow> flows, List<Ipv4Address> relays, MibTree tree,
            int lines) {
        return (i, p) -> p.withExpectedFlow(flows.isEmpty() ? null : flows.get(i % flows.size()))
                .withRelayAgent(relays.isEmpty() ? null : relays.get(i % relays.size())).withMibTree(tree)
                .withLines(lines);
    }

    private static String describe(List<Flow> flows, List<Ipv4Address> relays) {
        String f = flows.isEmpty() ? "" : ", flows " + String.join(",", flows.stream().map(Flow::realmName).toList());
        String r = relays.isEmpty() ? "" : ", behind relay(s) " + String.join(",", relays.stream().map(Object::toString)
                .toList());
        return f + r;
    }

    /** Completed and started MTAs per flow the DHCP realm gave (or expected, when DHCP failed). */
    static String byFlow(FleetReport r) {
        Map<String, int[]> m = new TreeMap<>();
        for (MtaRunResult x : r.results()) {
            String f = x.flow() != null ? x.flow().realmName() : "no lease";
            int[] c = m.computeIfAbsent(f, k -> new int[2]);
            c[0] += x.completed() ? 1 : 0;
            c[1]++;
        }
        StringBuilder b = new StringBuilder();
        m.forEach((f, c) -> b.append(b.isEmpty() ? "" : ", ").append(f).append(' ').append(c[0]).append('/').append(c[1]));
        return b.toString();
    }

    /** Counts starts and ends from the fleet's threads and prints a line per interval. */
    static final class ProgressLine implements SimulatorFleet.Progress {
        private final PrintStream out;
        private final int total;
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger completed = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final long t0 = System.nanoTime();
        private long lastNs = t0;
        private int lastDone;

        ProgressLine(PrintStream out, int total) {
            this.out = out;
            this.total = total;
        }

        @Override
        public void started(MtaProfile mta) {
            started.incrementAndGet();
        }

        @Override
        public void finished(MtaRunResult result) {
            (result.completed() ? completed : failed).incrementAndGet();
        }

        Thread tickEvery(long ms) {
            return Thread.ofPlatform().daemon().name("mtaprov-sim-progress").start(() -> {
                try {
                    while (true) {
                        Thread.sleep(ms);
                        print();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        /** One line: elapsed, started, completed, failed, in flight, rate over the last interval. */
        synchronized void print() {
            long now = System.nanoTime();
            int c = completed.get(), f = failed.get(), s = started.get(), done = c + f;
            double rate = (done - lastDone) / Math.max(1e-9, (now - lastNs) / 1e9);
            out.printf(Locale.ROOT, "[%6.1f s] started %d/%d, completed %d, failed %d, in flight %d, %.0f MTAs/s%n",
                    (now - t0) / 1e9, s, total, c, f, s - done, rate);
            lastNs = now;
            lastDone = done;
        }
    }

    /** CPU time of this process so far, in seconds (0 if the platform does not say). */
    static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /** One line per MTA; step columns are milliseconds, empty when the step did not run. */
    static void writeCsv(Path file, FleetReport r) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        ProvisioningStep[] steps = ProvisioningStep.values();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("mac,flow,ip,start_epoch_ms,end_epoch_ms,total_ms");
            for (ProvisioningStep st : steps) {
                h.append(",step").append(st.number()).append("_ms");
            }
            w.write(h.append(",outcome,final_state,failed_step,reason\n").toString());
            for (MtaRunResult m : r.results()) {
                StringBuilder b = new StringBuilder(160);
                long start = m.started().toEpochMilli();
                b.append(m.mac()).append(',').append(m.flow() == null ? "" : m.flow().realmName()).append(',')
                        .append(m.ip()).append(',').append(start).append(',').append(start + m.totalNs() / 1_000_000)
                        .append(',').append(ms(m.totalNs()));
                for (ProvisioningStep st : steps) {
                    long ns = -1;
                    for (StepTiming t : m.steps()) {
                        if (t.step() == st) {
                            ns = Math.max(ns, 0) + t.endNs() - t.startNs();
                        }
                    }
                    b.append(',').append(ns < 0 ? "" : ms(ns));
                }
                b.append(',').append(m.completed() ? "completed" : "failed").append(',').append(m.finalState())
                        .append(',').append(m.failureStep() == null ? "" : m.failureStep().number()).append(',')
                        .append('"').append(m.failureReason().replace("\"", "'").replace('\n', ' ')).append("\"\n");
                w.write(b.toString());
            }
        }
    }

    /** Milliseconds with three decimals, rounded to the microsecond ("%.3f" without Formatter's cost per value). */
    static String ms(long ns) {
        long us = Math.round(ns / 1_000.0);
        String frac = Long.toString(Math.abs(us) % 1000);
        return (us < 0 ? "-" : "") + Math.abs(us) / 1000 + "." + "000".substring(frac.length()) + frac;
    }

    /** The summary as key=value lines: totals, rate, percentiles per MTA and per step, failures by step. */
    static void writeStats(Path file, FleetReport r, double cpuSeconds) {
        StringBuilder b = new StringBuilder();
        b.append("mtas=").append(r.results().size()).append('\n').append("completed=").append(r.completed())
                .append('\n').append("failed=").append(r.failed()).append('\n');
        b.append(String.format(Locale.ROOT, "wall_s=%.3f%nmtas_per_s=%.1f%ncpu_s=%.2f%n", r.wallNs() / 1e9,
                r.mtasPerSecond(), cpuSeconds));
        percentiles(b, "mta", r.perMta());
        r.perStep().forEach((st, p) -> {
            b.append("step.").append(st.number()).append(".title=").append(st.title()).append('\n');
            percentiles(b, "step." + st.number(), p);
        });
        r.failedByStep().forEach((st, n) -> b.append("failed.").append(st.number()).append('=').append(n).append('\n'));
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void percentiles(StringBuilder b, String key, Percentiles p) {
        b.append(String.format(Locale.ROOT, "%1$s.count=%2$d%n%1$s.p50=%3$.1f%n%1$s.p95=%4$.1f%n%1$s.p99=%5$.1f%n"
                + "%1$s.max=%6$.1f%n", key, p.count(), p.p50(), p.p95(), p.p99(), p.max()));
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected host:port, got " + hostPort);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
