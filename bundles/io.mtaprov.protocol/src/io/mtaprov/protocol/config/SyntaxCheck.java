package io.mtaprov.protocol.config;

import io.mtaprov.protocol.mib.MibObject;
import io.mtaprov.protocol.mib.MibSyntax;
import io.mtaprov.protocol.mib.SnmpType;

/**
 * Checks a varbind value against its object's SYNTAX (RFC 2578 section 7.1: base type,
 * enumeration, range, SIZE, BITS). Returns a message for the first problem, or {@code null}.
 */
final class SyntaxCheck {
    private SyntaxCheck() {
    }

    static String check(MibObject o, SnmpValue v) {
        MibSyntax s = o.syntax();
        SnmpType type = s.type();
        if (v.tag() != type.berTag()) {
            return o.name() + " is " + typeName(type) + " but the value is " + tagName(v.tag());
        }
        switch (v) {
            case SnmpValue.Integer32 i -> {
                if (s.isEnumeration()) {
                    return s.nameOf(i.value()) != null ? null
                            : o.name() + " = " + i.value() + " is not one of " + s.namedNumbers();
                }
                if (i.value() < Integer.MIN_VALUE || i.value() > Integer.MAX_VALUE) {
                    return o.name() + " = " + i.value() + " is outside Integer32";
                }
                return s.inRanges(i.value()) ? null : o.name() + " = " + i.value() + " is outside " + s.rangeText();
            }
            case SnmpValue.Unsigned u -> {
                return s.inRanges(u.value()) ? null : o.name() + " = " + u.value() + " is outside " + s.rangeText();
            }
            case SnmpValue.OctetString str -> {
                if (type == SnmpType.BITS) {
                    return bits(o, s, str.bytes());
                }
                return s.inRanges(str.length()) ? null
                        : o.name() + " has " + str.length() + " bytes, SIZE must be " + s.rangeText();
            }
            case SnmpValue.Other x -> {
                return "the " + tagName(x.tag()) + " value of " + o.name() + " is malformed";
            }
            default -> {
                return null;
            }
        }
    }

    private static String bits(MibObject o, MibSyntax s, byte[] b) {
        long max = -1;
        for (long bit : s.namedNumbers().values()) {
            max = Math.max(max, bit);
        }
        if (b.length > max / 8 + 1) {
            return o.name() + " BITS value has " + b.length + " bytes, at most " + (max / 8 + 1);
        }
        for (int i = 0; i < b.length * 8; i++) {
            if ((b[i / 8] & (0x80 >>> (i % 8))) != 0 && s.nameOf(i) == null) {
                return o.name() + " sets bit " + i + ", which is not named in the MIB";
            }
        }
        return null;
    }

    static String typeName(SnmpType t) {
        return switch (t) {
            case INTEGER -> "INTEGER";
            case UNSIGNED32 -> "Unsigned32";
            case GAUGE32 -> "Gauge32";
            case COUNTER32 -> "Counter32";
            case COUNTER64 -> "Counter64";
            case TIMETICKS -> "TimeTicks";
            case IPADDRESS -> "IpAddress";
            case OBJECT_IDENTIFIER -> "OBJECT IDENTIFIER";
            case OCTET_STRING -> "OCTET STRING";
            case BITS -> "BITS";
        };
    }

    static String tagName(int tag) {
        return switch (tag) {
            case 0x02 -> "INTEGER";
            case 0x04 -> "OCTET STRING";
            case 0x05 -> "NULL";
            case 0x06 -> "OBJECT IDENTIFIER";
            case 0x40 -> "IpAddress";
            case 0x41 -> "Counter32";
            case 0x42 -> "Gauge32/Unsigned32";
            case 0x43 -> "TimeTicks";
            case 0x44 -> "Opaque";
            case 0x46 -> "Counter64";
            default -> "tag 0x" + Integer.toHexString(tag);
        };
    }
}
