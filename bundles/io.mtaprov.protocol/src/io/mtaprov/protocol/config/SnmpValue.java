package io.mtaprov.protocol.config;

import java.util.Arrays;
import java.util.HexFormat;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.mib.Oid;
import io.mtaprov.protocol.mib.SnmpType;

/**
 * The value of an SNMP varbind (RFC 3416 section 3, RFC 2578 section 7.1): one record per wire
 * type, all immutable. BITS and binary data are {@link OctetString}s; any other BER element (NULL,
 * Opaque, a malformed INTEGER ...) is kept as {@link Other} so nothing is lost.
 */
public sealed interface SnmpValue {

    /** The BER tag on the wire. */
    int tag();

    /** Length of the BER content octets (minimal encoding). */
    int contentLength();

    /** Writes the content octets at {@code pos}; returns the position after them. */
    int writeContent(byte[] out, int pos);

    /** INTEGER / Integer32 / enumeration, tag 0x02. @param value the value */
    record Integer32(long value) implements SnmpValue {
        public int tag() { return 0x02; }
        public int contentLength() { return Ber.integerLength(value); }
        public int writeContent(byte[] out, int pos) { return Ber.writeInteger(out, pos, value, contentLength()); }
    }

    /**
     * Unsigned32/Gauge32 (0x42), Counter32 (0x41) or TimeTicks (0x43): 0 .. 2^32-1.
     * @param type the type, which selects the tag
     * @param value the value
     */
    record Unsigned(SnmpType type, long value) implements SnmpValue {
        /** Checks type and range. */
        public Unsigned {
            if (type != SnmpType.UNSIGNED32 && type != SnmpType.GAUGE32 && type != SnmpType.COUNTER32
                    && type != SnmpType.TIMETICKS) {
                throw new IllegalArgumentException("not a 32-bit unsigned type: " + type);
            }
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("value out of 0..4294967295: " + value);
            }
        }
        public int tag() { return type.berTag(); }
        public int contentLength() { return Ber.integerLength(value); }
        public int writeContent(byte[] out, int pos) { return Ber.writeInteger(out, pos, value, contentLength()); }
    }

    /** Counter64 (0x46), the value read as unsigned 64-bit. @param value the value */
    record Counter64(long value) implements SnmpValue {
        public int tag() { return 0x46; }
        public int contentLength() { return Ber.unsignedLength(value); }
        public int writeContent(byte[] out, int pos) { return Ber.writeInteger(out, pos, value, contentLength()); }
        @Override public String toString() { return "Counter64[" + Long.toUnsignedString(value) + "]"; }
    }

    /** IpAddress (0x40), 4 bytes. @param address the address bytes */
    record IpAddress(byte[] address) implements SnmpValue {
        /** Copies and checks the 4 bytes. */
        public IpAddress {
            if (address.length != 4) {
                throw new IllegalArgumentException("IpAddress needs 4 bytes");
            }
            address = address.clone();
        }
        @Override public byte[] address() { return address.clone(); }
        public int tag() { return 0x40; }
        public int contentLength() { return 4; }
        public int writeContent(byte[] out, int pos) { System.arraycopy(address, 0, out, pos, 4); return pos + 4; }
        @Override public boolean equals(Object o) { return o instanceof IpAddress i && Arrays.equals(address, i.address); }
        @Override public int hashCode() { return Arrays.hashCode(address); }
        @Override public String toString() {
            return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "." + (address[3] & 0xFF);
        }
    }

    /** OBJECT IDENTIFIER (0x06). @param oid the OID */
    record ObjectId(Oid oid) implements SnmpValue {
        public int tag() { return 0x06; }
        public int contentLength() { return oid.berContentLength(); }
        public int writeContent(byte[] out, int pos) { return oid.writeBerContent(out, pos); }
    }

    /** OCTET STRING (0x04): text, binary data or BITS. @param bytes the octets */
    record OctetString(byte[] bytes) implements SnmpValue {
        /** Copies the bytes. */
        public OctetString {
            bytes = bytes.clone();
        }
        /** An OCTET STRING of the UTF-8 bytes of {@code text}. */
        public static OctetString of(String text) {
            return new OctetString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        @Override public byte[] bytes() { return bytes.clone(); }
        /** Length in bytes. */
        public int length() { return bytes.length; }
        public int tag() { return 0x04; }
        public int contentLength() { return bytes.length; }
        public int writeContent(byte[] out, int pos) { System.arraycopy(bytes, 0, out, pos, bytes.length); return pos + bytes.length; }
        @Override public boolean equals(Object o) { return o instanceof OctetString s && Arrays.equals(bytes, s.bytes); }
        @Override public int hashCode() { return Arrays.hashCode(bytes); }
        @Override public String toString() { return "OctetString[" + HexFormat.of().formatHex(bytes) + "]"; }
    }

    /**
     * Any other element, content kept as is. @param tag the BER tag @param content content octets
     */
    record Other(int tag, byte[] content) implements SnmpValue {
        /** Copies the content. */
        public Other {
            content = content.clone();
        }
        @Override public byte[] content() { return content.clone(); }
        public int contentLength() { return content.length; }
        public int writeContent(byte[] out, int pos) { System.arraycopy(content, 0, out, pos, content.length); return pos + content.length; }
        @Override public boolean equals(Object o) { return o instanceof Other x && tag == x.tag && Arrays.equals(content, x.content); }
        @Override public int hashCode() { return 31 * tag + Arrays.hashCode(content); }
        @Override public String toString() { return "Other[" + tag + ", " + HexFormat.of().formatHex(content) + "]"; }
    }

    /**
     * Decodes the content of a value element; content that does not fit its tag's type becomes
     * {@link Other}. {@code base} is the offset of {@code pos} for error reports.
     */
    static SnmpValue decode(int tag, byte[] in, int pos, int len, int base) {
        switch (tag) {
            case 0x02:
                if (len >= 1 && len <= 8) {
                    return new Integer32(readSigned(in, pos, len));
                }
                break;
            case 0x41, 0x42, 0x43:
                if (len >= 1 && len <= 5) {
                    long v = readSigned(in, pos, len);
                    if (v >= 0 && v <= 0xFFFF_FFFFL) {
                        return new Unsigned(tag == 0x41 ? SnmpType.COUNTER32 : tag == 0x43 ? SnmpType.TIMETICKS : SnmpType.GAUGE32, v);
                    }
                }
                break;
            case 0x46:
                if (len >= 1 && len <= 9 && (len < 9 || in[pos] == 0) && (in[pos] & 0x80) == 0) {
                    long v = 0;
                    for (int i = 0; i < len; i++) {
                        v = (v << 8) | (in[pos + i] & 0xFF);
                    }
                    return new Counter64(v);
                }
                break;
            case 0x40:
                if (len == 4) {
                    return new IpAddress(Arrays.copyOfRange(in, pos, pos + 4));
                }
                break;
            case 0x06:
                try {
                    return new ObjectId(Oid.decodeBerContent(in, pos, len, base));
                } catch (DecodeException e) {
                    break;
                }
            case 0x04:
                return new OctetString(Arrays.copyOfRange(in, pos, pos + len));
            default:
                break;
        }
        return new Other(tag, Arrays.copyOfRange(in, pos, pos + len));
    }

    private static long readSigned(byte[] in, int pos, int len) {
        long v = in[pos]; // sign-extended
        for (int i = 1; i < len; i++) {
            v = (v << 8) | (in[pos + i] & 0xFF);
        }
        return v;
    }
}
