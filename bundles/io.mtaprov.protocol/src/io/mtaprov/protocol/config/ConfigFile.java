package io.mtaprov.protocol.config;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.mtaprov.protocol.DecodeException;

/**
 * A PacketCable MTA configuration file: the sequence of TLVs between (and including) the
 * {@code FE 01 01} and {@code FE 01 FF} delimiters (PKT-SP-PROV1.5, MTA configuration file; see
 * PROTOCOL.md). Decoding checks only the TLV framing; the content is checked by
 * {@link ConfigValidator}. {@code decode(encode())} and {@code encode(decode(bytes))} are
 * byte-exact. Immutable and thread-safe.
 */
public final class ConfigFile {
    private final List<ConfigTlv> tlvs;

    /** A file of exactly these TLVs (delimiters included by the caller). */
    public ConfigFile(List<ConfigTlv> tlvs) {
        this.tlvs = List.copyOf(tlvs);
    }

    /** A file of the begin delimiter, one TLV 11 (or 64) per varbind, and the end delimiter. */
    public static ConfigFile ofVarbinds(List<Varbind> varbinds) {
        List<ConfigTlv> list = new ArrayList<>(varbinds.size() + 2);
        list.add(DelimiterTlv.BEGIN);
        for (Varbind v : varbinds) {
            list.add(VarbindTlv.of(v));
        }
        list.add(DelimiterTlv.END);
        return new ConfigFile(list);
    }

    /** The TLVs in file order. */
    public List<ConfigTlv> tlvs() {
        return tlvs;
    }

    /** The varbinds of all TLV 11 and 64 in file order. */
    public List<Varbind> varbinds() {
        List<Varbind> out = new ArrayList<>(tlvs.size());
        for (ConfigTlv t : tlvs) {
            if (t instanceof VarbindTlv v) {
                out.add(v.varbind());
            }
        }
        return out;
    }

    /** The byte offset of each TLV in the encoded file. */
    public int[] offsets() {
        int[] offsets = new int[tlvs.size()];
        int pos = 0;
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = pos;
            pos += tlvs.get(i).encodedLength();
        }
        return offsets;
    }

    /** Encoded length in bytes. */
    public int encodedLength() {
        int len = 0;
        for (int i = 0, n = tlvs.size(); i < n; i++) {
            len += tlvs.get(i).encodedLength();
        }
        return len;
    }

    /** The file as bytes. */
    public byte[] encode() {
        byte[] out = new byte[encodedLength()];
        int pos = 0;
        for (int i = 0, n = tlvs.size(); i < n; i++) {
            pos = tlvs.get(i).writeTo(out, pos);
        }
        return out;
    }

    /**
     * Decodes the remaining bytes of {@code in} (consuming them). Malformed TLV 11/64/38/43 values
     * are kept as {@link RawTlv}s; only broken framing is an error.
     *
     * @throws DecodeException with the offset (from the buffer position) of a truncated TLV
     */
    public static ConfigFile decode(ByteBuffer in) throws DecodeException {
        byte[] b = new byte[in.remaining()];
        in.get(b);
        return decode(b);
    }

    /** Decodes a whole file from an array. */
    public static ConfigFile decode(byte[] b) throws DecodeException {
        List<ConfigTlv> list = new ArrayList<>(Math.min(b.length / 3 + 1, 4096));
        int pos = 0;
        while (pos < b.length) {
            int start = pos;
            int type = b[pos++] & 0xFF;
            int width = type == ConfigTlv.TYPE_SNMP_LONG ? 2 : 1;
            if (pos + width > b.length) {
                throw new DecodeException(start, "TLV " + type + " truncated: no length field");
            }
            int len = width == 2 ? ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF) : b[pos] & 0xFF;
            pos += width;
            if (len > b.length - pos) {
                throw new DecodeException(start, "TLV " + type + " length " + len + " exceeds the " + (b.length - pos) + " bytes left");
            }
            list.add(decodeTlv(type, b, pos, pos + len));
            pos += len;
        }
        return new ConfigFile(list);
    }

    private static ConfigTlv decodeTlv(int type, byte[] b, int pos, int end) {
        switch (type) {
            case ConfigTlv.TYPE_DELIMITER:
                if (end - pos == 1) {
                    return new DelimiterTlv(b[pos] & 0xFF);
                }
                break;
            case ConfigTlv.TYPE_SNMP, ConfigTlv.TYPE_SNMP_LONG:
                try {
                    return VarbindTlv.decode(type, b, pos, end, 0);
                } catch (DecodeException e) {
                    break; // kept raw; ConfigValidator reports the reason and offset
                }
            case ConfigTlv.TYPE_NOTIFICATION_RECEIVER, ConfigTlv.TYPE_VENDOR_SPECIFIC:
                AggregateTlv a = AggregateTlv.tryDecode(type, b, pos, end);
                if (a != null) {
                    return a;
                }
                break;
            default:
                break;
        }
        return new RawTlv(type, java.util.Arrays.copyOfRange(b, pos, end));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigFile f && tlvs.equals(f.tlvs);
    }

    @Override
    public int hashCode() {
        return tlvs.hashCode();
    }

    @Override
    public String toString() {
        return "ConfigFile" + tlvs;
    }
}
