package io.mtaprov.protocol.dhcp;

/**
 * Codes of the DHCPv4 options this package gives a typed view of (RFC 2132 unless noted), and of
 * the two framing options. Any other code in 1..254 is carried byte-exact as an opaque
 * {@link DhcpOption}.
 */
public final class DhcpOptionCode {
    /** Pad, RFC 2132 section 3.1: one byte, no length. */
    public static final int PAD = 0;
    /** Subnet mask, RFC 2132 section 3.3: 4 bytes. */
    public static final int SUBNET_MASK = 1;
    /** Routers, RFC 2132 section 3.5: n x 4 bytes. */
    public static final int ROUTERS = 3;
    /** Domain name servers, RFC 2132 section 3.8: n x 4 bytes. */
    public static final int DNS_SERVERS = 6;
    /** Host name, RFC 2132 section 3.14: text. */
    public static final int HOST_NAME = 12;
    /** Domain name, RFC 2132 section 3.17: text. */
    public static final int DOMAIN_NAME = 15;
    /** Vendor specific information, RFC 2132 section 8.4; CableLabs sub-options for MTAs. */
    public static final int VENDOR_SPECIFIC = 43;
    /** IP address lease time, RFC 2132 section 9.2: uint32 seconds. */
    public static final int LEASE_TIME = 51;
    /** Option overload, RFC 2132 section 9.3: 1 file, 2 sname, 3 both. */
    public static final int OVERLOAD = 52;
    /** DHCP message type, RFC 2132 section 9.6: 1 byte. */
    public static final int MESSAGE_TYPE = 53;
    /** Server identifier, RFC 2132 section 9.7: 4 bytes. */
    public static final int SERVER_ID = 54;
    /** Parameter request list, RFC 2132 section 9.8: n option codes. */
    public static final int PARAMETER_REQUEST_LIST = 55;
    /** Maximum DHCP message size, RFC 2132 section 9.10: uint16, at least 576. */
    public static final int MAX_MESSAGE_SIZE = 57;
    /** Renewal (T1) time, RFC 2132 section 9.11: uint32 seconds. */
    public static final int RENEWAL_TIME = 58;
    /** Rebinding (T2) time, RFC 2132 section 9.12: uint32 seconds. */
    public static final int REBINDING_TIME = 59;
    /** Vendor class identifier, RFC 2132 section 9.13: text ({@code pktc1.0:...}). */
    public static final int VENDOR_CLASS = 60;
    /** Client identifier, RFC 2132 section 9.14: type byte + identifier, at least 2 bytes. */
    public static final int CLIENT_ID = 61;
    /** TFTP server name, RFC 2132 section 9.4: text. */
    public static final int TFTP_SERVER = 66;
    /** Bootfile name, RFC 2132 section 9.5: text. */
    public static final int BOOTFILE = 67;
    /** Relay agent information, RFC 3046 section 2.0: sub-options. */
    public static final int RELAY_AGENT_INFO = 82;
    /** CableLabs Client Configuration, RFC 3495 section 3: sub-options. */
    public static final int CCC = 122;
    /** Pre-RFC PacketCable CCC (Wireshark "PacketCable I05 CCC"): sub-options. */
    public static final int LEGACY_CCC = 177;
    /** End, RFC 2132 section 3.2: one byte, no length. */
    public static final int END = 255;

    private DhcpOptionCode() {
    }
}
