package io.mtaprov.core.provisioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the layers of config file generation (step 5) into {@link ConfigInputs}: each layer is a
 * map of variables and later layers override earlier ones, in the order device class defaults,
 * CMTS defaults ("*"), the CMTS scope the lease came through, the MTA's own settings, customer
 * care; then the facts ({@code mta.*}, {@code lease.*}, {@code net.*}, {@code get.*}) which no layer
 * can override.
 * <p>
 * Voice lines come from the variables: {@code lines} (count) and any {@code line.<n>.<field>}
 * (fields ifIndex, callAgent, port, number, enabled); a line without ifIndex gets
 * {@code firstIfIndex + n - 1} (default 9), without callAgent/port the layer-wide {@code callAgent}
 * and {@code callAgentPort} (default 2727, the MGCP call agent port of RFC 3435 section 3.5).
 * Stateless.
 */
public final class ConfigLayers {
    /** RFC 3435 section 3.5: call agents listen on UDP 2727. */
    static final int DEFAULT_CALL_AGENT_PORT = 2727;
    /** PROTOCOL.md: endpoints commonly start at ifIndex 9. */
    static final int DEFAULT_FIRST_IF_INDEX = 9;
    static final int MAX_LINES = 64;

    private ConfigLayers() {
    }

    public static ConfigInputs merge(List<Map<String, String>> layersLowToHigh, Map<String, String> facts) {
        Map<String, String> vars = new TreeMap<>();
        layersLowToHigh.forEach(vars::putAll);
        vars.putAll(facts);
        List<VoiceLine> lines = lines(vars);
        for (VoiceLine l : lines) {
            vars.putAll(l.variables("line." + l.index() + "."));
        }
        vars.put("lines", Integer.toString(lines.size()));
        return new ConfigInputs(vars, lines);
    }

    private static List<VoiceLine> lines(Map<String, String> vars) {
        int count = integer(vars, "lines", 0);
        for (String k : vars.keySet()) {
            if (k.startsWith("line.")) {
                int dot = k.indexOf('.', 5);
                if (dot > 5) {
                    count = Math.max(count, parse(k.substring(5, dot), k));
                }
            }
        }
        if (count > MAX_LINES) {
            throw new IllegalArgumentException("more than " + MAX_LINES + " voice lines: " + count);
        }
        int first = integer(vars, "firstIfIndex", DEFAULT_FIRST_IF_INDEX);
        String callAgent = vars.getOrDefault("callAgent", "");
        int port = integer(vars, "callAgentPort", DEFAULT_CALL_AGENT_PORT);
        List<VoiceLine> out = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String p = "line." + n + ".";
            if ("false".equalsIgnoreCase(vars.getOrDefault(p + "enabled", "true").trim())) {
                continue;
            }
            out.add(new VoiceLine(n, integer(vars, p + "ifIndex", first + n - 1),
                    vars.getOrDefault(p + "callAgent", callAgent), integer(vars, p + "port", port),
                    vars.getOrDefault(p + "number", "")));
        }
        return out;
    }

    /** The layers' variables in a stable order, for display. */
    public static Map<String, String> sorted(Map<String, String> vars) {
        return new LinkedHashMap<>(new TreeMap<>(vars));
    }

    private static int integer(Map<String, String> vars, String key, int dflt) {
        String v = vars.get(key);
        return v == null || v.isBlank() ? dflt : parse(v.trim(), key);
    }

    private static int parse(String v, String key) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("variable " + key + " is not a number: '" + v + "'", e);
        }
    }
}
