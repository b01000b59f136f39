package io.mtaprov.protocol.dhcp;

import java.util.Arrays;

/**
 * One logical DHCPv4 option: a code (1..254) and its value bytes (RFC 2132 section 2). The value
 * is the concatenation of every instance of the code in the message (RFC 3396 section 5), so it
 * may be longer than 255 bytes; the encoder splits such values into several instances again.
 * Immutable: the value is copied in and out. The typed views ({@link ClientConfiguration},
 * {@link VendorClass}, ...) turn an option into fields; {@link StandardOptions} builds the common
 * ones.
 */
public final class DhcpOption {
    private static final byte[] EMPTY = new byte[0];
    private final int code;
    private final byte[] value;

    private DhcpOption(int code, byte[] value) {
        this.code = code;
        this.value = value;
    }

    /**
     * An option with the given code and a copy of {@code value}.
     *
     * @throws IllegalArgumentException if the code is pad (0), end (255) or out of range
     */
    public static DhcpOption of(int code, byte[] value) {
        return new DhcpOption(checkCode(code), value.length == 0 ? EMPTY : value.clone());
    }

    /** Without copying: for decoders and factories of this package that own {@code value}. */
    static DhcpOption wrap(int code, byte[] value) {
        return new DhcpOption(code, value);
    }

    /** An option carrying one unsigned byte. */
    public static DhcpOption uint8(int code, int v) {
        if (v < 0 || v > 0xff) {
            throw new IllegalArgumentException("not an unsigned byte: " + v);
        }
        return new DhcpOption(checkCode(code), new byte[] {(byte) v});
    }

    /** An option carrying an unsigned 16-bit value. */
    public static DhcpOption uint16(int code, int v) {
        if (v < 0 || v > 0xffff) {
            throw new IllegalArgumentException("not an unsigned 16-bit value: " + v);
        }
        byte[] b = new byte[2];
        Bytes.put16(b, 0, v);
        return new DhcpOption(checkCode(code), b);
    }

    /** An option carrying an unsigned 32-bit value. */
    public static DhcpOption uint32(int code, long v) {
        return new DhcpOption(checkCode(code), Bytes.u32Bytes(v));
    }

    /** An option carrying one or more IPv4 addresses. */
    public static DhcpOption addresses(int code, Ipv4Address... addresses) {
        if (addresses.length == 0) {
            throw new IllegalArgumentException("option " + code + " needs at least one address");
        }
        byte[] b = new byte[addresses.length * 4];
        for (int i = 0; i < addresses.length; i++) {
            Bytes.put32(b, 4 * i, addresses[i].bits());
        }
        return new DhcpOption(checkCode(code), b);
    }

    /** An option carrying ASCII text, without a terminating NUL (RFC 2132 section 2). */
    public static DhcpOption ascii(int code, String text) {
        return new DhcpOption(checkCode(code), Bytes.ascii(text, "option " + code));
    }

    private static int checkCode(int code) {
        if (code <= DhcpOptionCode.PAD || code >= DhcpOptionCode.END) {
            throw new IllegalArgumentException("not an option code with a value: " + code);
        }
        return code;
    }

    /** The option code, 1..254. */
    public int code() {
        return code;
    }

    /** A copy of the value. */
    public byte[] value() {
        return value.length == 0 ? EMPTY : value.clone();
    }

    /** Length of the value in bytes. */
    public int length() {
        return value.length;
    }

    /** The value without copying; callers in this package never modify it. */
    byte[] raw() {
        return value;
    }

    /** Bytes on the wire: the value split into instances of at most 255 bytes (RFC 3396 7). */
    int encodedLength() {
        int instances = value.length == 0 ? 1 : (value.length + 254) / 255;
        return value.length + 2 * instances;
    }

    /** Writes the instances at {@code at}, returns the position after them. */
    int encodeInto(byte[] out, int at) {
        int off = 0;
        do {
            int n = Math.min(255, value.length - off);
            out[at++] = (byte) code;
            out[at++] = (byte) n;
            System.arraycopy(value, off, out, at, n);
            at += n;
            off += n;
        } while (off < value.length);
        return at;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DhcpOption d && d.code == code && Arrays.equals(d.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(value);
    }

    /** {@code option 53 [05]}: the code and the value in hex. */
    @Override
    public String toString() {
        return "option " + code + " [" + Bytes.hex(value) + "]";
    }
}
