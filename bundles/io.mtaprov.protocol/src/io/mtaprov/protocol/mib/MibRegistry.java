package io.mtaprov.protocol.mib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PacketCable MIB objects (PKTC-MTA-MIB, PKTC-SIG-MIB, PKTC-EVENT-MIB, RFC 4682
 * PKTC-IETF-MTA-MIB, RFC 5098 PKTC-IETF-SIG-MIB) loaded once from the classpath resources
 * {@code pktc-objects.tsv} (module, name, oid, syntax, access; generated with Net-SNMP from the
 * modules) and {@code pktc-indexes.tsv} (INDEX clauses). Name and OID maps are precomputed.
 *
 * <p>Descriptors are not unique: the CableLabs and IETF modules define the same names under
 * different OIDs; lookups by bare name take a preferred {@link MibTree}. Immutable, thread-safe.
 */
public final class MibRegistry {
    private static final String EURO_HASH = "1.3.6.1.4.1.7432.1.1.2.9.0"; // PROTOCOL.md, Euro-PacketCable hash
    private static volatile MibRegistry standard;

    private final Map<Oid, MibObject> byOid = new HashMap<>();
    private final Map<String, List<MibObject>> byName = new HashMap<>();
    private final Map<String, MibObject> byQualified = new HashMap<>();
    private final Map<Oid, IndexSpec> indexByEntry = new HashMap<>();
    private final Map<Oid, MibTree> treeRoots = new LinkedHashMap<>();
    private final int maxOidLength;

    private MibRegistry(InputStream objects, InputStream indexes) throws IOException {
        int max = 0;
        Map<String, MibObject> roots = new LinkedHashMap<>();
        for (String[] row : rows(objects)) {
            if (row.length < 3) {
                continue;
            }
            Oid oid = Oid.parse(row[2]);
            String module = row[0];
            MibTree tree = module.contains("IETF") ? MibTree.IETF : MibTree.CABLELABS;
            String syntax = row.length > 3 ? row[3] : "";
            MibObject o = new MibObject(module, row[1], oid, syntax.isBlank() ? null : MibSyntax.parse(syntax),
                    MibAccess.parse(row.length > 4 ? row[4] : ""), tree);
            byOid.putIfAbsent(oid, o);
            if (byQualified.putIfAbsent(o.qualifiedName(), o) == null) {
                byName.computeIfAbsent(o.name(), k -> new ArrayList<>(2)).add(o);
            }
            max = Math.max(max, oid.size());
            MibObject shortest = roots.get(module);
            if (shortest == null || oid.size() < shortest.oid().size()) {
                roots.put(module, o);
            }
        }
        // a module's root is its shortest OID; CableLabs modules share enterprise 4491 (7 arcs)
        for (MibObject root : roots.values()) {
            Oid r = root.oid();
            treeRoots.putIfAbsent(root.tree() == MibTree.CABLELABS ? r.prefix(Math.min(7, r.size())) : r, root.tree());
        }
        treeRoots.putIfAbsent(Oid.parse(EURO_HASH).prefix(7), MibTree.EURO);
        maxOidLength = max;
        byName.replaceAll((k, v) -> List.copyOf(v));
        for (String[] row : rows(indexes)) {
            MibObject entry = byQualified.get(row[0] + "::" + row[1]);
            if (entry == null) {
                throw new IllegalStateException("pktc-indexes.tsv names unknown entry " + row[1]);
            }
            String spec = row[2].strip();
            boolean implied = spec.startsWith("IMPLIED ");
            List<IndexSpec.Component> parts = new ArrayList<>();
            for (String name : (implied ? spec.substring(8) : spec).split(",")) {
                MibObject col = byQualified.get(row[0] + "::" + name.strip());
                boolean string = col != null && col.syntax() != null && col.syntax().type() == SnmpType.OCTET_STRING;
                parts.add(new IndexSpec.Component(name.strip(), string));
            }
            indexByEntry.put(entry.oid(), new IndexSpec(entry, parts, implied));
        }
    }

    private static List<String[]> rows(InputStream in) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        return rows;
    }

    /** The registry of the bundled PacketCable MIB table, loaded on first use. */
    public static MibRegistry standard() {
        MibRegistry r = standard;
        if (r == null) {
            synchronized (MibRegistry.class) {
                r = standard;
                if (r == null) {
                    try (InputStream objects = MibRegistry.class.getResourceAsStream("pktc-objects.tsv");
                            InputStream indexes = MibRegistry.class.getResourceAsStream("pktc-indexes.tsv")) {
                        if (objects == null || indexes == null) {
                            throw new IllegalStateException("MIB resources missing from io.mtaprov.protocol.mib");
                        }
                        r = new MibRegistry(objects, indexes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = r;
                }
            }
        }
        return r;
    }

    /** The object with exactly this OID, or {@code null}. */
    public MibObject byOid(Oid oid) {
        return byOid.get(oid);
    }

    /** The deepest object whose OID is a prefix of (or equals) {@code oid}, or {@code null}. */
    public MibObject objectFor(Oid oid) {
        for (int len = Math.min(oid.size(), maxOidLength); len > 0; len--) {
            MibObject o = byOid.get(oid.prefix(len));
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /** All objects with this descriptor (one per module that defines it). */
    public List<MibObject> byName(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /**
     * The object named {@code name} ({@code MODULE::name} or a bare descriptor); for a bare name
     * defined in several trees, the one of {@code preferred}, else the first module's. {@code null}
     * if unknown.
     */
    public MibObject byName(String name, MibTree preferred) {
        int colons = name.indexOf("::");
        if (colons >= 0) {
            return byQualified.get(name);
        }
        List<MibObject> all = byName(name);
        for (MibObject o : all) {
            if (o.tree() == preferred) {
                return o;
            }
        }
        return all.isEmpty() ? null : all.get(0);
    }

    /** Whether a bare descriptor is defined in more than one module. */
    public boolean isAmbiguous(String name) {
        return byName(name).size() > 1;
    }

    /** The INDEX of the table that column {@code column} belongs to, or {@code null} if not known. */
    public IndexSpec indexOf(MibObject column) {
        return column.oid().size() < 2 ? null : indexByEntry.get(column.oid().prefix(column.oid().size() - 1));
    }

    /** Which tree {@code oid} belongs to. */
    public MibTree treeOf(Oid oid) {
        for (Map.Entry<Oid, MibTree> e : treeRoots.entrySet()) {
            if (oid.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return MibTree.OTHER;
    }

    /** The roots of the known trees (enterprise or module identity OIDs). */
    public Map<Oid, MibTree> treeRoots() {
        return Collections.unmodifiableMap(treeRoots);
    }

    /** The Euro-PacketCable configuration hash instance OID (from PROTOCOL.md; no MIB module here). */
    public static Oid euroHashOid() {
        return Oid.parse(EURO_HASH);
    }
}
