package io.mtaprov.ui.editors.config;

import java.util.Locale;

/**
 * The two on-disk forms of an MTA configuration file: the binary TLV file the MTA fetches by TFTP
 * ({@code .bin}, {@code .cfg}) and the {@code docsis} tool's text form ({@code .txt}, {@code .conf}).
 */
public enum ConfigFormat {
    /** Binary TLVs, beginning {@code FE 01 01}. */
    BINARY,
    /** The {@code docsis} text form, UTF-8. */
    TEXT;

    /** The format a file name suggests: {@code .txt}/{@code .conf} are text, anything else binary. */
    public static ConfigFormat ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".conf") ? TEXT : BINARY;
    }

    /** The format of {@code content}: binary if it begins with the delimiter TLV type 0xFE. */
    public static ConfigFormat sniff(byte[] content, ConfigFormat byName) {
        if (content.length > 0 && (content[0] & 0xFF) == 0xFE) {
            return BINARY;
        }
        if (byName == BINARY && content.length > 0 && content[0] >= 0x09 && content[0] < 0x7F) {
            return TEXT; // a .cfg that is really text: trust the content
        }
        return byName;
    }

    /** FileDialog filter patterns of this format. */
    String[] filterExtensions() {
        return this == BINARY ? new String[] {"*.bin;*.cfg", "*.*"} : new String[] {"*.txt;*.conf", "*.*"};
    }
}
