package io.mtaprov.protocol.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.config.Finding.Location;
import io.mtaprov.protocol.config.Finding.Severity;
import io.mtaprov.protocol.mib.MibObject;
import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.protocol.mib.Oid;
import io.mtaprov.protocol.mib.OidNames;

/**
 * Checks a configuration file against PKT-SP-PROV1.5 (MTA configuration file) and the PacketCable
 * MIBs: delimiters first and last, pktcMtaDevEnabled.0 = true(1), known and writable objects,
 * values matching the SYNTAX, no duplicates, a correct and correctly placed hash, one MIB tree.
 * Findings carry the line (text form) or byte offset (binary). Stateless, thread-safe.
 */
public final class ConfigValidator {
    private final MibRegistry mib;
    private final OidNames names;

    /** A validator against {@code mib}. */
    public ConfigValidator(MibRegistry mib) {
        this.mib = mib;
        this.names = new OidNames(mib);
    }

    /** Validates a binary file; locations are byte offsets. */
    public static List<Finding> validate(ConfigFile file) {
        return new ConfigValidator(MibRegistry.standard()).check(file, file.offsets(), Location.Kind.OFFSET);
    }

    /** Validates a text document; locations are its lines. */
    public static List<Finding> validate(ConfigDocument doc) {
        return new ConfigValidator(MibRegistry.standard()).check(doc.toConfigFile(), doc.lines(), Location.Kind.LINE);
    }

    /** Checks {@code file} whose TLV {@code i} is at {@code where[i]} (offset or line). */
    public List<Finding> check(ConfigFile file, int[] where, Location.Kind kind) {
        List<Finding> out = new ArrayList<>();
        List<ConfigTlv> tlvs = file.tlvs();
        if (tlvs.isEmpty()) {
            out.add(new Finding(Severity.ERROR, new Location(kind, kind == Location.Kind.LINE ? 1 : 0), "the file is empty"));
            return out;
        }
        Map<Oid, Integer> seen = new HashMap<>();
        int[] trees = new int[MibTree.values().length];
        int[] firstOfTree = new int[trees.length];
        boolean enabled = false;
        for (int i = 0; i < tlvs.size(); i++) {
            ConfigTlv t = tlvs.get(i);
            Location at = new Location(kind, where[i]);
            checkDelimiter(out, t, i, tlvs.size(), at);
            if (t instanceof VarbindTlv v) {
                Integer before = seen.putIfAbsent(v.oid(), i);
                if (before != null) {
                    out.add(new Finding(Severity.ERROR, at, "duplicate object " + names.format(v.oid(), MibTree.CABLELABS)
                            + " (first at " + new Location(kind, where[before]) + ")"));
                }
                MibObject o = mib.objectFor(v.oid());
                if (o != null && trees[o.tree().ordinal()]++ == 0) {
                    firstOfTree[o.tree().ordinal()] = i;
                }
                if (o != null && o.name().equals("pktcMtaDevEnabled") && v.oid().size() == o.oid().size() + 1) {
                    enabled = true;
                    if (!(v.value() instanceof SnmpValue.Integer32 x && x.value() == 1)) {
                        out.add(new Finding(Severity.ERROR, at, "pktcMtaDevEnabled must be true(1)"));
                    }
                }
                if (!ConfigHash.isHashTlv(v)) {
                    checkObject(out, v, o, at);
                }
            } else if (t instanceof RawTlv r) {
                checkRaw(out, r, where[i], kind, at);
            } else if (t instanceof AggregateTlv a && a.type() == ConfigTlv.TYPE_VENDOR_SPECIFIC && a.sub(8) == null) {
                out.add(new Finding(Severity.WARNING, at, "vendor-specific TLV 43 without vendor OUI (sub-TLV 8)"));
            }
        }
        Location endAt = new Location(kind, where[tlvs.size() - 1]);
        if (!enabled) {
            out.add(new Finding(Severity.ERROR, endAt, "pktcMtaDevEnabled.0 is missing (it must be set to true(1))"));
        }
        int cl = trees[MibTree.CABLELABS.ordinal()];
        int ietf = trees[MibTree.IETF.ordinal()];
        if (cl > 0 && ietf > 0) {
            int minority = (cl < ietf ? MibTree.CABLELABS : MibTree.IETF).ordinal();
            out.add(new Finding(Severity.ERROR, new Location(kind, where[firstOfTree[minority]]),
                    "the file mixes the CableLabs (" + cl + " objects) and IETF (" + ietf + " objects) MIB trees"));
        }
        checkHash(out, file, where, kind);
        return out;
    }

