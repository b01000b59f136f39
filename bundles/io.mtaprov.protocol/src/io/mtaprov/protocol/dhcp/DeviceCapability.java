package io.mtaprov.protocol.dhcp;

import java.util.Arrays;

/**
 * One capability TLV of option 60's device capabilities (TLV 5 in the hex part of
 * {@code pktc1.x:}/{@code docsis3.x:}). Immutable; the value is copied in and out. The name comes
 * from {@link CapabilityNames} for the family of the vendor class and is null-free ("unknown
 * capability N" for unknown types).
 */
public final class DeviceCapability {
    private final int type;
    private final byte[] value;
    private final String name;

    DeviceCapability(int type, byte[] value, String name) {
        this.type = type;
        this.value = value;
        this.name = name;
    }

    /** Capability type (the sub-TLV type byte). */
    public int type() {
        return type;
    }

    /** A copy of the value bytes. */
    public byte[] value() {
        return value.clone();
    }

    byte[] raw() {
        return value;
    }

    /** Human-readable name, as Wireshark shows it where known. */
    public String name() {
        return name;
    }

    /** The value as an unsigned big-endian number (for 1..4-byte values), else -1. */
    public long unsignedValue() {
        if (value.length == 0 || value.length > 4) {
            return -1;
        }
        long v = 0;
        for (byte b : value) {
            v = v << 8 | (b & 0xff);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceCapability c && c.type == type && Arrays.equals(c.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("%02x %s = %s", type, name, Bytes.hex(value));
    }
}
