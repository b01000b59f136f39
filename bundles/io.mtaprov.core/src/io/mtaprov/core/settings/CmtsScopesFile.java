package io.mtaprov.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads and writes the CMTS scopes of the DHCP scopes file (Java properties: {@code scopes=a,b},
 * {@code scope.<name>.relays/subnet/router/leaseTime/pool.pktc|docsis|other/realm}); keys it does
 * not model (reservations, {@code default}, dns, domain, the default scope's overrides) are kept
 * as they are. Stateless.
 */
public final class CmtsScopesFile {
    private static final String[] KEYS = {"relays", "subnet", "router", "leaseTime", "pool.pktc", "pool.docsis",
        "pool.other", "realm"};

    private CmtsScopesFile() {
    }

    /** The relay scopes listed in {@code scopes=}, in order. */
    public static List<CmtsScope> read(Properties p) {
        List<CmtsScope> out = new ArrayList<>();
        for (String n : CmtsScope.list(p.getProperty("scopes", ""))) {
            if (n.equals("default")) {
                continue;
            }
            String k = "scope." + n + ".";
            out.add(new CmtsScope(n, p.getProperty(k + "relays"), p.getProperty(k + "subnet"),
                    p.getProperty(k + "router"), p.getProperty(k + "leaseTime"), p.getProperty(k + "pool.pktc"),
                    p.getProperty(k + "pool.docsis"), p.getProperty(k + "pool.other"), p.getProperty(k + "realm")));
        }
        return out;
    }

    /**
     * {@code base} with its relay scopes replaced by {@code scopes}: the modelled keys of scopes no
     * longer listed are removed, everything else is kept.
     */
    public static Properties write(List<CmtsScope> scopes, Properties base) {
        Properties out = new Properties();
        out.putAll(base);
        for (CmtsScope old : read(base)) {
            for (String key : KEYS) {
                out.remove("scope." + old.name() + "." + key);
            }
        }
        List<String> names = new ArrayList<>();
        for (CmtsScope s : scopes) {
            names.add(s.name());
            String k = "scope." + s.name() + ".";
            putIfSet(out, k + "relays", s.relays());
            out.setProperty(k + "subnet", s.subnet());
            putIfSet(out, k + "router", s.router());
            putIfSet(out, k + "leaseTime", s.leaseTime());
            // an empty pool is meaningful (the class is refused on that CMTS), so pools are always written
            out.setProperty(k + "pool.pktc", s.poolPktc());
            out.setProperty(k + "pool.docsis", s.poolDocsis());
            out.setProperty(k + "pool.other", s.poolOther());
            if (s.realm() != null) {
                out.setProperty(k + "realm", s.realm());
            }
        }
        out.setProperty("scopes", String.join(",", names));
        return out;
    }

    /** The properties as sorted {@code key=value} lines (stable for diffs), with a header comment. */
    public static String format(Properties p) {
        StringBuilder b = new StringBuilder("# DHCP scopes (CMTS networks by relay), written by the console's settings editor\n");
        Map<String, String> sorted = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> sorted.put(k, p.getProperty(k)));
        sorted.remove("scopes");
        b.append("scopes=").append(escape(p.getProperty("scopes", ""))).append('\n');
        sorted.forEach((k, v) -> b.append(escape(k)).append('=').append(escape(v)).append('\n'));
        return b.toString();
    }

    private static void putIfSet(Properties p, String key, String value) {
        if (!value.isEmpty()) {
            p.setProperty(key, value);
        }
    }

    /** Properties escaping of backslash, '=' ':' '#' '!' and line breaks; values here are plain ASCII. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '=', ':', '#', '!' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
