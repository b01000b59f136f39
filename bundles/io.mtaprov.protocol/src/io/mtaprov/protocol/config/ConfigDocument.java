package io.mtaprov.protocol.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A configuration file in its text form as the editor holds it: the TLVs of the {@code Main}
 * block with their source lines and the comments around them ({@code docsis} tool syntax, see
 * {@link ConfigText}). Comments inside TLV 38/43 blocks are not kept. Immutable.
 *
 * @param header comments before {@code Main}
 * @param entries the statements of {@code Main} in order
 * @param tail comments after the last statement, before the closing brace
 * @param footer comments after the closing brace
 */
public record ConfigDocument(List<String> header, List<Entry> entries, List<String> tail, List<String> footer) {

    /** Copies the lists. */
    public ConfigDocument {
        header = List.copyOf(header);
        entries = List.copyOf(entries);
        tail = List.copyOf(tail);
        footer = List.copyOf(footer);
    }

    /**
     * One statement.
     *
     * @param tlv the TLV it encodes
     * @param comments comments on the lines before it (with their delimiters)
     * @param trailingComment a comment after the {@code ;} on the same line, or {@code null}
     * @param line 1-based source line, or 0 for a document made from a binary file
     */
    public record Entry(ConfigTlv tlv, List<String> comments, String trailingComment, int line) {
        /** Copies the list. */
        public Entry {
            comments = List.copyOf(comments);
        }
    }

    /** A document without comments for {@code file}. */
    public static ConfigDocument of(ConfigFile file) {
        List<Entry> entries = new ArrayList<>(file.tlvs().size());
        for (ConfigTlv t : file.tlvs()) {
            entries.add(new Entry(t, List.of(), null, 0));
        }
        return new ConfigDocument(List.of(), entries, List.of(), List.of());
    }

    /** The binary file. */
    public ConfigFile toConfigFile() {
        List<ConfigTlv> tlvs = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            tlvs.add(e.tlv());
        }
        return new ConfigFile(tlvs);
    }

    /** The source line of each TLV of {@link #toConfigFile()}. */
    public int[] lines() {
        int[] lines = new int[entries.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = entries.get(i).line();
        }
        return lines;
    }
}
