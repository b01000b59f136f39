package io.mtaprov.protocol.pcap;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test oracle: lets tshark (Wireshark 4.x) dissect a pcap and reports what it found.
 *
 * <ul>
 * <li>{@link #problems()}: every malformed-packet marker, dissector bug and expert info of
 * severity Warning or Error (IPv4 and UDP checksum validation are switched on), with its frame
 * number; {@link #assertClean()} fails with those and the full dissection tree.</li>
 * <li>{@link #field(int, String)} / {@link #fields(int, String)}: the values of a named field
 * (e.g. {@code pktc.kmmid}) in a frame, as {@code tshark -T fields} prints them (integers in the
 * field's base, strings as text, bytes as colon-free hex in Wireshark 4.0).</li>
 * </ul>
 * Frames are numbered from 1, as in Wireshark. Decode-as rules use tshark's {@code -d} syntax,
 * e.g. {@code udp.port==10067,dhcp}. tshark runs with an empty personal configuration directory
 * so that a developer's preferences do not change the verdict. Fails (AssertionError) with an
 * install hint if tshark is missing. Not thread-safe; one instance per pcap.
 */
public final class TsharkJudge {
    private static final long TIMEOUT_SECONDS = 60;
    private static final char AGGREGATOR = '\u001f';
    private static final Pattern FRAME = Pattern.compile("^Frame (\\d+):");
    private static final Pattern PROBLEM = Pattern.compile(
            "\\[Malformed Packet|Expert Info \\((Error|Warning)/|Dissector bug|\\[Unreassembled");

    private static Path configDir;

    private final Path file;
    private final List<String> options;
    private final String verbose;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Map<Integer, List<String>>> fieldCache = new HashMap<>();
    private int frameCount;

    private TsharkJudge(Path file, List<String> decodeAs, List<String> preferences) {
        this.file = file;
        List<String> o = new ArrayList<>(List.of("-n", "-r", file.toString(),
                "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE"));
        decodeAs.forEach(d -> o.addAll(List.of("-d", d)));
        preferences.forEach(p -> o.addAll(List.of("-o", p)));
        this.options = List.copyOf(o);
        this.verbose = run(List.of("-V"));
        scanVerbose();
    }

    /** Dissects pcap bytes (written to a temporary file). */
    public static TsharkJudge of(byte[] pcap, String... decodeAs) {
        try {
            Path f = Files.createTempFile("tshark-judge", ".pcap");
            f.toFile().deleteOnExit();
            Files.write(f, pcap);
            return new TsharkJudge(f, List.of(decodeAs), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dissects a pcap file with decode-as rules and tshark preferences ({@code name:value}). */
    public static TsharkJudge of(Path pcap, List<String> decodeAs, List<String> preferences) {
        return new TsharkJudge(pcap, decodeAs, preferences);
    }

    /** Fails with an install hint unless tshark can be run. */
    public static void requireTshark() {
        tsharkExecutable();
    }

    /** Number of frames tshark read. */
    public int frameCount() {
        return frameCount;
    }

    /** Malformed markers and Warning/Error expert infos, each prefixed by its frame number. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The full {@code tshark -V} dissection. */
    public String verbose() {
        return verbose;
    }

    /** Fails if tshark reported any problem; the message holds the problems and the tree. */
    public TsharkJudge assertClean() {
        if (!problems.isEmpty()) {
            throw new AssertionError("tshark found problems in " + file + ":\n  "
                    + String.join("\n  ", problems) + "\n--- tshark -V ---\n" + verbose);
        }
        return this;
    }

    /** All occurrences of {@code field} in frame {@code frame} (1-based); empty if absent. */
    public List<String> fields(int frame, String field) {
        Map<Integer, List<String>> byFrame = fieldCache.computeIfAbsent(field, this::runField);
        return byFrame.getOrDefault(frame, List.of());
    }

    /** The single occurrence of {@code field} in frame {@code frame}; fails if not exactly one. */
    public String field(int frame, String field) {
        List<String> values = fields(frame, field);
        if (values.size() != 1) {
            throw new AssertionError("expected one '" + field + "' in frame " + frame + ", tshark gave "
                    + values + "\n--- tshark -V ---\n" + verbose);
        }
        return values.get(0);
    }

    private void scanVerbose() {
        int frame = 0;
        for (String line : verbose.split("\n")) {
            Matcher m = FRAME.matcher(line);
            if (m.find()) {
                frame = Integer.parseInt(m.group(1));
                frameCount = Math.max(frameCount, frame);
            }
            if (PROBLEM.matcher(line).find()) {
                problems.add("frame " + frame + ": " + line.strip());
            }
        }
    }

    private Map<Integer, List<String>> runField(String field) {
        String out = run(List.of("-T", "fields", "-E", "header=n", "-E", "separator=/t",
                "-E", "occurrence=a", "-E", "aggregator=" + AGGREGATOR,
                "-e", "frame.number", "-e", field));
        Map<Integer, List<String>> byFrame = new HashMap<>();
        for (String line : out.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String value = line.substring(tab + 1);
            if (!value.isEmpty()) {
                byFrame.put(Integer.parseInt(line.substring(0, tab).strip()),
                        List.of(value.split(String.valueOf(AGGREGATOR), -1)));
            }
        }
        return byFrame;
    }

    private String run(List<String> extra) {
        List<String> command = new ArrayList<>();
        command.add(tsharkExecutable());
        command.addAll(options);
        command.addAll(extra);
        try {
            File out = Files.createTempFile("tshark-out", ".txt").toFile();
            File err = Files.createTempFile("tshark-err", ".txt").toFile();
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
            pb.environment().put("WIRESHARK_CONFIG_DIR", emptyConfigDir().toString());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("tshark did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
            Files.delete(out.toPath());
            Files.delete(err.toPath());
            if (p.exitValue() != 0) {
                throw new AssertionError("tshark exited with " + p.exitValue() + ": " + command
                        + "\n" + stderr);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for tshark", e);
        }
    }

    private static synchronized Path emptyConfigDir() throws IOException {
        if (configDir == null) {
            configDir = Files.createTempDirectory("tshark-config");
            configDir.toFile().deleteOnExit();
        }
        return configDir;
    }

    private static String tsharkExecutable() {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/usr/local/bin" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "tshark");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("tshark is not installed (not on PATH): it is the oracle of the "
                + "wire-format tests. Install it: DEBIAN_FRONTEND=noninteractive apt-get install -y tshark");
    }
}
