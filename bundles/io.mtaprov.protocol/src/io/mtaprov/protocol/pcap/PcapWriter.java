package io.mtaprov.protocol.pcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects UDP/IPv4 datagrams and writes them as a classic libpcap file (magic {@code a1b2c3d4},
 * version 2.4, microsecond timestamps, big-endian) with link type LINKTYPE_ETHERNET, so that
 * Wireshark and tshark decode every layer. Each datagram becomes one Ethernet II frame with
 * locally administered MAC addresses {@code 02:00:<IPv4 address>}, an IPv4 header (TTL 64, DF,
 * incrementing identification, correct header checksum, RFC 791) and a UDP header with the
 * correct checksum over the pseudo header (RFC 768).
 *
 * <p>Thread-safe: datagrams may be added from several threads; the file lists them in the order
 * they were added.
 */
public final class PcapWriter {
    private final List<UdpRecord> records = new ArrayList<>();

    /**
     * Adds one datagram.
     *
     * @throws IllegalArgumentException if an address is not IPv4 or the payload is too large
     */
    public PcapWriter addUdp(Instant time, InetSocketAddress source, InetSocketAddress destination,
            byte[] payload) {
        return add(new UdpRecord(time, source, destination, payload));
    }

    /** Adds one datagram. */
    public synchronized PcapWriter add(UdpRecord record) {
        records.add(record);
        return this;
    }

    /** The datagrams added so far, in order. */
    public synchronized List<UdpRecord> records() {
        return List.copyOf(records);
    }

    /** Writes the whole file (header and all datagrams) to {@code out}; does not close it. */
    public void writeTo(OutputStream out) throws IOException {
        List<UdpRecord> snapshot = records();
        out.write(fileHeader());
        int id = 1;
        for (UdpRecord r : snapshot) {
            byte[] frame = frame(r, id++);
            out.write(recordHeader(r.time(), frame.length));
            out.write(frame);
        }
    }

    /** The whole file as bytes. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException("ByteArrayOutputStream cannot fail", e);
        }
        return out.toByteArray();
    }

    private static byte[] fileHeader() {
        return ByteBuffer.allocate(PcapFormat.FILE_HEADER_LENGTH).order(ByteOrder.BIG_ENDIAN)
                .putInt(PcapFormat.MAGIC_MICROS)
                .putShort((short) PcapFormat.VERSION_MAJOR).putShort((short) PcapFormat.VERSION_MINOR)
                .putInt(0) // thiszone: timestamps are UTC
                .putInt(0) // sigfigs
                .putInt(PcapFormat.SNAPLEN)
                .putInt(PcapFormat.LINKTYPE_ETHERNET)
                .array();
    }

    private static byte[] recordHeader(Instant time, int length) {
        return ByteBuffer.allocate(PcapFormat.RECORD_HEADER_LENGTH).order(ByteOrder.BIG_ENDIAN)
                .putInt((int) time.getEpochSecond()) // unsigned 32-bit seconds, valid until 2106
                .putInt(time.getNano() / 1000)
                .putInt(length)
                .putInt(length)
                .array();
    }

    /** One Ethernet II frame carrying the datagram; {@code id} is the IPv4 identification. */
    static byte[] frame(UdpRecord r, int id) {
        byte[] src = r.source().getAddress().getAddress();
        byte[] dst = r.destination().getAddress().getAddress();
        byte[] payload = r.payload();
        int udpLength = PcapFormat.UDP_HEADER_LENGTH + payload.length;
        int ipLength = PcapFormat.IPV4_HEADER_LENGTH + udpLength;
        ByteBuffer b = ByteBuffer.allocate(PcapFormat.ETHERNET_HEADER_LENGTH + ipLength);
        b.put(mac(dst)).put(mac(src)).putShort((short) PcapFormat.ETHERTYPE_IPV4);
        int ip = b.position();
        b.put((byte) 0x45).put((byte) 0).putShort((short) ipLength)
                .putShort((short) id).putShort((short) 0x4000) // DF, offset 0
                .put((byte) 64).put((byte) PcapFormat.IP_PROTOCOL_UDP).putShort((short) 0)
                .put(src).put(dst);
        byte[] a = b.array();
        b.putShort(ip + 10, (short) new InternetChecksum()
                .add(a, ip, PcapFormat.IPV4_HEADER_LENGTH).value());
        int udp = b.position();
        b.putShort((short) r.source().getPort()).putShort((short) r.destination().getPort())
                .putShort((short) udpLength).putShort((short) 0).put(payload);
        int sum = new InternetChecksum().add(src, 0, 4).add(dst, 0, 4)
                .addWord(PcapFormat.IP_PROTOCOL_UDP).addWord(udpLength)
                .add(a, udp, udpLength).value();
        b.putShort(udp + 6, (short) (sum == 0 ? 0xffff : sum)); // RFC 768: 0 means "none"
        return a;
    }

    private static byte[] mac(byte[] ipv4) {
        return new byte[] {0x02, 0x00, ipv4[0], ipv4[1], ipv4[2], ipv4[3]};
    }
}
