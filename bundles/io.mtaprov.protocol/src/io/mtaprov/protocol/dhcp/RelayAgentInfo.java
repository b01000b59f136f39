package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Option 82, relay agent information (RFC 3046), added by the CMTS: circuit id (sub-option 1,
 * RFC 3046 section 3.1), remote id (2, section 3.2; for cable the CM MAC) and vendor-specific
 * information (9, RFC 4243 section 2). Immutable; unknown sub-options are kept byte-exact. A
 * server echoes the option unchanged in its reply (RFC 3046 section 2.2): use {@link #toOption()}.
 */
public final class RelayAgentInfo {
    /** Agent circuit id, RFC 3046 section 3.1. */
    public static final int CIRCUIT_ID = 1;
    /** Agent remote id, RFC 3046 section 3.2. */
    public static final int REMOTE_ID = 2;
    /** Vendor-specific information, RFC 4243 section 2. */
    public static final int VENDOR_SPECIFIC = 9;

    private final SubOptions subOptions;

    private RelayAgentInfo(SubOptions s) {
        subOptions = s;
    }

    /** Decodes an option-82 value. */
    public static RelayAgentInfo decode(byte[] value) throws DecodeException {
        return new RelayAgentInfo(SubOptions.decode(value, "option 82"));
    }

    /** Decodes an option-82 value from position to limit, consuming it. */
    public static RelayAgentInfo decode(ByteBuffer in) throws DecodeException {
        byte[] v = new byte[in.remaining()];
        in.get(v);
        return decode(v);
    }

    /** Wraps sub-options. */
    public static RelayAgentInfo of(SubOptions s) {
        return new RelayAgentInfo(s);
    }

    /** Circuit id and remote id only, in that order. */
    public static RelayAgentInfo of(byte[] circuitId, byte[] remoteId) {
        return new RelayAgentInfo(SubOptions.builder().set(CIRCUIT_ID, circuitId)
                .set(REMOTE_ID, remoteId).build());
    }

    /** Sub-option 1. */
    public Optional<byte[]> circuitId() {
        return subOptions.get(CIRCUIT_ID);
    }

    /** Sub-option 2. */
    public Optional<byte[]> remoteId() {
        return subOptions.get(REMOTE_ID);
    }

    /** Sub-option 2 as {@code 00:11:22:AA:BB:CC} when it is 6 bytes (the CM MAC). */
    public Optional<String> remoteIdMac() {
        byte[] v = subOptions.raw(REMOTE_ID);
        return v == null || v.length != 6 ? Optional.empty() : Optional.of(Bytes.mac(v));
    }

    /** Sub-option 9, raw (enterprise number, length, data... per RFC 4243). */
    public Optional<byte[]> vendorSpecific() {
        return subOptions.get(VENDOR_SPECIFIC);
    }

    /** All sub-options in wire order. */
    public SubOptions subOptions() {
        return subOptions;
    }

    /** The option value. */
    public byte[] encode() {
        return subOptions.encode();
    }

    /** Option 82 with this value. */
    public DhcpOption toOption() {
        return DhcpOption.wrap(DhcpOptionCode.RELAY_AGENT_INFO, encode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelayAgentInfo r && r.subOptions.equals(subOptions);
    }

    @Override
    public int hashCode() {
        return subOptions.hashCode();
    }

    @Override
    public String toString() {
        return "RelayAgentInfo" + subOptions;
    }
}
