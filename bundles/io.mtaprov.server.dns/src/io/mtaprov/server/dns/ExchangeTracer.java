package io.mtaprov.server.dns;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.server.ServerCounters;
import io.mtaprov.core.trace.TraceBus;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every exchange and publishes one short {@link TraceEvent} for it, naming the MTA that
 * asked when its address is leased. The MAC comes from the lease events the server has seen, else
 * from {@link LeaseLookup#byIp} (which may do I/O), whose answers are cached for a few seconds so
 * that a flood of queries does not become a flood of store reads. Thread-safe.
 */
final class ExchangeTracer {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeTracer.class);
    static final long LOOKUP_CACHE_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final int LOOKUP_CACHE_MAX = 4096;

    private record Cached(String mac, long expires) {
    }

    private final ServerCounters counters;
    private final Supplier<TraceBus> bus;
    private final Supplier<LeaseLookup> leases;
    private final MtaRecords mtas;
    private final ConcurrentHashMap<String, Cached> lookupCache = new ConcurrentHashMap<>();

    ExchangeTracer(ServerCounters counters, Supplier<TraceBus> bus, Supplier<LeaseLookup> leases, MtaRecords mtas) {
        this.counters = counters;
        this.bus = bus;
        this.leases = leases;
        this.mtas = mtas;
    }

    /** Counts and traces one exchange. */
    void record(Response r, InetSocketAddress peer, boolean tcp) {
        switch (r.kind()) {
            case ANSWERED -> counters.answered.increment();
            case REJECTED -> counters.rejected.increment();
            case DROPPED -> counters.dropped.increment();
        }
        publish(peer, r.step(), r.summary(), tcp ? "tcp; " + r.detail() : r.detail(), r.outcome());
    }

    /** Counts and traces a message the server could not even hand to the query handler. */
    void dropped(InetSocketAddress peer, String reason, String detail) {
        counters.dropped.increment();
        publish(peer, ProvisioningStep.DHCP_OPTIONS_TRANSFER, "dropped: " + reason, detail, Outcome.REJECTED);
    }

    /** Forgets what the store said about an address, after a lease change for it. */
    void invalidate(String ip) {
        lookupCache.remove(ip);
    }

    private void publish(InetSocketAddress peer, ProvisioningStep step, String summary, String detail,
            Outcome outcome) {
        TraceBus b = bus.get();
        if (b == null) {
            return;
        }
        String ip = peer.getAddress().getHostAddress();
        b.publish(new TraceEvent(Instant.now(), macOf(ip), step, DnsServer.ID, Direction.IN, ip + ":" + peer.getPort(),
                summary, detail, outcome));
    }

    private String macOf(String ip) {
        String mac = mtas.macOf(ip);
        if (mac != null) {
            return mac;
        }
        LeaseLookup lookup = leases.get();
        if (lookup == null) {
            return "";
        }
        long now = System.nanoTime();
        Cached c = lookupCache.get(ip);
        if (c != null && now - c.expires() < 0) {
            return c.mac();
        }
        String found = "";
        try {
            Optional<Lease> lease = lookup.byIp(ip);
            found = lease.map(Lease::mac).orElse("");
        } catch (RuntimeException e) {
            LOG.warn("lease lookup for {} failed: {}", ip, e.toString());
        }
        if (lookupCache.size() >= LOOKUP_CACHE_MAX) {
            lookupCache.clear();
        }
        lookupCache.put(ip, new Cached(found, now + LOOKUP_CACHE_NANOS));
        return found;
    }
}
