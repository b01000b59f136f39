package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The options of one message in wire order, at most one {@link DhcpOption} per code (instances of
 * a code are joined on decode, RFC 3396 section 5). Immutable. Typed getters decode one option on
 * demand: they return empty when the option is absent and throw {@link DecodeException} (offset
 * relative to the option value) when it is present but malformed, so a bad option never prevents
 * the rest of the message from being read.
 */
public final class DhcpOptions {
    /** No options. */
    public static final DhcpOptions EMPTY = new DhcpOptions(new DhcpOption[0]);

    private final DhcpOption[] options;

    /** Takes ownership of {@code options}, whose codes are distinct. */
    DhcpOptions(DhcpOption[] options) {
        this.options = options;
    }

    /** A builder starting empty. */
    public static Builder builder() {
        return new Builder(EMPTY.options);
    }

    /** A builder starting with these options. */
    public Builder toBuilder() {
        return new Builder(options);
    }

    /** The options in wire order (an unmodifiable view). */
    public List<DhcpOption> asList() {
        return new AbstractList<>() {
            @Override
            public DhcpOption get(int index) {
                return options[index];
            }

            @Override
            public int size() {
                return options.length;
            }
        };
    }

    /** Number of options. */
    public int size() {
        return options.length;
    }

    /** The option with this code, if present. */
    public Optional<DhcpOption> get(int code) {
        return Optional.ofNullable(find(code));
    }

    /** Whether an option with this code is present. */
    public boolean contains(int code) {
        return find(code) != null;
    }

    DhcpOption find(int code) {
        for (DhcpOption o : options) {
            if (o.code() == code) {
                return o;
            }
        }
        return null;
    }

    DhcpOption[] array() {
        return options;
    }

    /** Option 53. Empty if absent; an unnamed value is a {@link DecodeException}. */
    public Optional<DhcpMessageType> messageType() throws DecodeException {
        byte[] v = raw(DhcpOptionCode.MESSAGE_TYPE);
        if (v == null) {
            return Optional.empty();
        }
        Bytes.requireLength(v, 1, "option 53 (message type)");
        Optional<DhcpMessageType> t = DhcpMessageType.of(v[0] & 0xff);
        if (t.isEmpty()) {
            throw new DecodeException(0, "option 53 has unknown message type " + (v[0] & 0xff));
        }
        return t;
    }

    /** Option 54, server identifier. */
    public Optional<Ipv4Address> serverId() throws DecodeException {
        return address(DhcpOptionCode.SERVER_ID, "option 54 (server identifier)");
    }

    /** Option 1, subnet mask. */
    public Optional<Ipv4Address> subnetMask() throws DecodeException {
        return address(DhcpOptionCode.SUBNET_MASK, "option 1 (subnet mask)");
    }

    /** Option 51, lease time in seconds (0xffffffff = infinite). */
    public OptionalLong leaseTime() throws DecodeException {
        return uint32(DhcpOptionCode.LEASE_TIME, "option 51 (lease time)");
    }

    /** Option 58, renewal time T1 in seconds. */
    public OptionalLong renewalTime() throws DecodeException {
        return uint32(DhcpOptionCode.RENEWAL_TIME, "option 58 (T1)");
    }

    /** Option 59, rebinding time T2 in seconds. */
    public OptionalLong rebindingTime() throws DecodeException {
        return uint32(DhcpOptionCode.REBINDING_TIME, "option 59 (T2)");
    }

    /** Option 57, the largest message the client accepts (uint16, RFC 2132 section 9.10). */
    public java.util.OptionalInt maxMessageSize() throws DecodeException {
        byte[] v = raw(DhcpOptionCode.MAX_MESSAGE_SIZE);
        if (v == null) {
            return java.util.OptionalInt.empty();
        }
        Bytes.requireLength(v, 2, "option 57 (maximum message size)");
        return java.util.OptionalInt.of(Bytes.u16(v, 0));
    }

    /** Option 3, routers in order of preference; empty list if absent. */
    public List<Ipv4Address> routers() throws DecodeException {
        return addresses(DhcpOptionCode.ROUTERS, "option 3 (routers)");
    }

    /** Option 6, DNS servers in order of preference; empty list if absent. */
    public List<Ipv4Address> dnsServers() throws DecodeException {
        return addresses(DhcpOptionCode.DNS_SERVERS, "option 6 (DNS servers)");
    }

    /** Option 12, host name (bytes as ISO-8859-1 text). */
    public Optional<String> hostName() {
        return text(DhcpOptionCode.HOST_NAME);
    }

    /** Option 15, domain name. */
    public Optional<String> domainName() {
        return text(DhcpOptionCode.DOMAIN_NAME);
    }

    /** Option 66, TFTP server name. */
    public Optional<String> tftpServer() {
        return text(DhcpOptionCode.TFTP_SERVER);
    }

    /** Option 67, bootfile name. */
    public Optional<String> bootfile() {
        return text(DhcpOptionCode.BOOTFILE);
    }

