package io.mtaprov.protocol.dhcp;

import java.util.List;

/**
 * Factories for the plain options a PacketCable DHCP server writes (RFC 2132 sections noted on
 * each). The typed views build their own: {@link ClientConfiguration#toOption()},
 * {@link VendorClass#toOption()}, {@link CableLabsVendorInfo#toOption()},
 * {@link RelayAgentInfo#toOption()}, {@link LegacyClientConfiguration#toOption()}.
 */
public final class StandardOptions {
    private StandardOptions() {
    }

    /** 53, RFC 2132 section 9.6. */
    public static DhcpOption messageType(DhcpMessageType type) {
        return type.toOption();
    }

    /** 54, RFC 2132 section 9.7. */
    public static DhcpOption serverId(Ipv4Address server) {
        return DhcpOption.addresses(DhcpOptionCode.SERVER_ID, server);
    }

    /** 51, RFC 2132 section 9.2 (seconds; 0xffffffff = infinite). */
    public static DhcpOption leaseTime(long seconds) {
        return DhcpOption.uint32(DhcpOptionCode.LEASE_TIME, seconds);
    }

    /** 58, RFC 2132 section 9.11. */
    public static DhcpOption renewalTime(long seconds) {
        return DhcpOption.uint32(DhcpOptionCode.RENEWAL_TIME, seconds);
    }

    /** 59, RFC 2132 section 9.12. */
    public static DhcpOption rebindingTime(long seconds) {
        return DhcpOption.uint32(DhcpOptionCode.REBINDING_TIME, seconds);
    }

    /** 1, RFC 2132 section 3.3. */
    public static DhcpOption subnetMask(Ipv4Address mask) {
        return DhcpOption.addresses(DhcpOptionCode.SUBNET_MASK, mask);
    }

    /** 3, RFC 2132 section 3.5. */
    public static DhcpOption routers(List<Ipv4Address> routers) {
        return DhcpOption.wrap(DhcpOptionCode.ROUTERS, Ipv4Lists.encode(routers, "option 3"));
    }

    /** 6, RFC 2132 section 3.8. */
    public static DhcpOption dnsServers(List<Ipv4Address> servers) {
        return DhcpOption.wrap(DhcpOptionCode.DNS_SERVERS, Ipv4Lists.encode(servers, "option 6"));
    }

    /** 12, RFC 2132 section 3.14. */
    public static DhcpOption hostName(String name) {
        return nonEmpty(DhcpOptionCode.HOST_NAME, name);
    }

    /** 15, RFC 2132 section 3.17. */
    public static DhcpOption domainName(String name) {
        return nonEmpty(DhcpOptionCode.DOMAIN_NAME, name);
    }

    /** 66, RFC 2132 section 9.4. */
    public static DhcpOption tftpServer(String name) {
        return nonEmpty(DhcpOptionCode.TFTP_SERVER, name);
    }

    /** 67, RFC 2132 section 9.5. */
    public static DhcpOption bootfile(String name) {
        return nonEmpty(DhcpOptionCode.BOOTFILE, name);
    }

    /** 60, RFC 2132 section 9.13, as opaque text (see {@link VendorClass} for capabilities). */
    public static DhcpOption vendorClass(String text) {
        return VendorClass.of(text).toOption();
    }

    /** 55, RFC 2132 section 9.8. */
    public static DhcpOption parameterRequestList(int... codes) {
        if (codes.length == 0) {
            throw new IllegalArgumentException("option 55 needs at least one code");
        }
        byte[] v = new byte[codes.length];
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < 1 || codes[i] > 254) {
                throw new IllegalArgumentException("not an option code: " + codes[i]);
            }
            v[i] = (byte) codes[i];
        }
        return DhcpOption.wrap(DhcpOptionCode.PARAMETER_REQUEST_LIST, v);
    }

    /** 61, RFC 2132 section 9.14: type byte (1 = Ethernet) then the identifier. */
    public static DhcpOption clientId(int type, byte[] id) {
        if (type < 0 || type > 255 || id.length == 0) {
            throw new IllegalArgumentException("option 61 needs a type byte and an identifier");
        }
        byte[] v = new byte[id.length + 1];
        v[0] = (byte) type;
        System.arraycopy(id, 0, v, 1, id.length);
        return DhcpOption.wrap(DhcpOptionCode.CLIENT_ID, v);
    }

    /** 57, RFC 2132 section 9.10 (at least 576). */
    public static DhcpOption maxMessageSize(int size) {
        if (size < DhcpMessage.DEFAULT_MAX_MESSAGE_SIZE || size > 0xffff) {
            throw new IllegalArgumentException("maximum message size must be 576..65535: " + size);
        }
        return DhcpOption.uint16(DhcpOptionCode.MAX_MESSAGE_SIZE, size);
    }

    private static DhcpOption nonEmpty(int code, String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("option " + code + " must not be empty (RFC 2132)");
        }
        return DhcpOption.ascii(code, text);
    }
}
