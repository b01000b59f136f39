package io.mtaprov.server.mps;

import io.mtaprov.core.provisioning.DeviceClass;
import io.mtaprov.protocol.config.ConfigDocument;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.Finding;
import io.mtaprov.protocol.mib.MibTree;
import java.util.List;

/**
 * A config file generated in step 5: the rendered text, its document (TLV to line), the binary
 * file (with the hash TLV in the Basic flow only), the SHA-1 of the file as stored (what the step-7
 * SET carries) and the validator's findings. Immutable apart from the arrays, which are not handed out.
 *
 * @param deviceClass the class whose template was used
 * @param tree        the MIB tree of the names
 * @param text        the rendered text form
 * @param document    the parsed text (source lines of each TLV)
 * @param file        the binary file as stored
 * @param findings    ConfigValidator findings (no errors, or it would not have been built)
 */
record GeneratedConfig(DeviceClass deviceClass, MibTree tree, String text, ConfigDocument document, ConfigFile file,
        List<Finding> findings) {

    byte[] bytes() {
        return file.encode();
    }

    /** The 1-based line of the text that sets {@code oid}, 0 if none. */
    int lineOf(io.mtaprov.protocol.mib.Oid oid) {
        for (ConfigDocument.Entry e : document.entries()) {
            if (e.tlv() instanceof io.mtaprov.protocol.config.VarbindTlv v && v.oid().equals(oid)) {
                return e.line();
            }
        }
        return 0;
    }

    /** The text of a 1-based line, stripped, or "". */
    String line(int n) {
        String[] lines = text.split("\n", -1);
        return n >= 1 && n <= lines.length ? lines[n - 1].strip() : "";
    }
}
