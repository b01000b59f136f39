package io.mtaprov.protocol.config;

import java.util.HexFormat;

import io.mtaprov.protocol.mib.MibObject;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.protocol.mib.OidNames;
import io.mtaprov.protocol.mib.SnmpType;

/**
 * Text of varbind values in the {@code docsis} tool's {@code SnmpMibObject} statement: the type
 * keyword (Integer, Unsigned32, Gauge32, Counter32, Counter64, TimeTicks, IPAddress, ObjectID,
 * String, HexString) and the value. Parsing throws {@link IllegalArgumentException} with a reason.
 */
final class ValueText {
    private static final HexFormat HEX = HexFormat.of();

    private ValueText() {
    }

    /** {@code "Type value"}, or {@code null} if the value has no such form ({@link SnmpValue.Other}). */
    static String format(SnmpValue value, MibObject object) {
        SnmpType mibType = object != null && object.syntax() != null ? object.syntax().type() : null;
        return switch (value) {
            case SnmpValue.Integer32 i -> "Integer " + i.value();
            case SnmpValue.Unsigned u -> switch (u.type()) {
                case COUNTER32 -> "Counter32 " + u.value();
                case TIMETICKS -> "TimeTicks " + u.value();
                default -> (mibType == SnmpType.UNSIGNED32 ? "Unsigned32 " : "Gauge32 ") + u.value();
            };
            case SnmpValue.Counter64 c -> "Counter64 " + Long.toUnsignedString(c.value());
            case SnmpValue.IpAddress a -> "IPAddress " + a;
            case SnmpValue.ObjectId o -> "ObjectID ." + o.oid();
            case SnmpValue.OctetString s -> mibType != SnmpType.BITS && printable(s.bytes())
                    ? "String " + quote(s.bytes()) : "HexString " + hex(s.bytes());
            case SnmpValue.Other x -> null;
        };
    }

    /** Parses {@code text} as a value of the docsis type {@code type}. */
    static SnmpValue parse(String type, TextLexer.Token token, OidNames names, MibTree tree) {
        String t = token.text();
        switch (type.toLowerCase(java.util.Locale.ROOT)) {
            case "integer":
                return new SnmpValue.Integer32(parseLong(t, Long.MIN_VALUE, Long.MAX_VALUE));
            case "unsigned32":
                return new SnmpValue.Unsigned(SnmpType.UNSIGNED32, parseLong(t, 0, 0xFFFF_FFFFL));
            case "gauge32":
                return new SnmpValue.Unsigned(SnmpType.GAUGE32, parseLong(t, 0, 0xFFFF_FFFFL));
            case "counter32":
                return new SnmpValue.Unsigned(SnmpType.COUNTER32, parseLong(t, 0, 0xFFFF_FFFFL));
            case "timeticks":
                return new SnmpValue.Unsigned(SnmpType.TIMETICKS, parseLong(t, 0, 0xFFFF_FFFFL));
            case "counter64":
                requireDigits(t);
                return new SnmpValue.Counter64(Long.parseUnsignedLong(t));
            case "ipaddress":
                return new SnmpValue.IpAddress(parseIp(t));
            case "objectid":
                return new SnmpValue.ObjectId(names.parse(t, tree));
            case "string":
                if (token.kind() != TextLexer.Kind.STRING) {
                    throw new IllegalArgumentException("String value must be in double quotes");
                }
                return new SnmpValue.OctetString(token.bytes());
            case "hexstring":
                return new SnmpValue.OctetString(parseHex(t));
            default:
                throw new IllegalArgumentException("unknown value type " + type);
        }
    }

    static boolean printable(byte[] b) {
        for (byte x : b) {
            if (x < 0x20 || x > 0x7E) {
                return false;
            }
        }
        return true;
    }

    static String quote(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length + 2).append('"');
        for (byte x : b) {
            char c = (char) x;
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    static String hex(byte[] b) {
        return "0x" + HEX.formatHex(b);
    }

    static byte[] parseHex(String t) {
        if (!t.startsWith("0x") && !t.startsWith("0X")) {
            throw new IllegalArgumentException("hex value must start with 0x: " + t);
        }
        if ((t.length() & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + t);
        }
        byte[] out = new byte[(t.length() - 2) / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(t.charAt(2 + 2 * i), 16);
            int lo = Character.digit(t.charAt(3 + 2 * i), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("bad hex digit in " + t);
            }
            out[i] = (byte) (hi * 16 + lo);
        }
        return out;
    }

    static long parseLong(String t, long min, long max) {
        int start = t.startsWith("-") ? 1 : 0;
        requireDigits(t.substring(start));
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number out of range: " + t);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("number out of " + min + ".." + max + ": " + t);
        }
        return v;
    }

    private static void requireDigits(String t) {
        if (t.isEmpty() || t.length() > 20) {
            throw new IllegalArgumentException("not a number: " + t);
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                throw new IllegalArgumentException("not a number: " + t);
            }
        }
    }

    static byte[] parseIp(String t) {
        byte[] out = new byte[4];
        int n = 0;
        int v = -1;
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : '.';
            if (c == '.') {
                if (v < 0 || n >= 4) {
                    throw new IllegalArgumentException("bad IPv4 address " + t);
                }
                out[n++] = (byte) v;
                v = -1;
            } else if (c >= '0' && c <= '9' && v < 256) {
                v = (v < 0 ? 0 : v * 10) + (c - '0');
                if (v > 255) {
                    throw new IllegalArgumentException("bad IPv4 address " + t);
                }
            } else {
                throw new IllegalArgumentException("bad IPv4 address " + t);
            }
        }
        if (n != 4) {
            throw new IllegalArgumentException("bad IPv4 address " + t);
        }
        return out;
    }
}
