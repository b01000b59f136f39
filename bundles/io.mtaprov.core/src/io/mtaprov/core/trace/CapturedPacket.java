package io.mtaprov.core.trace;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One UDP datagram a server received or sent, as it was on the wire (the UDP payload), for the
 * pcap export of an attempt. Immutable: the payload is copied in and out.
 *
 * @param time        when it was received or sent
 * @param mac         the MTA it belongs to when the server knows (DHCP chaddr), else ""
 * @param source      sender address and port
 * @param destination receiver address and port
 * @param payload     the UDP payload
 */
public record CapturedPacket(Instant time, String mac, InetSocketAddress source, InetSocketAddress destination,
        byte[] payload) {

    public CapturedPacket {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        mac = mac == null ? "" : mac;
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Payload length without copying. */
    public int length() {
        return payload.length;
    }

    /** Whether the MTA's address is either end. */
    public boolean involves(String ip) {
        return !ip.isEmpty() && (ip.equals(source.getAddress().getHostAddress())
                || ip.equals(destination.getAddress().getHostAddress()));
    }
}
