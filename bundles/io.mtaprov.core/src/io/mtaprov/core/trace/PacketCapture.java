package io.mtaprov.core.trace;

import java.time.Instant;
import java.util.List;

/**
 * The datagrams the embedded servers exchanged lately, kept in memory (bounded: the oldest are
 * dropped first), so that an attempt can be exported as a pcap file that Wireshark decodes. Trace
 * events carry decoded fields only; this keeps the bytes. Servers record through an optional
 * service reference; without the service nothing is kept. Thread-safe; {@link #record} is cheap
 * (a copy of the payload and an append) and may be called on a server's receive thread.
 */
public interface PacketCapture {

    void record(CapturedPacket packet);

    /**
     * The kept packets of one MTA, oldest first: those recorded with its MAC, or to or from its IP
     * address, between {@code from} and {@code to} inclusive.
     *
     * @param ip the MTA's IPv4 address, "" when unknown (then only packets with its MAC)
     */
    List<CapturedPacket> select(String mac, String ip, Instant from, Instant to);
}
