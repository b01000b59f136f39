package io.mtaprov.protocol.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TLV whose value is a list of sub-TLVs: TLV 38 SNMPv3 notification receiver (DOCSIS RFI Annex
 * C.1.2.14: 1 IP address, 2 UDP port, 3 trap type, 4 timeout, 5 retries, 6 filtering OID,
 * 7 security name) or TLV 43 vendor-specific information (sub-TLV 8 = vendor OUI, the rest
 * vendor-defined). Sub-TLVs are kept in order, unknown ones included. Immutable.
 */
public final class AggregateTlv implements ConfigTlv {
    private final int type;
    private final List<SubTlv> subTlvs;
    private final int valueLength;

    /** An aggregate of {@code type} (38 or 43) with the given sub-TLVs. */
    public AggregateTlv(int type, List<SubTlv> subTlvs) {
        if (type != TYPE_NOTIFICATION_RECEIVER && type != TYPE_VENDOR_SPECIFIC) {
            throw new IllegalArgumentException("aggregate TLVs are 38 or 43, not " + type);
        }
        this.type = type;
        this.subTlvs = List.copyOf(subTlvs);
        int len = 0;
        for (SubTlv s : this.subTlvs) {
            len += 2 + s.length();
        }
        if (len > 255) {
            throw new IllegalArgumentException("TLV " + type + " value too long: " + len);
        }
        this.valueLength = len;
    }

    /** Parses sub-TLVs filling exactly {@code in[pos, end)}; {@code null} if they do not. */
    static AggregateTlv tryDecode(int type, byte[] in, int pos, int end) {
        List<SubTlv> subs = new ArrayList<>();
        while (pos < end) {
            if (pos + 2 > end || pos + 2 + (in[pos + 1] & 0xFF) > end) {
                return null;
            }
            int len = in[pos + 1] & 0xFF;
            subs.add(new SubTlv(in[pos] & 0xFF, Arrays.copyOfRange(in, pos + 2, pos + 2 + len)));
            pos += 2 + len;
        }
        return new AggregateTlv(type, subs);
    }

    @Override
    public int type() {
        return type;
    }

    /** The sub-TLVs in file order. */
    public List<SubTlv> subTlvs() {
        return subTlvs;
    }

    /** The first sub-TLV of {@code subType}, or {@code null}. */
    public SubTlv sub(int subType) {
        for (SubTlv s : subTlvs) {
            if (s.type() == subType) {
                return s;
            }
        }
        return null;
    }

    /** For TLV 43: the vendor OUI (sub-TLV 8) as 6 hex digits, or {@code null}. */
    public String vendorOui() {
        SubTlv s = type == TYPE_VENDOR_SPECIFIC ? sub(8) : null;
        return s == null ? null : java.util.HexFormat.of().formatHex(s.value());
    }

    @Override
    public int valueLength() {
        return valueLength;
    }

    @Override
    public int writeValue(byte[] out, int pos) {
        for (SubTlv s : subTlvs) {
            pos = s.writeTo(out, pos);
        }
        return pos;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AggregateTlv a && type == a.type && subTlvs.equals(a.subTlvs);
    }

    @Override
    public int hashCode() {
        return 31 * type + subTlvs.hashCode();
    }

    @Override
    public String toString() {
        return "AggregateTlv[" + type + ", " + subTlvs + "]";
    }
}
