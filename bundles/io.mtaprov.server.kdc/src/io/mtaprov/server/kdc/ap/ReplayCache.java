package io.mtaprov.server.kdc.ap;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The replay cache of an AP-REQ receiver (RFC 4120 3.2.3): an authenticator (client, ctime, cusec)
 * seen within the clock skew is refused the second time. Entries older than the skew are dropped;
 * a request older than the skew never reaches the cache (the skew check refuses it first).
 * Thread-safe.
 */
public final class ReplayCache {
    private final Duration window;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.EPOCH;

    public ReplayCache(Duration window) {
        this.window = window;
    }

    /** Records the authenticator; false if it was already there (a replay). */
    public boolean firstSeen(String client, Instant ctime, int cusec, Instant now) {
        sweep(now);
        return seen.putIfAbsent(client + "|" + ctime.toEpochMilli() + "|" + cusec, now) == null;
    }

    public int size() {
        return seen.size();
    }

    private void sweep(Instant now) {
        if (Duration.between(lastSweep, now).compareTo(Duration.ofSeconds(10)) < 0) {
            return;
        }
        lastSweep = now;
        Instant oldest = now.minus(window.multipliedBy(2));
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext();) {
            if (it.next().isBefore(oldest)) {
                it.remove();
            }
        }
    }
}
