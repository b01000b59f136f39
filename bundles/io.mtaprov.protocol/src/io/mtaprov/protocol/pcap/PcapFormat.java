package io.mtaprov.protocol.pcap;

/**
 * Constants of the classic libpcap file format (draft-ietf-opsawg-pcap; tcpdump.org
 * "LINK-LAYER HEADER TYPES") and of the frames this package writes: Ethernet II (IEEE 802.3)
 * carrying IPv4 (RFC 791) carrying UDP (RFC 768).
 */
final class PcapFormat {
    /** Magic of a file with microsecond timestamps, as written in the file's own byte order. */
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    /** Magic of a file with nanosecond timestamps. */
    static final int MAGIC_NANOS = 0xa1b23c4d;
    static final int VERSION_MAJOR = 2;
    static final int VERSION_MINOR = 4;
    /** Snapshot length written in the header; every frame we write fits. */
    static final int SNAPLEN = 262_144;
    static final int FILE_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;

    /** LINKTYPE_ETHERNET: what we write (every Wireshark dissects it, MACs show the hosts). */
    static final int LINKTYPE_ETHERNET = 1;
    /** LINKTYPE_RAW: raw IPv4/IPv6, accepted on read. */
    static final int LINKTYPE_RAW = 101;
    /** LINKTYPE_IPV4: raw IPv4, accepted on read. */
    static final int LINKTYPE_IPV4 = 228;

    static final int ETHERNET_HEADER_LENGTH = 14;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int IPV4_HEADER_LENGTH = 20;
    static final int IP_PROTOCOL_UDP = 17;
    static final int UDP_HEADER_LENGTH = 8;

    private PcapFormat() {
    }
}
