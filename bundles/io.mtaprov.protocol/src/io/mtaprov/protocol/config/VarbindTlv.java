package io.mtaprov.protocol.config;

import java.util.Arrays;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.mib.Oid;

/**
 * TLV 11 (SNMP MIB object) or TLV 64 (the same with a 2-byte length, for varbinds over 255 bytes):
 * one BER-encoded SNMP varbind (PKT-SP-PROV1.5, MTA configuration file; DOCSIS RFI Annex C.1.2.10
 * and C.1.2.18 for the encodings). The decoded TLV keeps its original BER bytes, so non-minimal
 * BER (long-form lengths, padded integers) re-encodes byte for byte. Immutable.
 */
public final class VarbindTlv implements ConfigTlv {
    private final int type;
    private final byte[] ber;
    private final Varbind varbind;

    private VarbindTlv(int type, byte[] ber, Varbind varbind) {
        this.type = type;
        this.ber = ber;
        this.varbind = varbind;
    }

    /** A TLV 11 for {@code varbind}, or TLV 64 if its BER is longer than 255 bytes. */
    public static VarbindTlv of(Varbind varbind) {
        byte[] ber = varbind.encode();
        return new VarbindTlv(ber.length > 0xFF ? TYPE_SNMP_LONG : TYPE_SNMP, ber, varbind);
    }

    /** A TLV of {@code type} (11 or 64) for {@code varbind}, minimal BER. */
    public static VarbindTlv of(int type, Varbind varbind) {
        checkType(type);
        byte[] ber = varbind.encode();
        if (ber.length > ConfigTlv.maxValueLength(type)) {
            throw new IllegalArgumentException("varbind of " + ber.length + " bytes does not fit TLV " + type);
        }
        return new VarbindTlv(type, ber, varbind);
    }

    /** A TLV 11/64 for {@code oid} = {@code value}. */
    public static VarbindTlv of(Oid oid, SnmpValue value) {
        return of(new Varbind(oid, value));
    }

    /**
     * Decodes the value field {@code in[pos, end)} of a TLV of {@code type}; {@code base} maps
     * array positions to file offsets.
     */
    static VarbindTlv decode(int type, byte[] in, int pos, int end, int base) throws DecodeException {
        Varbind v = Varbind.decode(in, pos, end, base);
        return new VarbindTlv(type, Arrays.copyOfRange(in, pos, end), v);
    }

    private static void checkType(int type) {
        if (type != TYPE_SNMP && type != TYPE_SNMP_LONG) {
            throw new IllegalArgumentException("varbind TLVs are 11 or 64, not " + type);
        }
    }

    @Override
    public int type() {
        return type;
    }

    /** The decoded varbind. */
    public Varbind varbind() {
        return varbind;
    }

    /** The instance OID. */
    public Oid oid() {
        return varbind.oid();
    }

    /** The value. */
    public SnmpValue value() {
        return varbind.value();
    }

    /** The BER bytes of the varbind as carried (a copy). */
    public byte[] ber() {
        return ber.clone();
    }

    /** Whether the carried BER is the minimal encoding (what this codec would write). */
    public boolean isMinimalBer() {
        return Arrays.equals(ber, varbind.encode());
    }

    @Override
    public int valueLength() {
        return ber.length;
    }

    @Override
    public int writeValue(byte[] out, int pos) {
        System.arraycopy(ber, 0, out, pos, ber.length);
        return pos + ber.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VarbindTlv t && type == t.type && Arrays.equals(ber, t.ber);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(ber);
    }

    @Override
    public String toString() {
        return "VarbindTlv[" + type + ", " + varbind + "]";
    }
}
