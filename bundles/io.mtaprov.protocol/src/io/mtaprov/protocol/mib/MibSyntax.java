package io.mtaprov.protocol.mib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed SYNTAX clause as Net-SNMP prints it in the MIB table: the base type, an optional list of
 * value ranges (for OCTET STRING: sizes) such as {@code (0 | 200..500)}, and the named numbers of
 * an enumeration or BITS (RFC 2578 sections 7.1.1, 7.1.4, 7.1.12; RFC 2579 for TruthValue).
 * Immutable and thread-safe.
 */
public final class MibSyntax {
    private final SnmpType type;
    private final long[] ranges;
    private final Map<String, Long> named;
    private final Map<Long, String> names;

    private MibSyntax(SnmpType type, long[] ranges, Map<String, Long> named) {
        this.type = type;
        this.ranges = ranges;
        this.named = Collections.unmodifiableMap(named);
        Map<Long, String> inverse = new LinkedHashMap<>();
        named.forEach((k, v) -> inverse.putIfAbsent(v, k));
        this.names = Collections.unmodifiableMap(inverse);
    }

    /** A syntax of {@code type} without constraints. */
    public static MibSyntax of(SnmpType type) {
        return new MibSyntax(type, new long[0], Map.of());
    }

    /**
     * Parses a SYNTAX as printed in the MIB table, e.g. {@code INTEGER {true(1), false(2)}},
     * {@code Unsigned32 (0 | 50..500)}, {@code OCTET STRING (16 | 20)}.
     *
     * @throws IllegalArgumentException for syntax text the table never contains
     */
    public static MibSyntax parse(String text) {
        String t = text.strip();
        SnmpType type;
        String rest;
        if (t.startsWith("OCTET STRING")) {
            type = SnmpType.OCTET_STRING;
            rest = t.substring(12);
        } else if (t.startsWith("OBJECT IDENTIFIER")) {
            type = SnmpType.OBJECT_IDENTIFIER;
            rest = t.substring(17);
        } else {
            int sp = indexOfAny(t, " ({");
            String word = sp < 0 ? t : t.substring(0, sp);
            rest = sp < 0 ? "" : t.substring(sp);
            type = switch (word) {
                case "INTEGER", "Integer32" -> SnmpType.INTEGER;
                case "Unsigned32" -> SnmpType.UNSIGNED32;
                case "Gauge32" -> SnmpType.GAUGE32;
                case "Counter32" -> SnmpType.COUNTER32;
                case "Counter64" -> SnmpType.COUNTER64;
                case "TimeTicks" -> SnmpType.TIMETICKS;
                case "IpAddress" -> SnmpType.IPADDRESS;
                case "BITS" -> SnmpType.BITS;
                default -> throw new IllegalArgumentException("unknown SYNTAX " + text);
            };
        }
        rest = rest.strip();
        Map<String, Long> named = new LinkedHashMap<>();
        List<Long> ranges = new ArrayList<>();
        if (rest.startsWith("{")) {
            for (String item : rest.substring(1, rest.lastIndexOf('}')).split(",")) {
                String s = item.strip();
                int open = s.indexOf('(');
                named.put(s.substring(0, open).strip(), Long.parseLong(s.substring(open + 1, s.indexOf(')')).strip()));
            }
        } else if (rest.startsWith("(")) {
            for (String item : rest.substring(1, rest.lastIndexOf(')')).split("\\|")) {
                String s = item.strip();
                int dots = s.indexOf("..");
                ranges.add(Long.parseLong(dots < 0 ? s : s.substring(0, dots).strip()));
                ranges.add(Long.parseLong(dots < 0 ? s : s.substring(dots + 2).strip()));
            }
        } else if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unknown SYNTAX " + text);
        }
        long[] r = new long[ranges.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = ranges.get(i);
        }
        return new MibSyntax(type, r, named);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The base type. */
    public SnmpType type() {
        return type;
    }

    /** Whether the syntax is an enumeration (INTEGER with named numbers). */
    public boolean isEnumeration() {
        return type == SnmpType.INTEGER && !named.isEmpty();
    }

    /** Named numbers (enumeration labels or BITS positions), in MIB order. */
    public Map<String, Long> namedNumbers() {
        return named;
    }

    /** The label of {@code value} or {@code null}. */
    public String nameOf(long value) {
        return names.get(value);
    }

    /** Whether a range (or size) constraint exists. */
    public boolean hasRanges() {
        return ranges.length > 0;
    }

    /** Whether {@code v} satisfies the ranges (values, or sizes for OCTET STRING); true if none. */
    public boolean inRanges(long v) {
        if (ranges.length == 0) {
            return true;
        }
        for (int i = 0; i < ranges.length; i += 2) {
            if (v >= ranges[i] && v <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** The ranges in SMI notation, e.g. {@code (0 | 200..500)}; empty if none. */
    public String rangeText() {
        if (ranges.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ranges.length; i += 2) {
            sb.append(i == 0 ? "" : " | ").append(ranges[i]);
            if (ranges[i + 1] != ranges[i]) {
                sb.append("..").append(ranges[i + 1]);
            }
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        String base = type.name();
        if (!named.isEmpty()) {
            return base + " " + named;
        }
        return ranges.length == 0 ? base : base + " " + rangeText();
    }
}
