package io.mtaprov.protocol.config;

import java.util.List;

import io.mtaprov.protocol.mib.MibObject;
import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.protocol.mib.OidNames;

/**
 * Writes a {@link ConfigDocument} in the {@code docsis} tool's syntax (see {@link ConfigText}).
 * Varbinds whose BER is not minimal, or whose value has no typed form, are written as
 * {@code GenericTLV} so the bytes survive the text form. Thread-safe.
 */
final class ConfigTextPrinter {
    private static final String INDENT = "    ";
    private final MibRegistry mib;
    private final OidNames names;
    private final MibTree tree;

    ConfigTextPrinter(MibRegistry mib, MibTree tree) {
        this.mib = mib;
        this.names = new OidNames(mib);
        this.tree = tree;
    }

    String print(ConfigDocument doc) {
        StringBuilder sb = new StringBuilder(64 + doc.entries().size() * 64);
        lines(sb, doc.header(), "");
        sb.append("Main\n{\n");
        for (ConfigDocument.Entry e : doc.entries()) {
            lines(sb, e.comments(), INDENT);
            sb.append(INDENT);
            String trailing = statement(sb, e.tlv());
            String comment = e.trailingComment() != null ? e.trailingComment() : trailing;
            if (comment != null) {
                sb.append(' ').append(comment);
            }
            sb.append('\n');
        }
        lines(sb, doc.tail(), INDENT);
        sb.append("}\n");
        lines(sb, doc.footer(), "");
        return sb.toString();
    }

    private static void lines(StringBuilder sb, List<String> comments, String indent) {
        for (String c : comments) {
            sb.append(indent).append(c).append('\n');
        }
    }

    /** Appends the statement; returns a generated trailing comment (enumeration label) or null. */
    private String statement(StringBuilder sb, ConfigTlv tlv) {
        switch (tlv) {
            case DelimiterTlv d -> sb.append("MtaConfigDelimiter ").append(d.value()).append(';');
            case VarbindTlv v -> {
                MibObject o = mib.objectFor(v.oid());
                String value = v.isMinimalBer() ? ValueText.format(v.value(), o) : null;
                if (value == null) {
                    sb.append(SubTlvText.generic(v.type(), v.ber()));
                    return null;
                }
                boolean explicitLong = v.type() == ConfigTlv.TYPE_SNMP_LONG && v.valueLength() <= 0xFF;
                sb.append(explicitLong ? "SnmpMibObjectLong " : "SnmpMibObject ")
                        .append(names.format(v.oid(), tree)).append(' ').append(value).append(';');
                if (o != null && o.syntax() != null && o.syntax().isEnumeration() && v.value() instanceof SnmpValue.Integer32 i
                        && o.oid().size() < v.oid().size()) {
                    String label = o.syntax().nameOf(i.value());
                    return label == null ? null : "/* " + label + " */";
                }
            }
            case AggregateTlv a -> {
                sb.append(SubTlvText.blockName(a.type())).append('\n').append(INDENT).append("{\n");
                for (SubTlv s : a.subTlvs()) {
                    sb.append(INDENT).append(INDENT).append(SubTlvText.format(a.type(), s)).append('\n');
                }
                sb.append(INDENT).append('}');
            }
            case RawTlv r -> sb.append(SubTlvText.generic(r.type(), r.value()));
        }
        return null;
    }
}
