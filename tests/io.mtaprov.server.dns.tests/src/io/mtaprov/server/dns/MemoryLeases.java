package io.mtaprov.server.dns;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseEvents;
import io.mtaprov.core.lease.LeaseLookup;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.event.Event;

/** An in-memory LeaseLookup, and the lease events the DHCP server would post. */
final class MemoryLeases implements LeaseLookup {
    final Map<String, Lease> byMac = new ConcurrentHashMap<>();

    static Lease lease(String mac, String ip, String hostname, Lease.State state) {
        Instant now = Instant.now();
        return new Lease(mac, ip, "cmts-1", "pktc", "pktc1.0:051f", hostname, "", state, now.minusSeconds(5),
                now.plus(Duration.ofHours(1)));
    }

    static Event changed(Lease lease) {
        return new Event(LeaseEvents.TOPIC_CHANGED, Map.of(LeaseEvents.PROP_LEASE, lease));
    }

    Lease put(Lease lease) {
        byMac.put(lease.mac(), lease);
        return lease;
    }

    @Override
    public Optional<Lease> byMac(String mac) {
        return Optional.ofNullable(byMac.get(mac));
    }

    @Override
    public Optional<Lease> byIp(String ip) {
        return byMac.values().stream().filter(l -> l.ip().equals(ip)).findFirst();
    }

    @Override
    public List<Lease> active(int limit) {
        Instant now = Instant.now();
        return byMac.values().stream().filter(l -> l.isActiveAt(now))
                .sorted(Comparator.comparing(Lease::start).reversed()).limit(limit).toList();
    }
}