    private static void checkDelimiter(List<Finding> out, ConfigTlv t, int i, int n, Location at) {
        boolean isDelim = t.type() == ConfigTlv.TYPE_DELIMITER;
        if (i == 0 && !(t instanceof DelimiterTlv d && d.isBegin())) {
            out.add(new Finding(Severity.ERROR, at, "the file must begin with MtaConfigDelimiter 1 (FE 01 01)"));
        } else if (i == n - 1 && !(t instanceof DelimiterTlv d && d.isEnd())) {
            out.add(new Finding(Severity.ERROR, at, "the file must end with MtaConfigDelimiter 255 (FE 01 FF)"));
        } else if (isDelim && i > 0 && i < n - 1) {
            out.add(new Finding(Severity.ERROR, at, "misplaced MtaConfigDelimiter (only first and last)"));
        }
        if (t instanceof RawTlv && isDelim) {
            out.add(new Finding(Severity.ERROR, at, "MtaConfigDelimiter must have length 1"));
        }
    }

    private void checkObject(List<Finding> out, VarbindTlv v, MibObject o, Location at) {
        String name = names.format(v.oid(), o == null ? MibTree.CABLELABS : o.tree());
        if (o == null) {
            out.add(new Finding(Severity.WARNING, at, "unknown OID " + name + " (not in the PacketCable MIBs)"));
            return;
        }
        if (!o.isLeaf()) {
            out.add(new Finding(Severity.ERROR, at, name + " is not a scalar or column object"));
            return;
        }
        int suffix = v.oid().size() - o.oid().size();
        MibObject parent = mib.byOid(o.oid().prefix(o.oid().size() - 1));
        boolean column = parent != null && !parent.isLeaf() && parent.name().endsWith("Entry");
        if (suffix == 0 || (!column && (suffix != 1 || v.oid().arc(v.oid().size() - 1) != 0))) {
            out.add(new Finding(Severity.ERROR, at, name + (column ? " needs a row index" : " is a scalar: its instance is .0")));
        }
        if (!o.access().writable()) {
            out.add(new Finding(Severity.ERROR, at, name + " is " + o.access().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + " and cannot be set"));
        }
        String problem = SyntaxCheck.check(o, v.value());
        if (problem != null) {
            out.add(new Finding(Severity.ERROR, at, problem));
        }
        if (!v.isMinimalBer()) {
            out.add(new Finding(Severity.INFO, at, name + " uses a non-minimal BER encoding (kept as is)"));
        }
    }

    private static void checkRaw(List<Finding> out, RawTlv r, int where, Location.Kind kind, Location at) {
        switch (r.type()) {
            case ConfigTlv.TYPE_SNMP, ConfigTlv.TYPE_SNMP_LONG -> {
                byte[] value = r.value();
                try {
                    Varbind.decode(value, 0, value.length, 0);
                } catch (DecodeException e) {
                    int header = r.type() == ConfigTlv.TYPE_SNMP_LONG ? 3 : 2;
                    Location l = kind == Location.Kind.OFFSET ? new Location(kind, where + header + e.offset()) : at;
                    out.add(new Finding(Severity.ERROR, l, "TLV " + r.type() + " is not a valid varbind: " + e.getMessage()));
                }
            }
            case ConfigTlv.TYPE_NOTIFICATION_RECEIVER, ConfigTlv.TYPE_VENDOR_SPECIFIC ->
                out.add(new Finding(Severity.ERROR, at, "TLV " + r.type() + " sub-TLVs overrun its length"));
            case ConfigTlv.TYPE_DELIMITER -> { }
            default -> out.add(new Finding(Severity.INFO, at, "unknown TLV type " + r.type() + " (kept as is)"));
        }
    }

    private static void checkHash(List<Finding> out, ConfigFile file, int[] where, Location.Kind kind) {
        HashCheck h = ConfigHash.verify(file);
        Location at = h.tlvIndex() >= 0 ? new Location(kind, where[h.tlvIndex()]) : new Location(kind, where[where.length - 1]);
        switch (h.status()) {
            case VALID -> { }
            case ABSENT -> out.add(new Finding(Severity.INFO, at, "no configuration hash TLV (needed in the Basic flow)"));
            case MISMATCH -> out.add(new Finding(Severity.ERROR, at, "configuration hash does not match the file"));
            case MISPLACED -> out.add(new Finding(Severity.ERROR, at, "the hash TLV must be immediately before the end delimiter"));
            case DUPLICATE -> out.add(new Finding(Severity.ERROR, at, "more than one configuration hash TLV"));
        }
    }
}
