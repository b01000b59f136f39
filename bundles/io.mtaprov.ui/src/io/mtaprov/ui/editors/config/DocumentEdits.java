package io.mtaprov.ui.editors.config;

import io.mtaprov.protocol.config.ConfigDocument;
import io.mtaprov.protocol.config.ConfigDocument.Entry;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.config.ConfigTlv;
import io.mtaprov.protocol.config.DelimiterTlv;
import io.mtaprov.protocol.config.HashDialect;
import io.mtaprov.protocol.config.VarbindTlv;
import io.mtaprov.protocol.mib.MibRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits of a {@link ConfigDocument} that keep its comments: one TLV replaced, the hash TLV
 * (re)computed as {@link ConfigHash#withHash} does. Pure functions.
 */
final class DocumentEdits {
    private DocumentEdits() {
    }

    /** {@code doc} with TLV {@code index} replaced; a generated label comment ({@code /* true *&#47;}) is dropped. */
    static ConfigDocument replace(ConfigDocument doc, int index, ConfigTlv tlv) {
        List<Entry> entries = new ArrayList<>(doc.entries());
        Entry old = entries.get(index);
        String trailing = old.trailingComment();
        if (trailing != null && trailing.matches("/\\*\\s*[A-Za-z][\\w-]*\\s*\\*/")) {
            trailing = null; // the printer regenerates the enumeration label
        }
        entries.set(index, new Entry(tlv, old.comments(), trailing, old.line()));
        return new ConfigDocument(doc.header(), entries, doc.tail(), doc.footer());
    }

    /**
     * {@code doc} with every hash TLV removed and a fresh one of {@code dialect} placed immediately
     * before the last end delimiter.
     *
     * @throws IllegalArgumentException if there is no end delimiter
     */
    static ConfigDocument withHash(ConfigDocument doc, HashDialect dialect) {
        List<Entry> kept = new ArrayList<>(doc.entries().size() + 1);
        List<ConfigTlv> tlvs = new ArrayList<>(doc.entries().size());
        int end = -1;
        for (Entry e : doc.entries()) {
            if (!ConfigHash.isHashTlv(e.tlv())) {
                if (e.tlv() instanceof DelimiterTlv d && d.isEnd()) {
                    end = kept.size();
                }
                kept.add(e);
                tlvs.add(e.tlv());
            }
        }
        if (end < 0) {
            throw new IllegalArgumentException("the file has no end delimiter (MtaConfigDelimiter 255)");
        }
        VarbindTlv hash = ConfigHash.hashTlv(dialect, ConfigHash.sha1(new ConfigFile(tlvs).encode()));
        kept.add(end, new Entry(hash, List.of(), null, 0));
        return new ConfigDocument(doc.header(), kept, doc.tail(), doc.footer());
    }

    /** The dialect of the file's hash TLV, else of the tree its varbinds use, else CableLabs. */
    static HashDialect dialectOf(ConfigDocument doc) {
        for (Entry e : doc.entries()) {
            if (e.tlv() instanceof VarbindTlv v && HashDialect.of(v.oid()) != null) {
                return HashDialect.of(v.oid());
            }
        }
        for (Entry e : doc.entries()) {
            if (e.tlv() instanceof VarbindTlv v) {
                return HashDialect.of(MibRegistry.standard().treeOf(v.oid()));
            }
        }
        return HashDialect.CABLELABS;
    }
}
