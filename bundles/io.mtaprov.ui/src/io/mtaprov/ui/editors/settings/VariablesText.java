package io.mtaprov.ui.editors.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Template variables in one cell: {@code name=value; name=value} (names sorted when written). A
 * value cannot hold ';'. Stateless.
 */
final class VariablesText {
    private VariablesText() {
    }

    static String format(Map<String, String> vars) {
        StringJoiner j = new StringJoiner("; ");
        new TreeMap<>(vars).forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    /** @throws IllegalArgumentException naming the entry without '=' or with an empty name */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || entry.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException("'" + entry.strip() + "' is not name=value");
            }
            String name = entry.substring(0, eq).strip();
            if (!name.matches("[A-Za-z0-9_.\\-]+")) {
                throw new IllegalArgumentException("variable name '" + name + "': letters, digits, '.', '_', '-'");
            }
            out.put(name, entry.substring(eq + 1).strip());
        }
        return out;
    }
}
