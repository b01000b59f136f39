package io.mtaprov.protocol.config;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.protocol.mib.Oid;
import io.mtaprov.protocol.mib.OidNames;

/**
 * One SNMP variable binding as a config file carries it in TLV 11 or 64: BER
 * {@code SEQUENCE { name OBJECT IDENTIFIER, value ObjectSyntax }} (RFC 3416 section 3, PKT-SP-PROV1.5
 * configuration file TLV 11). Immutable.
 *
 * @param oid the instance OID
 * @param value the value
 */
public record Varbind(Oid oid, SnmpValue value) {

    /**
     * A varbind for a MIB name with index ({@code pktcNcsEndPntConfigCallAgentId.9},
     * {@code pktcMtaDevRealmOrgName.'REALM.COM'}, {@code MODULE::name.0} or numeric), bare names
     * defined in both trees taken from {@code tree}.
     *
     * @throws IllegalArgumentException if the name is unknown or malformed
     */
    public static Varbind of(String name, MibTree tree, SnmpValue value) {
        return new Varbind(new OidNames(MibRegistry.standard()).parse(name, tree), value);
    }

    /** Length of the complete BER SEQUENCE. */
    public int encodedLength() {
        int body = bodyLength();
        return 1 + Ber.lengthSize(body) + body;
    }

    private int bodyLength() {
        int o = oid.berContentLength();
        int v = value.contentLength();
        return 1 + Ber.lengthSize(o) + o + 1 + Ber.lengthSize(v) + v;
    }

    /** The minimal BER encoding of the SEQUENCE. */
    public byte[] encode() {
        byte[] out = new byte[encodedLength()];
        writeTo(out, 0);
        return out;
    }

    /** Writes the BER SEQUENCE at {@code pos}; returns the position after it. */
    public int writeTo(byte[] out, int pos) {
        out[pos++] = 0x30;
        pos = Ber.writeLength(out, pos, bodyLength());
        out[pos++] = 0x06;
        pos = Ber.writeLength(out, pos, oid.berContentLength());
        pos = oid.writeBerContent(out, pos);
        out[pos++] = (byte) value.tag();
        pos = Ber.writeLength(out, pos, value.contentLength());
        return value.writeContent(out, pos);
    }

    /**
     * Decodes a varbind that fills exactly {@code in[pos, end)}; {@code base} is the file offset of
     * {@code in[0]} for error reports.
     */
    public static Varbind decode(byte[] in, int pos, int end, int base) throws DecodeException {
        long seq = Ber.readHeader(in, pos, end, base);
        if (in[pos] != 0x30) {
            throw new DecodeException(base + pos, "varbind is not a SEQUENCE (tag 0x" + Integer.toHexString(in[pos] & 0xFF) + ")");
        }
        int p = (int) seq;
        int seqEnd = p + (int) (seq >>> 32);
        if (seqEnd != end) {
            throw new DecodeException(base + seqEnd, (end - seqEnd) + " bytes after the varbind SEQUENCE");
        }
        long name = Ber.readHeader(in, p, seqEnd, base);
        if (in[p] != 0x06) {
            throw new DecodeException(base + p, "varbind name is not an OBJECT IDENTIFIER");
        }
        int np = (int) name;
        int nl = (int) (name >>> 32);
        Oid oid = Oid.decodeBerContent(in, np, nl, base + np);
        int vp = np + nl;
        long val = Ber.readHeader(in, vp, seqEnd, base);
        int cp = (int) val;
        int cl = (int) (val >>> 32);
        if (cp + cl != seqEnd) {
            throw new DecodeException(base + cp + cl, "bytes after the varbind value");
        }
        return new Varbind(oid, SnmpValue.decode(in[vp] & 0xFF, in, cp, cl, base + cp));
    }
}
