package io.mtaprov.protocol.pcap;

import io.mtaprov.protocol.DecodeException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a classic libpcap file (draft-ietf-opsawg-pcap: either byte order, microsecond or
 * nanosecond magic) back into {@link UdpRecord}s. Link types: LINKTYPE_ETHERNET (with at most one
 * 802.1Q tag), LINKTYPE_RAW, LINKTYPE_IPV4 and LINKTYPE_LINUX_SLL. Frames that are not UDP over
 * IPv4, and IPv4 fragments, are skipped; checksums are not verified (captures taken with checksum
 * offload carry wrong ones). Anything structurally wrong raises {@link DecodeException} with the
 * file offset.
 *
 * <p>Stateless and thread-safe.
 */
public final class PcapReader {
    private static final int LINKTYPE_LINUX_SLL = 113;
    private static final int ETHERTYPE_VLAN = 0x8100;

    private PcapReader() {
    }

    /** Decodes a whole file. */
    public static List<UdpRecord> read(byte[] file) throws DecodeException {
        return decode(ByteBuffer.wrap(file));
    }

    /** Decodes the file from the buffer's position to its limit; consumes the buffer. */
    public static List<UdpRecord> decode(ByteBuffer in) throws DecodeException {
        ByteBuffer b = in.slice();
        in.position(in.limit());
        if (b.remaining() < PcapFormat.FILE_HEADER_LENGTH) {
            throw new DecodeException(0, "pcap file header needs 24 bytes, got " + b.remaining());
        }
        b.order(ByteOrder.BIG_ENDIAN);
        int magic = b.getInt(0);
        if (Integer.reverseBytes(magic) == PcapFormat.MAGIC_MICROS
                || Integer.reverseBytes(magic) == PcapFormat.MAGIC_NANOS) {
            b.order(ByteOrder.LITTLE_ENDIAN);
            magic = Integer.reverseBytes(magic);
        }
        if (magic != PcapFormat.MAGIC_MICROS && magic != PcapFormat.MAGIC_NANOS) {
            throw new DecodeException(0, String.format("not a classic pcap file (magic %08x)", magic));
        }
        boolean nanos = magic == PcapFormat.MAGIC_NANOS;
        int major = b.getShort(4) & 0xffff;
        if (major != PcapFormat.VERSION_MAJOR) {
            throw new DecodeException(4, "unsupported pcap version " + major);
        }
        int linkType = b.getInt(20) & 0x0fff_ffff; // upper bits: FCS length flags
        if (linkType != PcapFormat.LINKTYPE_ETHERNET && linkType != PcapFormat.LINKTYPE_RAW
                && linkType != PcapFormat.LINKTYPE_IPV4 && linkType != LINKTYPE_LINUX_SLL) {
            throw new DecodeException(20, "unsupported link type " + linkType);
        }
        b.position(PcapFormat.FILE_HEADER_LENGTH);
        List<UdpRecord> records = new ArrayList<>();
        while (b.hasRemaining()) {
            int at = b.position();
            if (b.remaining() < PcapFormat.RECORD_HEADER_LENGTH) {
                throw new DecodeException(at, "truncated pcap record header");
            }
            long seconds = b.getInt() & 0xffff_ffffL;
            long fraction = b.getInt() & 0xffff_ffffL;
            long included = b.getInt() & 0xffff_ffffL;
            long original = b.getInt() & 0xffff_ffffL;
            if (fraction >= (nanos ? 1_000_000_000L : 1_000_000L)) {
                throw new DecodeException(at + 4, "timestamp fraction out of range: " + fraction);
            }
            if (included > b.remaining()) {
                throw new DecodeException(at + 8, "record of " + included + " bytes exceeds the file");
            }
            if (included < original) {
                throw new DecodeException(at + 8, "frame truncated by the capture: " + included
                        + " of " + original + " bytes");
            }
            Instant time = Instant.ofEpochSecond(seconds, nanos ? fraction : fraction * 1000);
            ByteBuffer frame = b.slice(b.position(), (int) included);
            b.position(b.position() + (int) included);
            UdpRecord r = frame(frame, linkType, time, at + PcapFormat.RECORD_HEADER_LENGTH);
            if (r != null) {
                records.add(r);
            }
        }
        return records;
    }

