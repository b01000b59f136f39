package io.mtaprov.protocol.dhcp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 address as its 32-bit value (network byte order as an {@code int}); the form every
 * address field and address option of DHCP uses (RFC 2131 section 2). Immutable, cheap to create,
 * never resolves names.
 *
 * @param bits the address, most significant byte first
 */
public record Ipv4Address(int bits) {

    /** 0.0.0.0, the value of an unset address field. */
    public static final Ipv4Address ANY = new Ipv4Address(0);

    /** The address of four bytes (most significant first). */
    public static Ipv4Address of(int a, int b, int c, int d) {
        for (int v : new int[] {a, b, c, d}) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("not an IPv4 address byte: " + v);
            }
        }
        return new Ipv4Address(a << 24 | b << 16 | c << 8 | d);
    }

    /** The address of a 4-byte array. */
    public static Ipv4Address of(byte[] address) {
        if (address.length != 4) {
            throw new IllegalArgumentException("an IPv4 address has 4 bytes, not " + address.length);
        }
        return new Ipv4Address(Bytes.i32(address, 0));
    }

    /** The address of a resolved {@link Inet4Address}. */
    public static Ipv4Address of(Inet4Address address) {
        return of(address.getAddress());
    }

    /**
     * Parses dotted-quad text ({@code 10.0.0.1}); no leading zeros beyond one digit are required,
     * no names are resolved.
     *
     * @throws IllegalArgumentException if the text is not a dotted quad
     */
    public static Ipv4Address parse(String text) {
        int value = 0;
        int part = 0;
        int parts = 0;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || parts == 4) {
                    throw new IllegalArgumentException("not an IPv4 address: " + text);
                }
                value = value << 8 | part;
                parts++;
                part = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                part = part * 10 + (c - '0');
                digits++;
                if (part > 255) {
                    throw new IllegalArgumentException("not an IPv4 address: " + text);
                }
            } else {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
        }
        if (parts != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        return new Ipv4Address(value);
    }

    /** The four bytes, most significant first (a new array). */
    public byte[] toBytes() {
        byte[] b = new byte[4];
        Bytes.put32(b, 0, bits);
        return b;
    }

    /** The same address as a {@link Inet4Address} (no name lookup). */
    public Inet4Address toInetAddress() {
        try {
            return (Inet4Address) InetAddress.getByAddress(toBytes());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always a valid IPv4 address", e);
        }
    }

    /** Dotted-quad text. */
    @Override
    public String toString() {
        return (bits >>> 24) + "." + (bits >>> 16 & 0xff) + "." + (bits >>> 8 & 0xff) + "." + (bits & 0xff);
    }
}
