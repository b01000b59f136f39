package io.mtaprov.core.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The customer-care CSV (step 5c) the provisioning server watches: a header
 * {@code mac,<variable>,...}, one line per MTA, empty cells left out, {@code #} comments, values
 * double-quoted when they hold a comma or a quote ({@code ""} for a quote). Parsing and writing
 * for the settings editor; the server's reader accepts what {@link #format} writes. Stateless.
 */
public final class CareCsv {
    private CareCsv() {
    }

    /** Variables by lower-case MAC, in file order. @throws IllegalArgumentException naming the bad line */
    public static Map<String, Map<String, String>> parse(List<String> lines) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<String> header = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = cells(line, n + 1);
            if (header == null) {
                if (!cells.get(0).equalsIgnoreCase("mac")) {
                    throw new IllegalArgumentException("line " + (n + 1) + ": the header must start with 'mac'");
                }
                header = cells;
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i < cells.size() && i < header.size(); i++) {
                if (!cells.get(i).isEmpty()) {
                    row.put(header.get(i), cells.get(i));
                }
            }
            out.put(cells.get(0).toLowerCase(Locale.ROOT), row);
        }
        return out;
    }

    /** The CSV text: a header of every variable used, then one line per MTA. */
    public static String format(Map<String, Map<String, String>> byMac) {
        Set<String> vars = new LinkedHashSet<>();
        byMac.values().forEach(m -> vars.addAll(m.keySet()));
        StringBuilder b = new StringBuilder("mac");
        vars.forEach(v -> b.append(',').append(quote(v)));
        b.append('\n');
        byMac.forEach((mac, m) -> {
            b.append(quote(mac));
            vars.forEach(v -> b.append(',').append(quote(m.getOrDefault(v, ""))));
            b.append('\n');
        });
        return b.toString();
    }

    /** Whether the text is a MAC address as the console writes them (lower or upper case colon hex). */
    public static boolean isMac(String s) {
        return s.matches("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static List<String> cells(String line, int n) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + n + ": unterminated quote");
        }
        cells.add(cur.toString().strip());
        return cells;
    }
}