    /** The datagram in one frame, or null if the frame is no UDP/IPv4 (or a fragment). */
    private static UdpRecord frame(ByteBuffer f, int linkType, Instant time, int base)
            throws DecodeException {
        int ip;
        int etherType;
        switch (linkType) {
            case PcapFormat.LINKTYPE_ETHERNET -> {
                need(f, 0, PcapFormat.ETHERNET_HEADER_LENGTH, base, "Ethernet header");
                etherType = f.getShort(12) & 0xffff;
                ip = PcapFormat.ETHERNET_HEADER_LENGTH;
                if (etherType == ETHERTYPE_VLAN) {
                    need(f, 0, PcapFormat.ETHERNET_HEADER_LENGTH + 4, base, "802.1Q tag");
                    etherType = f.getShort(16) & 0xffff;
                    ip += 4;
                }
            }
            case LINKTYPE_LINUX_SLL -> {
                need(f, 0, 16, base, "Linux cooked header");
                etherType = f.getShort(14) & 0xffff;
                ip = 16;
            }
            default -> { // raw IP: the version nibble tells
                need(f, 0, 1, base, "IP header");
                etherType = (f.get(0) & 0xf0) == 0x40 ? PcapFormat.ETHERTYPE_IPV4 : 0;
                ip = 0;
            }
        }
        if (etherType != PcapFormat.ETHERTYPE_IPV4) {
            return null;
        }
        return Ipv4Udp.parse(f, ip, time, base);
    }

    static void need(ByteBuffer f, int offset, int length, int base, String what)
            throws DecodeException {
        if (f.limit() - offset < length) {
            throw new DecodeException(base + offset, "truncated " + what + ": needs " + length
                    + " bytes, frame has " + Math.max(0, f.limit() - offset));
        }
    }

    /** IPv4 + UDP parsing of one frame. */
    private static final class Ipv4Udp {
        static UdpRecord parse(ByteBuffer f, int ip, Instant time, int base) throws DecodeException {
            need(f, ip, PcapFormat.IPV4_HEADER_LENGTH, base, "IPv4 header");
            int versionIhl = f.get(ip) & 0xff;
            int headerLength = (versionIhl & 0x0f) * 4;
            if (versionIhl >> 4 != 4 || headerLength < PcapFormat.IPV4_HEADER_LENGTH) {
                throw new DecodeException(base + ip, String.format("bad IPv4 version/IHL %02x", versionIhl));
            }
            int totalLength = f.getShort(ip + 2) & 0xffff;
            if (totalLength < headerLength) {
                throw new DecodeException(base + ip + 2, "IPv4 total length " + totalLength
                        + " shorter than its header");
            }
            need(f, ip, totalLength, base, "IPv4 datagram");
            int fragment = f.getShort(ip + 6) & 0x3fff; // MF flag + offset
            if (fragment != 0 || (f.get(ip + 9) & 0xff) != PcapFormat.IP_PROTOCOL_UDP) {
                return null;
            }
            int udp = ip + headerLength;
            need(f, udp, PcapFormat.UDP_HEADER_LENGTH, base, "UDP header");
            int udpLength = f.getShort(udp + 4) & 0xffff;
            if (udpLength < PcapFormat.UDP_HEADER_LENGTH || udpLength > totalLength - headerLength) {
                throw new DecodeException(base + udp + 4, "bad UDP length " + udpLength);
            }
            byte[] payload = new byte[udpLength - PcapFormat.UDP_HEADER_LENGTH];
            f.get(udp + PcapFormat.UDP_HEADER_LENGTH, payload);
            return new UdpRecord(time,
                    new InetSocketAddress(address(f, ip + 12), f.getShort(udp) & 0xffff),
                    new InetSocketAddress(address(f, ip + 16), f.getShort(udp + 2) & 0xffff),
                    payload);
        }

        private static InetAddress address(ByteBuffer f, int at) {
            byte[] a = new byte[4];
            f.get(at, a);
            try {
                return InetAddress.getByAddress(a);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("4 bytes are always a valid IPv4 address", e);
            }
        }
    }
}
