package io.mtaprov.protocol.mib;

import java.nio.charset.StandardCharsets;

/**
 * Converts between instance OIDs and the names lab engineers write: {@code pktcMtaDevEnabled.0},
 * {@code pktcNcsEndPntConfigCallAgentId.9}, {@code pktcMtaDevRealmOrgName.'REALM.COM'},
 * {@code PKTC-IETF-MTA-MIB::pktcMtaDevEnabled.0} or numeric {@code .1.3.6.1...}. Index syntax as in
 * Net-SNMP (and so the {@code docsis} tool): a quoted {@code 'text'} is an IMPLIED string (one arc
 * per byte, no length, RFC 2578 section 7.7), {@code "text"} a string with its length first.
 * Thread-safe.
 */
public final class OidNames {
    private final MibRegistry mib;

    /** Names against {@code mib}. */
    public OidNames(MibRegistry mib) {
        this.mib = mib;
    }

    /**
     * The OID named by {@code text}; bare descriptors defined in both trees resolve in
     * {@code preferred}.
     *
     * @throws IllegalArgumentException with a readable reason if the text names no OID
     */
    public Oid parse(String text, MibTree preferred) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty OID");
        }
        char first = text.charAt(0);
        if (first == '.' || (first >= '0' && first <= '9')) {
            return Oid.parse(text);
        }
        int end = text.indexOf('.');
        String name = end < 0 ? text : text.substring(0, end);
        MibObject o = mib.byName(name, preferred);
        if (o == null) {
            throw new IllegalArgumentException("unknown MIB object " + name);
        }
        if (end < 0) {
            return o.oid();
        }
        int[] arcs = new int[text.length()];
        int n = 0;
        int i = end;
        while (i < text.length()) {
            if (text.charAt(i) != '.' || i + 1 >= text.length()) {
                throw new IllegalArgumentException("bad index in " + text);
            }
            i++;
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated quoted index in " + text);
                }
                byte[] bytes = text.substring(i + 1, close).getBytes(StandardCharsets.UTF_8);
                if (n + bytes.length + 1 > arcs.length) {
                    arcs = java.util.Arrays.copyOf(arcs, n + bytes.length + 1);
                }
                if (c == '"') {
                    arcs[n++] = bytes.length;
                }
                for (byte b : bytes) {
                    arcs[n++] = b & 0xFF;
                }
                i = close + 1;
            } else {
                long v = 0;
                int start = i;
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    v = v * 10 + (text.charAt(i++) - '0');
                    if (v > 0xFFFF_FFFFL) {
                        throw new IllegalArgumentException("index arc over 2^32-1 in " + text);
                    }
                }
                if (i == start) {
                    throw new IllegalArgumentException("bad index in " + text);
                }
                arcs[n++] = (int) v;
            }
        }
        return o.oid().append(java.util.Arrays.copyOf(arcs, n));
    }

    /**
     * The name of {@code oid}: the deepest MIB object (qualified {@code MODULE::name} if the bare
     * name would resolve to another tree than {@code preferred}) and its index, or the numeric form
     * with a leading dot for OIDs outside the MIB. {@link #parse} of the result gives {@code oid}.
     */
    public String format(Oid oid, MibTree preferred) {
        MibObject o = mib.objectFor(oid);
        if (o == null) {
            return "." + oid;
        }
        String name = mib.byName(o.name(), preferred) == o ? o.name() : o.qualifiedName();
        int base = o.oid().size();
        if (base == oid.size()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name);
        IndexSpec spec = o.isLeaf() ? mib.indexOf(o) : null;
        int from = base;
        if (spec != null && spec.isImpliedString() && printable(oid, base, oid.size())) {
            return quote(sb, oid, base, oid.size(), '\'').toString();
        }
        if (spec != null && spec.components().size() == 2 && !spec.components().get(0).string()
                && spec.components().get(1).string() && oid.size() - base >= 3
                && oid.arc(base + 1) == oid.size() - base - 2 && printable(oid, base + 2, oid.size())) {
            sb.append('.').append(oid.arc(base));
            return quote(sb, oid, base + 2, oid.size(), '"').toString();
        }
        for (int i = from; i < oid.size(); i++) {
            sb.append('.').append(oid.arc(i));
        }
        return sb.toString();
    }

    private static StringBuilder quote(StringBuilder sb, Oid oid, int from, int to, char q) {
        sb.append('.').append(q);
        for (int i = from; i < to; i++) {
            sb.append((char) oid.arc(i));
        }
        return sb.append(q);
    }

    private static boolean printable(Oid oid, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            long a = oid.arc(i);
            if (a < 0x21 || a > 0x7E || a == '\'' || a == '"') {
                return false;
            }
        }
        return true;
    }
}
