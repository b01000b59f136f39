package io.mtaprov.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing with Jazzer (libFuzzer in the JVM): one Jazzer process per target
 * ({@link JazzerTarget}), {@code threads} at a time, each with {@code -runs=iterations},
 * {@code -timeout=1} (an input over 1 s is a finding), instrumentation limited to the codecs, a
 * corpus under DIR/jazzer/TARGET/corpus started from the target's seeds, and
 * {@code --keep_going} so that one finding does not end the target. Jazzer's jar must be in
 * {@code lib/} beside the benchmarks jar (the Maven build copies it there).
 */
final class JazzerEngine {
    private static final Pattern EXECUTED = Pattern.compile("stat::number_of_executed_units: *(\\d+)");
    private static final Pattern RATE = Pattern.compile("stat::average_exec_per_sec: *(\\d+)");
    private static final Pattern COVERAGE = Pattern.compile("cov: (\\d+) ft: (\\d+) corp: (\\d+)");

    private JazzerEngine() {
    }

    /** Result of one target: counts from libFuzzer's final stats and the artifacts it wrote. */
    record Result(String target, long executed, long perSecond, String coverage, int exitCode, List<Path> artifacts,
            double seconds) {
    }

    static boolean available() {
        return Files.isRegularFile(libDir().resolve("jazzer.jar"));
    }

    static Path libDir() {
        try {
            Path jar = Path.of(FuzzMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolve("lib");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Result> run(List<FuzzTarget> targets, long iterations, int threads, Path out)
            throws IOException, InterruptedException {
        Path self = libDir().getParent().resolve("benchmarks.jar");
        String cp = libDir().resolve("jazzer.jar") + java.io.File.pathSeparator + libDir().resolve("jazzer-api.jar")
                + java.io.File.pathSeparator + self;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Deque<FuzzTarget> pending = new ArrayDeque<>(targets);
        List<Object[]> active = new ArrayList<>(); // {target, process, dir, start}
        List<Result> results = new ArrayList<>();
        while (!pending.isEmpty() || !active.isEmpty()) {
            while (active.size() < threads && !pending.isEmpty()) {
                FuzzTarget t = pending.poll();
                Path dir = out.resolve("jazzer").resolve(t.name());
                Path corpus = dir.resolve("corpus");
                Files.createDirectories(corpus);
                for (int i = 0; i < t.seeds().size(); i++) {
                    Files.write(corpus.resolve("seed-" + i), t.seeds().get(i));
                }
                List<String> cmd = List.of(java.toString(), "-Xmx2g", "-XX:+EnableDynamicAgentLoading",
                        "--enable-native-access=ALL-UNNAMED", "-Dmtaprov.fuzz.target=" + t.name(), "-cp", cp,
                        "com.code_intelligence.jazzer.Jazzer", "--target_class=" + JazzerTarget.class.getName(),
                        "--instrumentation_includes=io.mtaprov.protocol.**", "--keep_going=50",
                        "--reproducer_path=" + dir, "-runs=" + iterations, "-timeout=1", "-rss_limit_mb=2560",
                        "-max_len=" + Math.max(4096, 2 * maxSeed(t)), "-seed=" + (1 + Math.abs(t.name().hashCode())),
                        "-print_final_stats=1", "-artifact_prefix=" + dir + "/", corpus.toString());
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("jazzer.log").toFile()).start();
                active.add(new Object[] {t, p, dir, System.nanoTime()});
            }
            Thread.sleep(200);
            for (Object[] a : new ArrayList<>(active)) {
                Process p = (Process) a[1];
                if (p.waitFor(0, TimeUnit.MILLISECONDS)) {
                    active.remove(a);
                    Result r = result((FuzzTarget) a[0], (Path) a[2], p.exitValue(), (System.nanoTime() - (long) a[3]) / 1e9);
                    results.add(r);
                    System.out.printf(Locale.ROOT, "  done %-15s %,12d inputs in %6.1f s (jazzer exit %d, %d artifact(s))%n",
                            r.target(), r.executed(), r.seconds(), r.exitCode(), r.artifacts().size());
                }
            }
        }
        return results;
    }

    private static int maxSeed(FuzzTarget t) {
        return t.seeds().stream().mapToInt(s -> s.length).max().orElse(0);
    }

    private static Result result(FuzzTarget t, Path dir, int exit, double seconds) throws IOException {
        String log = Files.readString(dir.resolve("jazzer.log"), StandardCharsets.ISO_8859_1);
        long executed = last(EXECUTED, log, 1);
        long rate = last(RATE, log, 1);
        Matcher m = COVERAGE.matcher(log);
        String coverage = "";
        while (m.find()) {
            coverage = "cov " + m.group(1) + ", features " + m.group(2) + ", corpus " + m.group(3);
        }
        List<Path> artifacts;
        try (Stream<Path> s = Files.list(dir)) {
            artifacts = s.filter(f -> f.getFileName().toString().matches("(crash|timeout|oom|slow-unit|leak)-.*"))
                    .sorted().toList();
        }
        return new Result(t.name(), executed, rate, coverage, exit, artifacts, seconds);
    }

    private static long last(Pattern p, String log, int group) {
        Matcher m = p.matcher(log);
        long v = 0;
        while (m.find()) {
            v = Long.parseLong(m.group(group));
        }
        return v;
    }
}
