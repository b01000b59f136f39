package io.mtaprov.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Seeded mutation fuzzer for the codecs of io.mtaprov.protocol, outside OSGi. Usage:
 * <pre>
 * java -cp benchmarks.jar io.mtaprov.bench.FuzzMain [iterations] [--threads N] [--seed S]
 *      [--targets a,b,...] [--out DIR] [--hang-seconds N]
 * </pre>
 * Each target runs {@code iterations} inputs (default 1,000,000) on its own thread, {@code N}
 * targets at a time (default: available processors). A watchdog reports an input running over
 * 1 s with the stack of the thread that runs it, and abandons a target stuck on one input for
 * {@code --hang-seconds} (default 30). Prints a table of counts and every finding (kind, count,
 * smallest input in hex, stack trace), writes them to DIR (default target/fuzz), and exits 1 if
 * there is any finding, 0 otherwise. {@code --replay TARGET FILE...} runs saved inputs (a finding's
 * .bin, a Jazzer crash file, or hex text in a .hex file) through the same checks and prints what each does.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        long iterations = 1_000_000;
        int threads = Runtime.getRuntime().availableProcessors();
        long seed = 0x4d54_4150_524f_5601L;
        String only = null;
        Path out = Path.of("target", "fuzz");
        long hangSeconds = 30;
        String engine = "mutator";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.decode(args[++i]);
                case "--targets" -> only = args[++i];
                case "--engine" -> engine = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--hang-seconds" -> hangSeconds = Long.parseLong(args[++i]);
                case "--replay" -> {
                    replay(args[i + 1], Arrays.copyOfRange(args, i + 2, args.length));
                    return;
                }
                case "-h", "--help" -> {
                    System.out.println("usage: FuzzMain [iterations] [--threads N] [--seed S] [--targets a,b] [--out DIR]");
                    return;
                }
                default -> iterations = Long.parseLong(args[i].replace("_", ""));
            }
        }
        List<FuzzTarget> targets = new ArrayList<>(FuzzTargets.all());
        if (only != null) {
            List<String> names = Arrays.asList(only.split(","));
            targets.removeIf(t -> !names.contains(t.name()));
        }
        if (engine.equals("jazzer")) {
            System.exit(jazzer(targets, iterations, threads, out));
        }
        System.out.printf(Locale.ROOT, "fuzz (seeded mutator): %d targets x %,d inputs, %d threads, seed 0x%x, JDK %s%n",
                targets.size(), iterations, threads, seed, Runtime.version());
        List<FuzzRun> runs = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            runs.add(new FuzzRun(targets.get(i), iterations, seed + 31L * (i + 1) + targets.get(i).name().hashCode()));
        }
        long t0 = System.nanoTime();
        List<FuzzRun> hung = schedule(runs, threads, hangSeconds);
        double wall = (System.nanoTime() - t0) / 1e9;
        int findings = report(runs, hung, wall, out);
        System.out.flush();
        Runtime.getRuntime().halt(findings == 0 ? 0 : 1); // a hung target's thread cannot be stopped otherwise
    }

    /** Coverage-guided run with Jazzer; every artifact is replayed through the mutator's checks. */
    private static int jazzer(List<FuzzTarget> targets, long iterations, int threads, Path out) throws Exception {
        if (!JazzerEngine.available()) {
            System.out.println("fuzz: Jazzer not found in " + JazzerEngine.libDir() + " (build with Maven first)");
            return 2;
        }
        System.out.printf(Locale.ROOT, "fuzz (Jazzer, coverage-guided): %d targets x %,d runs, %d at a time, JDK %s%n",
                targets.size(), iterations, threads, Runtime.version());
        long t0 = System.nanoTime();
        List<JazzerEngine.Result> results = JazzerEngine.run(targets, iterations, threads, out);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-15s %12s %9s %8s  %s%n", "target",
                "executions", "exec/s", "findings", "coverage (codec edges, features, corpus)"));
        long total = 0;
        int findings = 0;
        StringBuilder details = new StringBuilder();
        for (JazzerEngine.Result r : results) {
            boolean failed = !r.artifacts().isEmpty() || r.exitCode() != 0;
            table.append(String.format(Locale.ROOT, "%-15s %,12d %,9d %8d  %s%s%n", r.target(), r.executed(),
                    r.perSecond() > 0 ? r.perSecond() : (long) (r.executed() / Math.max(r.seconds(), 1e-3)),
                    r.artifacts().size(), r.coverage(), r.exitCode() != 0 && r.artifacts().isEmpty()
                            ? " (jazzer exit " + r.exitCode() + ", see jazzer.log)" : ""));
            total += r.executed();
            findings += failed ? Math.max(1, r.artifacts().size()) : 0;
            FuzzTarget target = targets.stream().filter(t -> t.name().equals(r.target())).findFirst().orElseThrow();
            for (Path a : r.artifacts()) {
                byte[] in = Files.readAllBytes(a);
                FuzzRun replay = new FuzzRun(target, 0, 0);
                replay.replay(in);
                details.append(String.format(Locale.ROOT, "%n%s %s (%d bytes): %s%n", r.target(), a.getFileName(),
                        in.length, HexFormat.of().formatHex(in)));
                for (FuzzRun.Finding f : replay.findings.values()) {
                    details.append("    replayed: " + f.kind + ": " + f.summary + "\n");
                    if (f.cause != null) {
                        StringWriter w = new StringWriter();
                        f.cause.printStackTrace(new PrintWriter(w));
                        details.append(w.toString().indent(6));
                    }
                }
            }
        }
        table.append(String.format(Locale.ROOT, "total %,d executions in %.1f s wall, %d finding(s)%n", total,
                (System.nanoTime() - t0) / 1e9, findings));
        String text = table + (findings == 0 ? "no findings\n" : "\nFindings (artifacts under " + out.resolve("jazzer")
                + "):" + details);
        System.out.print(text);
        Files.writeString(out.resolve("jazzer-report.txt"), text);
        return findings == 0 ? 0 : 1;
    }

    private static void replay(String name, String[] files) throws IOException {
        FuzzTarget target = FuzzTargets.all().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fuzz target " + name));
        for (String file : files) {
            FuzzRun run = new FuzzRun(target, 0, 0);
            byte[] in = Files.readAllBytes(Path.of(file));
            if (file.endsWith(".hex")) {
                in = HexFormat.of().parseHex(new String(in, java.nio.charset.StandardCharsets.US_ASCII).replaceAll("\\s", ""));
            }
            run.replay(in);
            System.out.printf(Locale.ROOT, "%s: %s, max alloc %,d bytes, %.1f ms%n", file,
                    run.accepted > 0 ? "decoded" : "rejected", run.maxAllocated, run.maxNanos / 1e6);
            for (FuzzRun.Finding f : run.findings.values()) {
                System.out.println("  " + f.kind + ": " + f.summary);
                if (f.cause != null) {
                    f.cause.printStackTrace(System.out);
                }
            }
        }
    }

    /** Runs the targets, {@code threads} at a time; the calling thread is the watchdog. */
    private static List<FuzzRun> schedule(List<FuzzRun> runs, int threads, long hangSeconds)
            throws InterruptedException {
        Deque<FuzzRun> pending = new ArrayDeque<>(runs);
        List<FuzzRun> active = new ArrayList<>();
        List<FuzzRun> hung = new ArrayList<>();
        while (!pending.isEmpty() || !active.isEmpty()) {
            while (active.size() < threads && !pending.isEmpty()) {
                FuzzRun run = pending.poll();
                Thread t = new Thread(run, "fuzz-" + run.target.name());
                t.setDaemon(true);
                run.thread = t;
                t.start();
                active.add(run);
            }
            Thread.sleep(100);
            for (FuzzRun run : new ArrayList<>(active)) {
                if (run.done || !run.thread.isAlive()) {
                    active.remove(run);
                    System.out.printf(Locale.ROOT, "  done %-15s %,12d inputs in %6.1f s%n", run.target.name(),
                            run.executed, run.elapsedNanos / 1e9);
                    continue;
                }
                long started = run.startedAt;
                if (started != 0 && System.nanoTime() - started > hangSeconds * 1_000_000_000L) {
                    byte[] in = run.current;
                    Throwable where = new Throwable("stack of the fuzz thread after " + hangSeconds + " s on one input");
                    where.setStackTrace(run.thread.getStackTrace());
                    run.record("HANG", "one input ran over " + hangSeconds + " s; target abandoned", in, where);
                    run.thread.interrupt();
                    active.remove(run);
                    hung.add(run);
                }
            }
        }
        return hung;
    }

    private static int report(List<FuzzRun> runs, List<FuzzRun> hung, double wall, Path out) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n%-15s %12s %12s %12s %9s %8s %10s %8s%n", "target", "executions",
                "accepted", "rejected", "exec/s", "max ms", "max alloc", "findings"));
        long total = 0;
        int findings = 0;
        for (FuzzRun run : runs) {
            double secs = Math.max(run.elapsedNanos, 1) / 1e9;
            table.append(String.format(Locale.ROOT, "%-15s %,12d %,12d %,12d %,9.0f %8.1f %10s %8d%s%n",
                    run.target.name(), run.executed, run.accepted, run.rejected,
                    run.elapsedNanos == 0 ? 0.0 : run.executed / secs, run.maxNanos / 1e6,
                    run.maxAllocated / 1024 + " KiB", run.findingCount(), hung.contains(run) ? " (hung)" : ""));
            total += run.executed;
            findings += run.findingCount();
        }
        table.append(String.format(Locale.ROOT, "total %,d executions in %.1f s wall, %d finding(s)%n", total, wall,
                findings));
        StringBuilder details = new StringBuilder();
        Files.createDirectories(out);
        int n = 0;
        for (FuzzRun run : runs) {
            for (FuzzRun.Finding f : run.findings.values()) {
                n++;
                details.append(String.format(Locale.ROOT, "%n[%d] %s %s x%d: %s%n    input (%d bytes): %s%n", n,
                        run.target.name(), f.kind, f.count, f.summary, f.input.length, HexFormat.of().formatHex(f.input)));
                if (f.cause != null) {
                    StringWriter w = new StringWriter();
                    f.cause.printStackTrace(new PrintWriter(w));
                    details.append(w.toString().indent(4));
                }
                Files.write(out.resolve(String.format(Locale.ROOT, "finding-%02d-%s-%s.bin", n, run.target.name(),
                        f.kind.toLowerCase(Locale.ROOT))), f.input);
            }
        }
        String text = table + (n == 0 ? "no findings\n" : "\nFindings:" + details);
        System.out.print(text);
        Files.writeString(out.resolve("report.txt"), text);
        return findings;
    }
}
