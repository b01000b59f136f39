package io.mtaprov.protocol.config;

/**
 * Names and value forms of the sub-TLVs of TLV 38 (SNMPv3 notification receiver, DOCSIS RFI Annex
 * C.1.2.14) and TLV 43 (vendor-specific, sub-TLV 8 vendor OUI), as the {@code docsis} tool names
 * them ({@code SnmpV3TrapRxIP}, {@code VendorIdentifier}, ...). A value whose length does not fit
 * its form is written as a {@code GenericTLV} instead, so every sub-TLV round-trips.
 */
final class SubTlvText {
    enum Form { IP, USHORT, STRING, HEX }

    record Def(int parent, int code, String name, Form form) {
    }

    private static final Def[] DEFS = {
        new Def(38, 1, "SnmpV3TrapRxIP", Form.IP),
        new Def(38, 2, "SnmpV3TrapRxPort", Form.USHORT),
        new Def(38, 3, "SnmpV3TrapRxType", Form.USHORT),
        new Def(38, 4, "SnmpV3TrapRxTimeout", Form.USHORT),
        new Def(38, 5, "SnmpV3TrapRxRetries", Form.USHORT),
        new Def(38, 6, "SnmpV3TrapRxFilterOID", Form.HEX),
        new Def(38, 7, "SnmpV3TrapRxSecurityName", Form.STRING),
        new Def(43, 8, "VendorIdentifier", Form.HEX),
    };

    private SubTlvText() {
    }

    /** The block keyword of TLV 38 or 43. */
    static String blockName(int type) {
        return type == ConfigTlv.TYPE_NOTIFICATION_RECEIVER ? "SnmpV3TrapReceiver" : "VendorSpecific";
    }

    static Def byCode(int parent, int code) {
        for (Def d : DEFS) {
            if (d.parent == parent && d.code == code) {
                return d;
            }
        }
        return null;
    }

    static Def byName(int parent, String name) {
        for (Def d : DEFS) {
            if (d.parent == parent && d.name.equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** The statement for {@code sub} (without indentation). */
    static String format(int parent, SubTlv sub) {
        Def d = byCode(parent, sub.type());
        byte[] v = sub.value();
        if (d != null) {
            switch (d.form) {
                case IP:
                    if (v.length == 4) {
                        return d.name + " " + new SnmpValue.IpAddress(v) + ";";
                    }
                    break;
                case USHORT:
                    if (v.length == 2) {
                        return d.name + " " + sub.unsignedValue() + ";";
                    }
                    break;
                case STRING:
                    if (ValueText.printable(v)) {
                        return d.name + " " + ValueText.quote(v) + ";";
                    }
                    break;
                default:
                    if (v.length > 0) {
                        return d.name + " " + ValueText.hex(v) + ";";
                    }
                    break;
            }
        }
        return generic(sub.type(), v);
    }

    /** The {@code GenericTLV} statement for any TLV. */
    static String generic(int code, byte[] value) {
        return "GenericTLV TlvCode " + code + " TlvLength " + value.length + " TlvValue " + ValueText.hex(value) + ";";
    }

    /** The value bytes of a named sub-TLV statement. */
    static byte[] parse(Def d, TextLexer.Token token) {
        return switch (d.form) {
            case IP -> ValueText.parseIp(token.text());
            case USHORT -> {
                long v = ValueText.parseLong(token.text(), 0, 0xFFFF);
                yield new byte[] { (byte) (v >>> 8), (byte) v };
            }
            case STRING -> {
                if (token.kind() != TextLexer.Kind.STRING) {
                    throw new IllegalArgumentException(d.name + " needs a double-quoted string");
                }
                yield token.bytes();
            }
            case HEX -> ValueText.parseHex(token.text());
        };
    }
}
