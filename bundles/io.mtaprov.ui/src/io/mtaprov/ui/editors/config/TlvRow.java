package io.mtaprov.ui.editors.config;

import io.mtaprov.protocol.config.AggregateTlv;
import io.mtaprov.protocol.config.ConfigDocument;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.config.ConfigText;
import io.mtaprov.protocol.config.ConfigTlv;
import io.mtaprov.protocol.config.DelimiterTlv;
import io.mtaprov.protocol.config.RawTlv;
import io.mtaprov.protocol.config.SnmpValue;
import io.mtaprov.protocol.config.VarbindTlv;
import io.mtaprov.protocol.mib.MibObject;
import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibSyntax;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.protocol.mib.OidNames;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One top-level TLV as the Structure page shows it: index and byte offset in the file, the TLV
 * type and statement name, the MIB object name with its index, the MIB SYNTAX, the docsis value
 * type and the value literal (as the Text page writes it), and the sub-TLV statements of TLV
 * 38/43. Built from a {@link ConfigDocument} by {@link #of}. Immutable.
 *
 * @param index position in the file
 * @param offset byte offset in the encoded file
 * @param length encoded length in bytes
 * @param tlv the TLV
 * @param label type number and statement name
 * @param object MIB name with index, or empty
 * @param syntax the object's SYNTAX, or empty
 * @param type docsis value type (Integer, String ...), or {@code null} if the value is not editable
 * @param literal the value as written in the text form, or {@code null}
 * @param display the value shown (literal plus enumeration label, or hex)
 * @param children sub-TLV statements (TLV 38/43)
 */
record TlvRow(int index, int offset, int length, ConfigTlv tlv, String label, String object, String syntax, String type,
        String literal, String display, List<String> children) {

    /** The rows of {@code doc}. */
    static List<TlvRow> of(ConfigDocument doc) {
        ConfigFile file = doc.toConfigFile();
        int[] offsets = file.offsets();
        MibRegistry mib = MibRegistry.standard();
        OidNames names = new OidNames(mib);
        List<TlvRow> rows = new ArrayList<>(offsets.length);
        for (int i = 0; i < offsets.length; i++) {
            ConfigTlv t = file.tlvs().get(i);
            int at = offsets[i];
            int len = t.encodedLength();
            String label = t.type() + " " + statementName(t);
            rows.add(switch (t) {
                case DelimiterTlv d -> new TlvRow(i, at, len, t, label, "", "", null, null,
                        d.value() + (d.isBegin() ? " (begin)" : d.isEnd() ? " (end)" : ""), List.of());
                case VarbindTlv v -> varbind(i, at, len, v, label, mib, names);
                case AggregateTlv a -> new TlvRow(i, at, len, t, label, "", "", null, null,
                        a.vendorOui() != null ? "OUI " + a.vendorOui() : a.subTlvs().size() + " sub-TLVs", subStatements(t));
                case RawTlv r -> new TlvRow(i, at, len, t, label, "", "", null, null, "0x" + HexFormat.of().formatHex(r.value()),
                        List.of());
            });
        }
        return rows;
    }

    private static TlvRow varbind(int i, int at, int len, VarbindTlv v, String tlvLabel, MibRegistry mib, OidNames names) {
        MibObject o = mib.objectFor(v.oid());
        String object = names.format(v.oid(), MibTree.CABLELABS);
        String label = tlvLabel + (ConfigHash.isHashTlv(v) ? " (hash)" : "");
        String syntax = o == null || o.syntax() == null ? "" : syntaxText(o.syntax());
        String[] parts = typeAndLiteral(statements(v).get(0));
        if (parts == null) {
            return new TlvRow(i, at, len, v, label, object, syntax, null, null, "0x" + HexFormat.of().formatHex(v.ber()), List.of());
        }
        String display = parts[1];
        if (o != null && o.syntax() != null && o.syntax().isEnumeration() && v.value() instanceof SnmpValue.Integer32 x
                && o.syntax().nameOf(x.value()) != null) {
            display += " (" + o.syntax().nameOf(x.value()) + ")";
        }
        return new TlvRow(i, at, len, v, label, object, syntax, parts[0], parts[1], display, List.of());
    }

    /** A SYNTAX as the MIB writes it: {@code INTEGER {true(1), false(2)}}, {@code OCTET_STRING (1..64)}. */
    static String syntaxText(MibSyntax s) {
        if (s.namedNumbers().isEmpty()) {
            return s.toString();
        }
        StringBuilder sb = new StringBuilder(s.type().name()).append(" {");
        s.namedNumbers().forEach((name, value) -> sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ", ")
                .append(name).append('(').append(value).append(')'));
        return sb.append('}').toString();
    }

    /** The statement name the text form uses for a TLV. */
    static String statementName(ConfigTlv t) {
        return switch (t.type()) {
            case ConfigTlv.TYPE_DELIMITER -> "MtaConfigDelimiter";
            case ConfigTlv.TYPE_SNMP -> t instanceof VarbindTlv ? "SnmpMibObject" : "GenericTLV";
            case ConfigTlv.TYPE_SNMP_LONG -> t instanceof VarbindTlv ? "SnmpMibObjectLong" : "GenericTLV";
            case ConfigTlv.TYPE_NOTIFICATION_RECEIVER -> t instanceof AggregateTlv ? "SnmpV3TrapReceiver" : "GenericTLV";
            case ConfigTlv.TYPE_VENDOR_SPECIFIC -> t instanceof AggregateTlv ? "VendorSpecific" : "GenericTLV";
            default -> "GenericTLV";
        };
    }

    /** The text-form lines of one TLV (the printer's own output, so names and values match the Text page). */
    static List<String> statements(ConfigTlv t) {
        ConfigDocument one = new ConfigDocument(List.of(), List.of(new ConfigDocument.Entry(t, List.of(), null, 0)), List.of(),
                List.of());
        String[] lines = ConfigText.print(one).split("\n");
        List<String> out = new ArrayList<>();
        for (int i = 2; i < lines.length - 1; i++) { // skip "Main", "{" and the closing "}"
            out.add(lines[i].strip());
        }
        return out;
    }

    private static List<String> subStatements(ConfigTlv t) {
        List<String> out = new ArrayList<>();
        for (String s : statements(t)) {
            if (!s.equals("{") && !s.equals("}") && !s.equals(statementName(t))) {
                out.add(s);
            }
        }
        return out;
    }

    /** {@code [type, literal]} of a {@code SnmpMibObject name Type literal;} line, or {@code null}. */
    static String[] typeAndLiteral(String statement) {
        if (!statement.startsWith("SnmpMibObject")) {
            return null;
        }
        int sp1 = statement.indexOf(' ');
        int sp2 = statement.indexOf(' ', sp1 + 1);
        int sp3 = statement.indexOf(' ', sp2 + 1);
        if (sp1 < 0 || sp2 < 0 || sp3 < 0) {
            return null;
        }
        String rest = statement.substring(sp3 + 1);
        int end;
        if (rest.startsWith("\"")) {
            int j = 1;
            while (j < rest.length() && rest.charAt(j) != '"') {
                j += rest.charAt(j) == '\\' ? 2 : 1;
            }
            end = Math.min(rest.length(), j + 1);
        } else {
            end = rest.indexOf(';');
        }
        return end < 0 ? null : new String[] {statement.substring(sp2 + 1, sp3), rest.substring(0, end)};
    }
}
