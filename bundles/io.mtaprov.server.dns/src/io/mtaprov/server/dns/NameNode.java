package io.mtaprov.server.dns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Record;

/**
 * The records of one owner name, grouped by type (RRsets, RFC 2181 section 5). Immutable: the
 * arrays it hands out are shared and must not be modified; lookups allocate nothing.
 */
final class NameNode {
    static final Record[] NONE = new Record[0];

    private final int[] types;
    private final Record[][] rrsets;
    private final Record[] all;

    private NameNode(int[] types, Record[][] rrsets, Record[] all) {
        this.types = types;
        this.rrsets = rrsets;
        this.all = all;
    }

    /** Groups the records by type, keeping their order and dropping exact duplicates. */
    static NameNode of(List<Record> records) {
        Map<Integer, List<Record>> byType = new LinkedHashMap<>();
        List<Record> all = new ArrayList<>();
        for (Record r : records) {
            List<Record> set = byType.computeIfAbsent(r.getType(), t -> new ArrayList<>());
            if (!set.contains(r)) {
                set.add(r);
                all.add(r);
            }
        }
        int[] types = new int[byType.size()];
        Record[][] rrsets = new Record[byType.size()][];
        int i = 0;
        for (Map.Entry<Integer, List<Record>> e : byType.entrySet()) {
            types[i] = e.getKey();
            rrsets[i++] = e.getValue().toArray(NONE);
        }
        return new NameNode(types, rrsets, all.toArray(NONE));
    }

    /** The RRset of this type, or an empty array. */
    Record[] get(int type) {
        for (int i = 0; i < types.length; i++) {
            if (types[i] == type) {
                return rrsets[i];
            }
        }
        return NONE;
    }

    /** Every record of the name (for QTYPE ANY). */
    Record[] all() {
        return all;
    }
}
