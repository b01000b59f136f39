package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The device capabilities of option 60 (the value of TLV 5 in the hex part): capability TLVs in
 * wire order, unknown types kept. Typed getters read the PacketCable types (PKT-SP-PROV1.5 section
 * 8.2, Wireshark's {@code pkt_mdc}); they are empty for a DOCSIS modem's capabilities. Immutable.
 *
 * <p>Checked on decode for PacketCable: 0x01, 0x02, 0x09 and 0x10 are 1 byte, 0x12 is 1 or 2
 * bytes, 0x17 is a list of length-2 entries.
 */
public final class DeviceCapabilities {
    /** PacketCable version (1 byte: 0 = 1.0, 1 = 1.1/1.5, 2 = 2.0). */
    public static final int VERSION = 0x01;
    /** Number of telephony endpoints. */
    public static final int ENDPOINTS = 0x02;
    /** NVRAM ticket / session key storage (1 = yes). */
    public static final int NVRAM_TICKET_STORAGE = 0x09;
    /** Supported codecs, one byte each ({@link CapabilityNames#codec}). */
    public static final int CODECS = 0x0b;
    /** ifIndex of the first endpoint. */
    public static final int FIRST_IF_INDEX = 0x10;
    /** Supported provisioning flows (bits {@code FLOW_*}). */
    public static final int SUPPORTED_FLOWS = 0x12;
    /** MIB support entries. */
    public static final int MIB_SUPPORT = 0x17;
    /** Flow bit: Secure. */
    public static final int FLOW_SECURE = 0x01;
    /** Flow bit: Hybrid. */
    public static final int FLOW_HYBRID = 0x02;
    /** Flow bit: Basic. */
    public static final int FLOW_BASIC = 0x04;

    private final boolean packetCable;
    private final List<DeviceCapability> list;

    private DeviceCapabilities(boolean packetCable, List<DeviceCapability> list) {
        this.packetCable = packetCable;
        this.list = list;
    }

    /**
     * Decodes capability TLVs {@code v[from, to)}; offsets in exceptions are {@code v} indexes
     * times {@code scale} plus {@code base} (to point into the hex text).
     */
    static DeviceCapabilities decode(boolean packetCable, byte[] v, int from, int to, int base,
            int scale) throws DecodeException {
        List<DeviceCapability> list = new ArrayList<>();
        int p = from;
        while (p < to) {
            if (p + 1 >= to) {
                throw new DecodeException(base + p * scale, "capability " + (v[p] & 0xff) + " has no length");
            }
            int type = v[p] & 0xff;
            int len = v[p + 1] & 0xff;
            if (p + 2 + len > to) {
                throw new DecodeException(base + p * scale, "capability " + type + " of " + len
                        + " bytes runs past the capabilities");
            }
            byte[] value = java.util.Arrays.copyOfRange(v, p + 2, p + 2 + len);
            if (packetCable) {
                check(type, value, base + p * scale);
            }
            list.add(new DeviceCapability(type, value, CapabilityNames.capability(packetCable, type)));
            p += 2 + len;
        }
        return new DeviceCapabilities(packetCable, List.copyOf(list));
    }

    private static void check(int type, byte[] v, int at) throws DecodeException {
        boolean ok = switch (type) {
            case VERSION, ENDPOINTS, NVRAM_TICKET_STORAGE, FIRST_IF_INDEX -> v.length == 1;
            case SUPPORTED_FLOWS -> v.length == 1 || v.length == 2;
            case MIB_SUPPORT -> mibEntriesWellFormed(v);
            default -> true;
        };
        if (!ok) {
            throw new DecodeException(at, "capability " + String.format("%02x", type) + " ("
                    + CapabilityNames.capability(true, type) + ") has a malformed value of "
                    + v.length + " bytes");
        }
    }

    private static boolean mibEntriesWellFormed(byte[] v) {
        if (v.length % 3 != 0) {
            return false;
        }
        for (int i = 0; i < v.length; i += 3) {
            if (v[i] != 2) {
                return false;
            }
        }
        return true;
    }

    /** A builder; {@code packetCable} selects the names (false: DOCSIS modem capabilities). */
    public static Builder builder(boolean packetCable) {
        return new Builder(packetCable);
    }

    /** Whether these are PacketCable (MTA) rather than DOCSIS (CM) capabilities. */
    public boolean packetCable() {
        return packetCable;
    }

    /** All capabilities in wire order. */
    public List<DeviceCapability> asList() {
        return list;
    }

    /** The first capability of this type. */
    public Optional<DeviceCapability> get(int type) {
        for (DeviceCapability c : list) {
            if (c.type() == type) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** 0x01, the PacketCable version code. */
    public OptionalInt version() {
        return number(VERSION);
    }

    /** 0x02, number of endpoints (lines). */
    public OptionalInt endpoints() {
        return number(ENDPOINTS);
    }

    /** 0x09, NVRAM ticket storage (1 = yes). */
    public OptionalInt nvramTicketStorage() {
        return number(NVRAM_TICKET_STORAGE);
    }

    /** 0x10, ifIndex of the first endpoint. */
    public OptionalInt firstIfIndex() {
        return number(FIRST_IF_INDEX);
    }

    /** 0x12, the supported-flows bitmask ({@code FLOW_*}). */
    public OptionalInt supportedFlows() {
        return number(SUPPORTED_FLOWS);
    }

    /** 0x0b, the codec values in order; empty if absent. */
    public int[] codecs() {
        Optional<DeviceCapability> c = packetCable ? get(CODECS) : Optional.empty();
        byte[] v = c.isPresent() ? c.get().raw() : new byte[0];
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] & 0xff;
        }
        return out;
    }

    /** 0x17, the MIB support entries; empty if absent. */
    public List<MibSupport> mibSupport() {
        Optional<DeviceCapability> c = packetCable ? get(MIB_SUPPORT) : Optional.empty();
        if (c.isEmpty()) {
            return List.of();
        }
        byte[] v = c.get().raw();
        List<MibSupport> out = new ArrayList<>(v.length / 3);
        for (int i = 0; i < v.length; i += 3) {
            out.add(new MibSupport(v[i + 1] & 0xff, v[i + 2] & 0xff));
        }
        return List.copyOf(out);
    }

    private OptionalInt number(int type) {
        if (!packetCable) {
            return OptionalInt.empty();
        }
        Optional<DeviceCapability> c = get(type);
        return c.isEmpty() ? OptionalInt.empty() : OptionalInt.of((int) c.get().unsignedValue());
    }

    /** The TLVs as bytes (without the enclosing TLV 5). */
    byte[] encode() {
        int n = 0;
        for (DeviceCapability c : list) {
            n += 2 + c.raw().length;
        }
        byte[] out = new byte[n];
        int p = 0;
        for (DeviceCapability c : list) {
            out[p] = (byte) c.type();
            out[p + 1] = (byte) c.raw().length;
            System.arraycopy(c.raw(), 0, out, p + 2, c.raw().length);
            p += 2 + c.raw().length;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceCapabilities d && d.packetCable == packetCable && d.list.equals(list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return list.toString();
    }

    /** Collects capabilities in order. Not thread-safe. */
    public static final class Builder {
        private final boolean packetCable;
        private final List<DeviceCapability> list = new ArrayList<>();

        Builder(boolean packetCable) {
            this.packetCable = packetCable;
        }

        /** Appends a capability (value copied). */
        public Builder add(int type, byte... value) {
            if (type < 0 || type > 255 || value.length > 255) {
                throw new IllegalArgumentException("capability " + type + " does not fit a TLV");
            }
            list.add(new DeviceCapability(type, value.clone(),
                    CapabilityNames.capability(packetCable, type)));
            return this;
        }

        /**
         * The capabilities.
         *
         * @throws IllegalArgumentException if a typed capability is malformed or the whole exceeds
         *     255 bytes
         */
        public DeviceCapabilities build() {
            DeviceCapabilities d = new DeviceCapabilities(packetCable, List.copyOf(list));
            byte[] b = d.encode();
            if (b.length > 255) {
                throw new IllegalArgumentException("capabilities exceed 255 bytes: " + b.length);
            }
            try {
                return decode(packetCable, b, 0, b.length, 0, 1);
            } catch (DecodeException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
