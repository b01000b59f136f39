package io.mtaprov.server.tftp;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code rate} requests per second on average, {@code burst} at
 * once. Idle buckets are forgotten when the table grows large, so a flood from many spoofed
 * addresses costs bounded memory. Thread-safe.
 */
final class ClientRateLimiter {
    /** Buckets kept before idle ones are swept. */
    static final int MAX_CLIENTS = 65_536;
    private final double ratePerNano;
    private final int burst;
    private final ConcurrentHashMap<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();

    ClientRateLimiter(int rate, int burst) {
        this.ratePerNano = rate / 1e9;
        this.burst = Math.max(1, burst);
    }

    /** True when {@code client} may make one more request at {@code nowNanos}. */
    boolean allow(InetAddress client, long nowNanos) {
        if (ratePerNano == 0) {
            return true;
        }
        if (buckets.size() > MAX_CLIENTS) {
            sweep(nowNanos);
        }
        Bucket b = buckets.computeIfAbsent(client, c -> new Bucket(burst, nowNanos));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (nowNanos - b.last) * ratePerNano);
            b.last = nowNanos;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Forgets buckets that have refilled completely (their clients have been quiet). */
    private void sweep(long nowNanos) {
        buckets.values().removeIf(b -> {
            synchronized (b) {
                return b.tokens + (nowNanos - b.last) * ratePerNano >= burst;
            }
        });
    }

    int tracked() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }
}