    /** Option 55, the requested option codes in the client's order; empty array if absent. */
    public int[] parameterRequestList() {
        byte[] v = raw(DhcpOptionCode.PARAMETER_REQUEST_LIST);
        if (v == null) {
            return new int[0];
        }
        int[] codes = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            codes[i] = v[i] & 0xff;
        }
        return codes;
    }

    /** Whether option 55 asks for {@code code}. */
    public boolean requests(int code) {
        byte[] v = raw(DhcpOptionCode.PARAMETER_REQUEST_LIST);
        if (v != null) {
            for (byte b : v) {
                if ((b & 0xff) == code) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Option 61, client identifier: type byte then identifier (RFC 2132 section 9.14). */
    public Optional<byte[]> clientId() throws DecodeException {
        byte[] v = raw(DhcpOptionCode.CLIENT_ID);
        if (v != null && v.length < 2) {
            throw new DecodeException(0, "option 61 (client identifier) needs at least 2 bytes");
        }
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    /** Option 60, vendor class with the decoded device capabilities. */
    public Optional<VendorClass> vendorClass() throws DecodeException {
        byte[] v = raw(DhcpOptionCode.VENDOR_CLASS);
        return v == null ? Optional.empty() : Optional.of(VendorClass.decode(v));
    }

    /** Option 43 as CableLabs vendor sub-options. */
    public Optional<CableLabsVendorInfo> cableLabsVendorInfo() throws DecodeException {
        byte[] v = raw(DhcpOptionCode.VENDOR_SPECIFIC);
        return v == null ? Optional.empty() : Optional.of(CableLabsVendorInfo.decode(v));
    }

    /** Option 82, relay agent information. */
    public Optional<RelayAgentInfo> relayAgentInfo() throws DecodeException {
        byte[] v = raw(DhcpOptionCode.RELAY_AGENT_INFO);
        return v == null ? Optional.empty() : Optional.of(RelayAgentInfo.decode(v));
    }

    /** Option 122, CableLabs Client Configuration. */
    public Optional<ClientConfiguration> clientConfiguration() throws DecodeException {
        byte[] v = raw(DhcpOptionCode.CCC);
        return v == null ? Optional.empty() : Optional.of(ClientConfiguration.decode(v));
    }

    /** Option 177, the pre-RFC PacketCable CCC. */
    public Optional<LegacyClientConfiguration> legacyClientConfiguration() throws DecodeException {
        byte[] v = raw(DhcpOptionCode.LEGACY_CCC);
        return v == null ? Optional.empty() : Optional.of(LegacyClientConfiguration.decode(v));
    }

    private byte[] raw(int code) {
        DhcpOption o = find(code);
        return o == null ? null : o.raw();
    }

    private Optional<Ipv4Address> address(int code, String what) throws DecodeException {
        byte[] v = raw(code);
        if (v == null) {
            return Optional.empty();
        }
        Bytes.requireLength(v, 4, what);
        return Optional.of(new Ipv4Address(Bytes.i32(v, 0)));
    }

    private OptionalLong uint32(int code, String what) throws DecodeException {
        byte[] v = raw(code);
        if (v == null) {
            return OptionalLong.empty();
        }
        Bytes.requireLength(v, 4, what);
        return OptionalLong.of(Bytes.u32(v, 0));
    }

    private List<Ipv4Address> addresses(int code, String what) throws DecodeException {
        byte[] v = raw(code);
        return v == null ? List.of() : Ipv4Lists.decode(v, what);
    }

    private Optional<String> text(int code) {
        byte[] v = raw(code);
        return v == null ? Optional.empty() : Optional.of(Bytes.latin1(v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DhcpOptions d && Arrays.equals(d.options, options);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(options);
    }

    @Override
    public String toString() {
        return Arrays.toString(options);
    }

    /**
     * Collects options in insertion order; {@link #set} replaces an option of the same code in
     * place. Not thread-safe.
     */
    public static final class Builder {
        private DhcpOption[] items;
        private int size;

        Builder(DhcpOption[] initial) {
            items = Arrays.copyOf(initial, Math.max(16, initial.length));
            size = initial.length;
        }

        /** Adds the option, or replaces the option of the same code where it stands. */
        public Builder set(DhcpOption option) {
            for (int i = 0; i < size; i++) {
                if (items[i].code() == option.code()) {
                    items[i] = option;
                    return this;
                }
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = option;
            return this;
        }

        /** Removes the option with this code, if present. */
        public Builder remove(int code) {
            for (int i = 0; i < size; i++) {
                if (items[i].code() == code) {
                    System.arraycopy(items, i + 1, items, i, size - i - 1);
                    items[--size] = null;
                    return this;
                }
            }
            return this;
        }

        /** The options set so far. */
        public DhcpOptions build() {
            return size == 0 ? EMPTY : new DhcpOptions(Arrays.copyOf(items, size));
        }
    }
}
