package io.mtaprov.protocol.config;

import java.util.ArrayList;
import java.util.List;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.protocol.mib.Oid;
import io.mtaprov.protocol.mib.OidNames;

/**
 * Recursive-descent parser of the config text form (see {@link ConfigText} for the grammar). One
 * instance per parse; errors are {@link DecodeException}s whose offset is the 1-based line.
 */
final class ConfigTextParser {
    private final TextLexer lexer;
    private final OidNames names;
    private final MibTree tree;
    private TextLexer.Token tok;
    private final List<String> pending = new ArrayList<>();
    private int lastSemiLine = -1;
    private List<ConfigDocument.Entry> entries;

    ConfigTextParser(String text, OidNames names, MibTree tree) {
        this.lexer = new TextLexer(text);
        this.names = names;
        this.tree = tree;
    }

    ConfigDocument parse() throws DecodeException {
        advance();
        List<String> header = takeComments();
        if (tok.kind() != TextLexer.Kind.WORD || !tok.text().equals("Main")) {
            throw error("expected Main");
        }
        advance();
        expect(TextLexer.Kind.LBRACE, "{");
        entries = new ArrayList<>();
        while (true) {
            attachTrailing();
            if (tok.kind() == TextLexer.Kind.COMMENT) {
                pending.add(tok.text());
                advance();
            } else if (tok.kind() == TextLexer.Kind.RBRACE) {
                break;
            } else if (tok.kind() == TextLexer.Kind.EOF) {
                throw error("missing } at end of Main");
            } else {
                int line = tok.line();
                List<String> comments = List.copyOf(pending);
                pending.clear();
                entries.add(new ConfigDocument.Entry(statement(), comments, null, line));
            }
        }
        List<String> tail = takeComments();
        advance();
        List<String> footer = takeComments();
        if (tok.kind() != TextLexer.Kind.EOF) {
            throw error("text after the end of Main");
        }
        return new ConfigDocument(header, entries, tail, footer);
    }

    private void attachTrailing() throws DecodeException {
        if (tok.kind() == TextLexer.Kind.COMMENT && tok.line() == lastSemiLine && !entries.isEmpty()) {
            ConfigDocument.Entry last = entries.get(entries.size() - 1);
            if (last.trailingComment() == null) {
                entries.set(entries.size() - 1, new ConfigDocument.Entry(last.tlv(), last.comments(), tok.text(), last.line()));
                advance();
            }
        }
    }

    private List<String> takeComments() throws DecodeException {
        List<String> out = new ArrayList<>(pending);
        pending.clear();
        while (tok.kind() == TextLexer.Kind.COMMENT) {
            out.add(tok.text());
            advance();
        }
        return out;
    }

    private ConfigTlv statement() throws DecodeException {
        TextLexer.Token start = tok;
        String keyword = word("a statement");
        try {
            return switch (keyword) {
                case "MtaConfigDelimiter" -> end(new DelimiterTlv((int) ValueText.parseLong(word("a value"), 0, 255)));
                case "SnmpMibObject", "SnmpMibObjectLong" -> snmp(keyword.endsWith("Long"));
                case "GenericTLV" -> end(generic(-1));
                case "SnmpV3TrapReceiver" -> aggregate(ConfigTlv.TYPE_NOTIFICATION_RECEIVER);
                case "VendorSpecific" -> aggregate(ConfigTlv.TYPE_VENDOR_SPECIFIC);
                default -> throw new DecodeException(start.line(), "unknown statement " + keyword);
            };
        } catch (IllegalArgumentException e) {
            throw new DecodeException(start.line(), e.getMessage());
        }
    }

    private ConfigTlv snmp(boolean forceLong) throws DecodeException {
        Oid oid = names.parse(word("an OID"), tree);
        oid.berContentLength(); // rejects OIDs BER cannot carry
        String type = word("a value type");
        TextLexer.Token value = tok;
        if (value.kind() != TextLexer.Kind.WORD && value.kind() != TextLexer.Kind.STRING) {
            throw error("expected a value");
        }
        advance();
        Varbind v = new Varbind(oid, ValueText.parse(type, value, names, tree));
        return end(forceLong ? VarbindTlv.of(ConfigTlv.TYPE_SNMP_LONG, v) : VarbindTlv.of(v));
    }

    /** GenericTLV TlvCode n TlvLength l TlvValue 0x..; {@code parent} -1 for top level. */
    private ConfigTlv generic(int parent) throws DecodeException {
        keyword("TlvCode");
        int code = (int) ValueText.parseLong(word("a TLV code"), 0, 255);
        keyword("TlvLength");
        long len = ValueText.parseLong(word("a TLV length"), 0, 0xFFFF);
        keyword("TlvValue");
        byte[] value = ValueText.parseHex(word("a hex value"));
        if (value.length != len) {
            throw error("TlvLength " + len + " but TlvValue has " + value.length + " bytes");
        }
        if (parent >= 0) {
            return new AggregateTlv(parent, List.of(new SubTlv(code, value)));
        }
        return new RawTlv(code, value);
    }

    private ConfigTlv aggregate(int type) throws DecodeException {
        expect(TextLexer.Kind.LBRACE, "{");
        List<SubTlv> subs = new ArrayList<>();
        while (true) {
            while (tok.kind() == TextLexer.Kind.COMMENT) {
                advance();
            }
            if (tok.kind() == TextLexer.Kind.RBRACE) {
                lastSemiLine = tok.line();
                advance();
                return new AggregateTlv(type, subs);
            }
            int line = tok.line();
            String name = word("a sub-TLV");
            try {
                if (name.equals("GenericTLV")) {
                    subs.add(((AggregateTlv) generic(type)).subTlvs().get(0));
                } else {
                    SubTlvText.Def d = SubTlvText.byName(type, name);
                    if (d == null) {
                        throw error("unknown " + SubTlvText.blockName(type) + " setting " + name);
                    }
                    subs.add(new SubTlv(d.code(), SubTlvText.parse(d, tok)));
                    advance();
                }
            } catch (IllegalArgumentException e) {
                throw new DecodeException(line, e.getMessage());
            }
            expect(TextLexer.Kind.SEMI, ";");
        }
    }

    private ConfigTlv end(ConfigTlv tlv) throws DecodeException {
        if (tok.kind() != TextLexer.Kind.SEMI) {
            throw error("expected ;");
        }
        lastSemiLine = tok.line();
        advance();
        return tlv;
    }

    private void keyword(String k) throws DecodeException {
        if (!word(k).equals(k)) {
            throw error("expected " + k);
        }
    }

    private String word(String what) throws DecodeException {
        if (tok.kind() != TextLexer.Kind.WORD) {
            throw error("expected " + what);
        }
        String t = tok.text();
        advance();
        return t;
    }

    private void expect(TextLexer.Kind kind, String text) throws DecodeException {
        if (tok.kind() != kind) {
            throw error("expected " + text);
        }
        advance();
    }

    private void advance() throws DecodeException {
        tok = lexer.next();
    }

    private DecodeException error(String reason) {
        return new DecodeException(tok.line(), reason + (tok.kind() == TextLexer.Kind.EOF ? " at end of text" : " near '" + abbreviate(tok.text()) + "'"));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
