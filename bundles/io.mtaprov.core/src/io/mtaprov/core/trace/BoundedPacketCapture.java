package io.mtaprov.core.trace;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PacketCapture} holding at most {@code maxBytes} of payload: recording beyond that drops
 * the oldest packets. One lock; recording is an append, selecting scans what is kept.
 */
public class BoundedPacketCapture implements PacketCapture {
    private final long maxBytes;
    private final ArrayDeque<CapturedPacket> packets = new ArrayDeque<>();
    private long bytes;
    private long dropped;

    public BoundedPacketCapture(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + " <= 0");
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public synchronized void record(CapturedPacket packet) {
        packets.addLast(packet);
        bytes += packet.length();
        while (bytes > maxBytes && !packets.isEmpty()) {
            bytes -= packets.removeFirst().length();
            dropped++;
        }
    }

    @Override
    public List<CapturedPacket> select(String mac, String ip, Instant from, Instant to) {
        CapturedPacket[] snapshot;
        synchronized (this) {
            snapshot = packets.toArray(CapturedPacket[]::new);
        }
        List<CapturedPacket> out = new ArrayList<>();
        for (CapturedPacket p : snapshot) {
            if (!p.time().isBefore(from) && !p.time().isAfter(to)
                    && (!mac.isEmpty() && mac.equalsIgnoreCase(p.mac()) || p.involves(ip))) {
                out.add(p);
            }
        }
        out.sort(java.util.Comparator.comparing(CapturedPacket::time));
        return out;
    }

    /** Packets dropped to stay within the bound so far. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Payload bytes kept now. */
    public synchronized long bytes() {
        return bytes;
    }
}
