package io.mtaprov.server.dhcp;

import io.mtaprov.protocol.dhcp.Ipv4Address;

/**
 * An inclusive range of IPv4 addresses in a pool, as 32-bit values (compared unsigned).
 *
 * @param first first address
 * @param last  last address, not below {@code first}
 */
public record AddressRange(int first, int last) {
    /** @throws IllegalArgumentException if {@code last} is below {@code first} */
    public AddressRange {
        if (Integer.compareUnsigned(first, last) > 0) {
            throw new IllegalArgumentException("address range " + new Ipv4Address(first) + "-"
                    + new Ipv4Address(last) + " is backwards");
        }
    }

    /** Parses {@code 10.0.0.10-10.0.0.250} (or a single address). */
    public static AddressRange parse(String text) {
        String[] p = text.trim().split("\\s*-\\s*");
        if (p.length > 2) {
            throw new IllegalArgumentException("not an address range: " + text);
        }
        return new AddressRange(Ipv4Address.parse(p[0]).bits(), Ipv4Address.parse(p[p.length - 1]).bits());
    }

    /** Whether {@code ip} lies in the range. */
    public boolean contains(int ip) {
        return Integer.compareUnsigned(ip, first) >= 0 && Integer.compareUnsigned(ip, last) <= 0;
    }

    /** Number of addresses. */
    public long size() {
        return Integer.toUnsignedLong(last) - Integer.toUnsignedLong(first) + 1;
    }

    @Override
    public String toString() {
        return new Ipv4Address(first) + "-" + new Ipv4Address(last);
    }
}
