package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One BOOTP/DHCPv4 message (RFC 2131 section 2): the fixed header, the magic cookie and the
 * options. Immutable and thread-safe. Build with {@link #builder()} or
 * {@link DhcpMessageBuilder#replyTo(DhcpMessage)}; read with {@link #decode(ByteBuffer)}.
 *
 * <p>Round trip: for a message whose options carry no interior pads and whose option 52
 * (overload) is absent, {@code decode(b).encode()} returns {@code b} byte for byte (trailing bytes
 * after the End option are re-created as zeros up to the original length, see
 * {@link #minimumLength()}). An overloaded message decodes into one option list (options, then
 * file, then sname, RFC 3396 section 5) with the overloaded fields cleared; it re-encodes without
 * overload unless {@link #encode(int)} has to spill again.
 */
public final class DhcpMessage {
    /** {@code op} of a client message, RFC 2131 section 2. */
    public static final int BOOTREQUEST = 1;
    /** {@code op} of a server message, RFC 2131 section 2. */
    public static final int BOOTREPLY = 2;
    /** {@code htype} of Ethernet (ARP hardware type 1, RFC 1700). */
    public static final int HTYPE_ETHERNET = 1;
    /** Broadcast bit of {@code flags}, RFC 2131 section 2 figure 2. */
    public static final int FLAG_BROADCAST = 0x8000;
    /** The magic cookie 99.130.83.99, RFC 2131 section 3 / RFC 2132 section 2. */
    public static final int MAGIC_COOKIE = 0x63825363;
    /** Header (236) plus magic cookie (4): the offset of the options field. */
    public static final int HEADER_LENGTH = 240;
    /** Size of {@code chaddr}, {@code sname} and {@code file}, RFC 2131 section 2. */
    public static final int CHADDR_LENGTH = 16, SNAME_LENGTH = 64, FILE_LENGTH = 128;
    /** Length BOOTP relays and old clients expect at least (RFC 951 vend field, RFC 1542 2.1). */
    public static final int BOOTP_MINIMUM_LENGTH = 300;
    /** Default maximum a client accepts without option 57, RFC 2131 section 2. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 576;

    final int op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr;
    final byte[] chaddr, sname, file;
    final DhcpOptions options;
    final int minimumLength;

    DhcpMessage(int[] h, byte[] chaddr, byte[] sname, byte[] file, DhcpOptions options,
            int minimumLength) {
        this.op = h[0];
        this.htype = h[1];
        this.hlen = h[2];
        this.hops = h[3];
        this.xid = h[4];
        this.secs = h[5];
        this.flags = h[6];
        this.ciaddr = h[7];
        this.yiaddr = h[8];
        this.siaddr = h[9];
        this.giaddr = h[10];
        this.chaddr = chaddr;
        this.sname = sname;
        this.file = file;
        this.options = options;
        this.minimumLength = minimumLength;
    }

    /** A builder for a new message (BOOTREQUEST, Ethernet, 6-byte hardware address). */
    public static DhcpMessageBuilder builder() {
        return new DhcpMessageBuilder();
    }

    /** A builder initialised with this message. */
    public DhcpMessageBuilder toBuilder() {
        return new DhcpMessageBuilder(this);
    }

    /**
     * Decodes one message from the buffer's position to its limit (a whole UDP payload) and
     * moves the position to the limit. The buffer's byte order does not matter.
     *
     * @throws DecodeException if the input is shorter than the header, lacks the magic cookie, or
     *     an option runs past its field (offset relative to the buffer's position)
     */
    public static DhcpMessage decode(ByteBuffer in) throws DecodeException {
        int length = in.remaining();
        DhcpMessage m;
        if (in.hasArray()) {
            m = DhcpDecoder.decode(in.array(), in.arrayOffset() + in.position(), length);
        } else {
            byte[] copy = new byte[length];
            in.get(in.position(), copy);
            m = DhcpDecoder.decode(copy, 0, length);
        }
        in.position(in.limit());
        return m;
    }

    /** Decodes a whole array; see {@link #decode(ByteBuffer)}. */
    public static DhcpMessage decode(byte[] in) throws DecodeException {
        return DhcpDecoder.decode(in, 0, in.length);
    }

    /** The encoded message (no overload; padded to {@link #minimumLength()}). */
    public byte[] encode() {
        return DhcpEncoder.encode(this, Integer.MAX_VALUE);
    }

    /**
     * The encoded message, at most {@code maxMessageSize} bytes (the client's option 57, or
     * {@link #DEFAULT_MAX_MESSAGE_SIZE}): options that do not fit the options field spill into
     * {@code file}, then {@code sname}, announced by option 52 (RFC 2132 section 9.3); an empty
     * field only is used.
     *
     * @throws IllegalArgumentException if the message cannot fit
     */
    public byte[] encode(int maxMessageSize) {
        return DhcpEncoder.encode(this, maxMessageSize);
    }

    /**
     * Writes the encoded message (as {@link #encode()}) at the buffer's position and advances it.
     *
     * @throws java.nio.BufferOverflowException if it does not fit
     */
    public void encode(ByteBuffer out) {
        if (out.hasArray() && !out.isReadOnly()) {
            int n = DhcpEncoder.length(this);
            if (out.remaining() < n) {
                throw new java.nio.BufferOverflowException();
            }
            DhcpEncoder.encodeInto(this, out.array(), out.arrayOffset() + out.position(), n);
            out.position(out.position() + n);
        } else {
            out.put(encode());
        }
    }

    /** {@code op}: {@link #BOOTREQUEST} or {@link #BOOTREPLY}. */
    public int op() {
        return op;
    }

    /** Hardware address type ({@code htype}). */
    public int htype() {
        return htype;
    }

    /** Hardware address length ({@code hlen}). */
    public int hlen() {
        return hlen;
    }

    /** Relay hop count. */
    public int hops() {
        return hops;
    }

    /** Transaction id. */
    public int xid() {
        return xid;
    }

    /** Seconds since the client began (uint16). */
    public int secs() {
        return secs;
    }

    /** The 16-bit flags field. */
    public int flags() {
        return flags;
    }

    /** Whether the client asks for broadcast replies. */
    public boolean broadcast() {
        return (flags & FLAG_BROADCAST) != 0;
    }

    /** Client IP address. */
    public Ipv4Address ciaddr() {
        return new Ipv4Address(ciaddr);
    }

    /** "Your" (offered) IP address. */
    public Ipv4Address yiaddr() {
        return new Ipv4Address(yiaddr);
    }

    /** Next server (TFTP) IP address. */
    public Ipv4Address siaddr() {
        return new Ipv4Address(siaddr);
    }

    /** Relay agent IP address; for cable, the CMTS interface. */
    public Ipv4Address giaddr() {
        return new Ipv4Address(giaddr);
    }

    /** All 16 bytes of {@code chaddr}. */
    public byte[] chaddr() {
        return chaddr.clone();
    }

    /** The first {@code min(hlen, 16)} bytes of {@code chaddr}: the MAC address for Ethernet. */
    public byte[] hardwareAddress() {
        return Arrays.copyOf(chaddr, Math.min(hlen, CHADDR_LENGTH));
    }

    /** The hardware address as {@code 00:11:22:AA:BB:CC}. */
    public String hardwareAddressText() {
        return Bytes.mac(hardwareAddress());
    }

    /** All 64 bytes of {@code sname}. */
    public byte[] sname() {
        return sname.clone();
    }

    /** {@code sname} up to its first NUL, as ISO-8859-1 text. */
    public String serverName() {
        return cString(sname);
    }

    /** All 128 bytes of {@code file}. */
    public byte[] file() {
        return file.clone();
    }

    /** {@code file} up to its first NUL: the boot file name (the config file in the Basic flow). */
    public String fileName() {
        return cString(file);
    }

    /** The options, joined per code, in wire order. */
    public DhcpOptions options() {
        return options;
    }

    /** Length the encoding is padded to with zeros (at least the header length). */
    public int minimumLength() {
        return minimumLength;
    }

    private static String cString(byte[] field) {
        int n = 0;
        while (n < field.length && field[n] != 0) {
            n++;
        }
        return new String(field, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DhcpMessage m && op == m.op && htype == m.htype && hlen == m.hlen
                && hops == m.hops && xid == m.xid && secs == m.secs && flags == m.flags
                && ciaddr == m.ciaddr && yiaddr == m.yiaddr && siaddr == m.siaddr
                && giaddr == m.giaddr && minimumLength == m.minimumLength
                && Arrays.equals(chaddr, m.chaddr) && Arrays.equals(sname, m.sname)
                && Arrays.equals(file, m.file) && options.equals(m.options);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * xid + Arrays.hashCode(chaddr)) + options.hashCode();
    }

    @Override
    public String toString() {
        return "DhcpMessage[op=" + op + " xid=" + Integer.toHexString(xid) + " chaddr="
                + hardwareAddressText() + " ciaddr=" + ciaddr() + " yiaddr=" + yiaddr() + " siaddr="
                + siaddr() + " giaddr=" + giaddr() + " file=" + fileName() + " " + options + "]";
    }
}
