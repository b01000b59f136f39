package io.mtaprov.protocol.pcap;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One UDP/IPv4 datagram of a capture: capture time, source and destination (IPv4 address and
 * port) and the UDP payload. Immutable: the payload is copied in and out.
 *
 * @param time capture time (pcap stores microseconds; finer parts are dropped on write)
 * @param source source IPv4 address and UDP port
 * @param destination destination IPv4 address and UDP port
 * @param payload the UDP payload (at most {@link #MAX_PAYLOAD} bytes)
 */
public record UdpRecord(Instant time, InetSocketAddress source, InetSocketAddress destination,
        byte[] payload) {

    /** Largest UDP payload in one unfragmented IPv4 datagram (65535 - 20 - 8). */
    public static final int MAX_PAYLOAD = 65_507;

    /**
     * @throws IllegalArgumentException if an address is not a resolved IPv4 address or the payload
     *     does not fit one datagram
     */
    public UdpRecord {
        Objects.requireNonNull(time, "time");
        requireIpv4(Objects.requireNonNull(source, "source"), "source");
        requireIpv4(Objects.requireNonNull(destination, "destination"), "destination");
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("UDP payload of " + payload.length
                    + " bytes exceeds " + MAX_PAYLOAD);
        }
        payload = payload.clone();
    }

    private static void requireIpv4(InetSocketAddress address, String what) {
        if (!(address.getAddress() instanceof Inet4Address)) {
            throw new IllegalArgumentException(what + " must be a resolved IPv4 address: " + address);
        }
    }

    /** Returns a copy of the UDP payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpRecord r && time.equals(r.time) && source.equals(r.source)
                && destination.equals(r.destination) && Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, source, destination, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "UdpRecord[" + time + " " + source + " -> " + destination + ", " + payload.length
                + " bytes]";
    }
}
