package io.mtaprov.protocol.config;

/**
 * One top-level TLV of a PacketCable MTA configuration file (PKT-SP-PROV1.5, "MTA configuration
 * file": 1-byte type, 1-byte length, except type 64 with a 2-byte length). Implementations are
 * immutable and re-encode to exactly the bytes they were decoded from.
 */
public sealed interface ConfigTlv permits DelimiterTlv, VarbindTlv, AggregateTlv, RawTlv {

    /** TLV 254, the MTA configuration file delimiter. */
    int TYPE_DELIMITER = 254;
    /** TLV 11, an SNMP varbind. */
    int TYPE_SNMP = 11;
    /** TLV 64, an SNMP varbind with a 2-byte length. */
    int TYPE_SNMP_LONG = 64;
    /** TLV 38, SNMPv3 notification receiver. */
    int TYPE_NOTIFICATION_RECEIVER = 38;
    /** TLV 43, vendor-specific information. */
    int TYPE_VENDOR_SPECIFIC = 43;

    /** The TLV type code. */
    int type();

    /** Length of the value field. */
    int valueLength();

    /** Writes the value field at {@code pos}; returns the position after it. */
    int writeValue(byte[] out, int pos);

    /** Total encoded length: type, length field and value. */
    default int encodedLength() {
        return (type() == TYPE_SNMP_LONG ? 3 : 2) + valueLength();
    }

    /** Writes the whole TLV at {@code pos}; returns the position after it. */
    default int writeTo(byte[] out, int pos) {
        int len = valueLength();
        out[pos++] = (byte) type();
        if (type() == TYPE_SNMP_LONG) {
            out[pos++] = (byte) (len >>> 8);
        }
        out[pos++] = (byte) len;
        return writeValue(out, pos);
    }

    /** The encoded TLV. */
    default byte[] encode() {
        byte[] out = new byte[encodedLength()];
        writeTo(out, 0);
        return out;
    }

    /** The largest value length of a TLV of {@code type}. */
    static int maxValueLength(int type) {
        return type == TYPE_SNMP_LONG ? 0xFFFF : 0xFF;
    }
}
