package io.mtaprov.server.dhcp;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's bindings in memory (RFC 2131 section 4.3.1): by MAC and by address, plus declined
 * addresses and the allocation cursor of each pool. The store holds the durable copy; this table is
 * loaded from it at start and is the one the hot path reads. Offers live here only.
 *
 * <p>Threading: confined to the DHCP receive thread.
 */
final class LeaseTable {
    /** A lease with its address and expiry as numbers for the hot path. */
    record Binding(Lease lease, int ip, long expiresMillis) {
        boolean activeAt(long now) {
            Lease.State s = lease.state();
            return (s == Lease.State.BOUND || s == Lease.State.OFFERED) && expiresMillis > now;
        }

        String mac() {
            return lease.mac();
        }
    }

    private final Map<String, Binding> byMac = new HashMap<>();
    private final Map<Integer, Binding> byIp = new HashMap<>();
    private final Map<Integer, Long> conflicts = new HashMap<>();
    private final Map<Integer, String> reserved = new HashMap<>();
    private final Map<AddressRange, long[]> cursors = new IdentityHashMap<>();
    /** Offers in the order they were made, oldest first; entries that were since replaced are skipped. */
    private final ArrayDeque<Binding> offers = new ArrayDeque<>();

    LeaseTable(Map<String, Ipv4Address> reservations) {
        reservations.forEach((mac, ip) -> reserved.put(ip.bits(), mac));
    }

    /** Loads stored leases and conflicts. */
    void load(List<Lease> leases, Map<String, Instant> declined) {
        for (Lease l : leases) {
            bind(l);
        }
        declined.forEach((ip, until) -> conflicts.put(Ipv4Address.parse(ip).bits(), until.toEpochMilli()));
    }

    Binding byMac(String mac) {
        return byMac.get(mac);
    }

    int size() {
        return byMac.size();
    }

    /** Whether {@code mac} may have {@code ip}: not declined, not reserved for another, not leased to another. */
    boolean available(int ip, String mac, long now) {
        Long c = conflicts.get(ip);
        if (c != null && c > now) {
            return false;
        }
        String r = reserved.get(ip);
        if (r != null && !r.equals(mac)) {
            return false;
        }
        Binding b = byIp.get(ip);
        return b == null || b.mac().equals(mac) || !b.activeAt(now);
    }

    /**
     * The next available address of the ranges after each range's cursor; when none is, the
     * address of the oldest offer not yet requested (its client may never come back: under a
     * flood of DISCOVERs, held offers would otherwise lock every new client out until their hold
     * ends; RFC 2131 section 4.3.1 lets a server reserve offered addresses, it does not have to);
     * 0 if every address is leased.
     */
    int allocate(List<AddressRange> ranges, String mac, long now) {
        int ip = free(ranges, mac, now);
        return ip != 0 ? ip : reclaimOffer(ranges, mac, now);
    }

    private int reclaimOffer(List<AddressRange> ranges, String mac, long now) {
        for (int n = offers.size(); n > 0; n--) {
            Binding b = offers.pollFirst();
            if (byIp.get(b.ip()) != b || b.lease().state() != Lease.State.OFFERED || b.mac().equals(mac)) {
                continue; // requested, replaced or expired since
            }
            if (inRanges(ranges, b.ip()) && reservedFor(b.ip(), mac) && !declined(b.ip(), now)) {
                byIp.remove(b.ip());
                if (byMac.get(b.mac()) == b) {
                    byMac.remove(b.mac());
                }
                return b.ip();
            }
            offers.addLast(b); // an offer from another pool: not ours to take, keep it
        }
        return 0;
    }

    private static boolean inRanges(List<AddressRange> ranges, int ip) {
        long v = Integer.toUnsignedLong(ip);
        for (AddressRange r : ranges) {
            long first = Integer.toUnsignedLong(r.first());
            if (v >= first && v < first + r.size()) {
                return true;
            }
        }
        return false;
    }

    private boolean reservedFor(int ip, String mac) {
        String r = reserved.get(ip);
        return r == null || r.equals(mac);
    }

    private boolean declined(int ip, long now) {
        Long c = conflicts.get(ip);
        return c != null && c > now;
    }

    private int free(List<AddressRange> ranges, String mac, long now) {
        for (AddressRange r : ranges) {
            long[] cursor = cursors.computeIfAbsent(r, k -> new long[1]);
            long size = r.size();
            for (long i = 0; i < size; i++) {
                long off = (cursor[0] + i) % size;
                int ip = (int) (Integer.toUnsignedLong(r.first()) + off);
                if (available(ip, mac, now)) {
                    cursor[0] = off + 1;
                    return ip;
                }
            }
        }
        return 0;
    }

    /** Stores or replaces the MAC's binding; another MAC's binding of the same address is dropped. */
    Binding bind(Lease lease) {
        Binding b = new Binding(lease, Ipv4Address.parse(lease.ip()).bits(), lease.expires().toEpochMilli());
        Binding old = byMac.put(lease.mac(), b);
        if (old != null && old.ip() != b.ip() && byIp.get(old.ip()) == old) {
            byIp.remove(old.ip());
        }
        Binding other = byIp.put(b.ip(), b);
        if (other != null && !other.mac().equals(lease.mac()) && byMac.get(other.mac()) == other) {
            byMac.remove(other.mac());
        }
        if (lease.state() == Lease.State.OFFERED) {
            offers.addLast(b);
        }
        return b;
    }

    /** Marks an address declined until {@code until}. */
    void conflict(int ip, long until) {
        conflicts.put(ip, until);
    }

    /**
     * Ends what is due: BOUND leases past expiry become EXPIRED (returned, to be stored and
     * announced); OFFERED past the hold become EXPIRED silently (offers are never stored).
     */
    List<Lease> expire(long now) {
        List<Lease> due = new ArrayList<>();
        List<Binding> changed = new ArrayList<>();
        for (Binding b : byMac.values()) {
            if (!b.activeAt(now) && (b.lease().state() == Lease.State.BOUND
                    || b.lease().state() == Lease.State.OFFERED)) {
                changed.add(b);
            }
        }
        for (Binding b : changed) {
            Lease l = b.lease();
            Lease expired = l.with(Lease.State.EXPIRED, l.expires());
            bind(expired);
            if (l.state() == Lease.State.BOUND) {
                due.add(expired);
            }
        }
        conflicts.values().removeIf(until -> until <= now);
        while (!offers.isEmpty() && (byIp.get(offers.peekFirst().ip()) != offers.peekFirst()
                || !offers.peekFirst().activeAt(now))) {
            offers.pollFirst(); // requested, replaced or expired: nothing left to reclaim
        }
        return due;
    }
}
