package io.mtaprov.protocol.dhcp;

import java.util.Arrays;

/**
 * Builds a {@link DhcpMessage}. Defaults: {@code op} BOOTREQUEST, Ethernet, {@code hlen} 6, all
 * other header fields zero, no options, padding to {@link DhcpMessage#BOOTP_MINIMUM_LENGTH}.
 * Not thread-safe; {@link #build()} may be called repeatedly.
 */
public final class DhcpMessageBuilder {
    private final int[] h = new int[11];
    private byte[] chaddr = new byte[DhcpMessage.CHADDR_LENGTH];
    private byte[] sname = new byte[DhcpMessage.SNAME_LENGTH];
    private byte[] file = new byte[DhcpMessage.FILE_LENGTH];
    private DhcpOptions.Builder options = DhcpOptions.builder();
    private int minimumLength = DhcpMessage.BOOTP_MINIMUM_LENGTH;

    DhcpMessageBuilder() {
        h[0] = DhcpMessage.BOOTREQUEST;
        h[1] = DhcpMessage.HTYPE_ETHERNET;
        h[2] = 6;
    }

    DhcpMessageBuilder(DhcpMessage m) {
        int[] v = {m.op, m.htype, m.hlen, m.hops, m.xid, m.secs, m.flags, m.ciaddr, m.yiaddr,
            m.siaddr, m.giaddr};
        System.arraycopy(v, 0, h, 0, v.length);
        chaddr = m.chaddr;
        sname = m.sname;
        file = m.file;
        options = m.options.toBuilder();
        minimumLength = m.minimumLength;
    }

    /**
     * A BOOTREPLY to {@code request} as RFC 2131 section 4.3.1 table 3 prescribes: {@code htype},
     * {@code hlen}, {@code xid}, {@code flags}, {@code giaddr} and {@code chaddr} copied; {@code hops},
     * {@code secs}, addresses and options empty.
     */
    public static DhcpMessageBuilder replyTo(DhcpMessage request) {
        DhcpMessageBuilder b = new DhcpMessageBuilder();
        b.h[0] = DhcpMessage.BOOTREPLY;
        b.h[1] = request.htype;
        b.h[2] = request.hlen;
        b.h[4] = request.xid;
        b.h[6] = request.flags;
        b.h[10] = request.giaddr;
        b.chaddr = request.chaddr;
        return b;
    }

    /** {@code op}, 1 request or 2 reply. */
    public DhcpMessageBuilder op(int op) {
        h[0] = u8(op, "op");
        return this;
    }

    /** Hardware type. */
    public DhcpMessageBuilder htype(int htype) {
        h[1] = u8(htype, "htype");
        return this;
    }

    /** Hardware address length (normally set by {@link #hardwareAddress}). */
    public DhcpMessageBuilder hlen(int hlen) {
        h[2] = u8(hlen, "hlen");
        return this;
    }

    /** Relay hops. */
    public DhcpMessageBuilder hops(int hops) {
        h[3] = u8(hops, "hops");
        return this;
    }

    /** Transaction id. */
    public DhcpMessageBuilder xid(int xid) {
        h[4] = xid;
        return this;
    }

    /** Seconds elapsed (uint16). */
    public DhcpMessageBuilder secs(int secs) {
        h[5] = u16(secs, "secs");
        return this;
    }

    /** The whole flags field (uint16). */
    public DhcpMessageBuilder flags(int flags) {
        h[6] = u16(flags, "flags");
        return this;
    }

    /** Sets or clears the broadcast flag. */
    public DhcpMessageBuilder broadcast(boolean broadcast) {
        h[6] = broadcast ? h[6] | DhcpMessage.FLAG_BROADCAST : h[6] & ~DhcpMessage.FLAG_BROADCAST;
        return this;
    }

    /** Client address. */
    public DhcpMessageBuilder ciaddr(Ipv4Address a) {
        h[7] = a.bits();
        return this;
    }

    /** Offered address. */
    public DhcpMessageBuilder yiaddr(Ipv4Address a) {
        h[8] = a.bits();
        return this;
    }

    /** Next-server (TFTP) address. */
    public DhcpMessageBuilder siaddr(Ipv4Address a) {
        h[9] = a.bits();
        return this;
    }

    /** Relay agent address. */
    public DhcpMessageBuilder giaddr(Ipv4Address a) {
        h[10] = a.bits();
        return this;
    }

    /** Sets {@code chaddr} to the address (zero-filled to 16 bytes) and {@code hlen} to its length. */
    public DhcpMessageBuilder hardwareAddress(byte[] address) {
        chaddr = fixed(address, DhcpMessage.CHADDR_LENGTH, "chaddr");
        h[2] = address.length;
        return this;
    }

    /** {@code sname}: at most 64 bytes, zero-filled. */
    public DhcpMessageBuilder sname(byte[] value) {
        sname = fixed(value, DhcpMessage.SNAME_LENGTH, "sname");
        return this;
    }

    /** {@code sname} from ASCII text (NUL-terminated when shorter than the field). */
    public DhcpMessageBuilder serverName(String name) {
        return sname(Bytes.ascii(name, "sname"));
    }

    /** {@code file}: at most 128 bytes, zero-filled. */
    public DhcpMessageBuilder file(byte[] value) {
        file = fixed(value, DhcpMessage.FILE_LENGTH, "file");
        return this;
    }

    /** {@code file} from ASCII text: the boot (configuration) file name. */
    public DhcpMessageBuilder fileName(String name) {
        return file(Bytes.ascii(name, "file"));
    }

    /** Adds an option, replacing one of the same code in place. */
    public DhcpMessageBuilder option(DhcpOption option) {
        options.set(option);
        return this;
    }

    /** Removes the option with this code. */
    public DhcpMessageBuilder removeOption(int code) {
        options.remove(code);
        return this;
    }

    /** Replaces all options. */
    public DhcpMessageBuilder options(DhcpOptions all) {
        options = all.toBuilder();
        return this;
    }

    /** Pads the encoding with zeros to at least this many bytes (240..65535; default 300). */
    public DhcpMessageBuilder minimumLength(int length) {
        if (length < DhcpMessage.HEADER_LENGTH || length > 0xffff) {
            throw new IllegalArgumentException("minimum length must be 240..65535: " + length);
        }
        minimumLength = length;
        return this;
    }

    /** The message. */
    public DhcpMessage build() {
        return new DhcpMessage(h.clone(), chaddr, sname, file, options.build(), minimumLength);
    }

    private static byte[] fixed(byte[] value, int size, String what) {
        if (value.length > size) {
            throw new IllegalArgumentException(what + " holds at most " + size + " bytes, got "
                    + value.length);
        }
        return Arrays.copyOf(value, size);
    }

    private static int u8(int v, String what) {
        if (v < 0 || v > 0xff) {
            throw new IllegalArgumentException(what + " is one byte: " + v);
        }
        return v;
    }

    private static int u16(int v, String what) {
        if (v < 0 || v > 0xffff) {
            throw new IllegalArgumentException(what + " is 16 bits: " + v);
        }
        return v;
    }
}
