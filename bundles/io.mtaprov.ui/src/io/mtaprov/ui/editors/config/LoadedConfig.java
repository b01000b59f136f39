package io.mtaprov.ui.editors.config;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * What the load Job hands to the UI thread: the format found and the text form of the file, or
 * the reason it cannot be shown (unreadable, broken TLV framing). Immutable.
 *
 * @param format the format of the content
 * @param text the docsis text form, or {@code null} if {@code error} is set
 * @param error why the file cannot be edited, or {@code null}
 */
record LoadedConfig(ConfigFormat format, String text, String error) {

    /** Reads and converts {@code input}: file I/O and decoding, never on the UI thread. */
    static LoadedConfig read(ConfigFileEditorInput input) {
        byte[] content;
        try {
            content = input.path() != null ? Files.readAllBytes(input.path()) : input.bytes();
        } catch (IOException e) {
            return new LoadedConfig(input.nameFormat(), null, e.toString());
        }
        ConfigFormat format = ConfigFormat.sniff(content, input.nameFormat());
        MibNames.all(); // warm the MIB tables for completion and printing off the UI thread
        if (format == ConfigFormat.TEXT) {
            return new LoadedConfig(format, new String(content, StandardCharsets.UTF_8), null);
        }
        try {
            return new LoadedConfig(format, ConfigText.print(ConfigFile.decode(content)), null);
        } catch (DecodeException e) {
            return new LoadedConfig(format, null, e.getMessage());
        }
    }
}
