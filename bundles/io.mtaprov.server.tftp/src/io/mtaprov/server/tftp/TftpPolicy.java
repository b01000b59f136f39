package io.mtaprov.server.tftp;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * What the TFTP server allows beyond the protocol: how long a generated file stays downloadable
 * (an MTA fetches its file seconds after the SET; a name that works for ever is a name that leaks
 * for ever) and how many requests per second one client address may make.
 *
 * @param fileLifetime   a file is served for this long after it was generated
 * @param clientRate     requests per second one client address may make on average; 0 = no limit
 * @param clientBurst    requests one client address may make at once
 */
public record TftpPolicy(Duration fileLifetime, int clientRate, int clientBurst) {
    /** Defaults: files served for an hour, 20 requests/s per client address with bursts of 40. */
    public static final TftpPolicy DEFAULTS = new TftpPolicy(Duration.ofHours(1), 20, 40);
    /** No rate limit, files served for a day (benchmarks and tests outside OSGi). */
    public static final TftpPolicy UNLIMITED = new TftpPolicy(Duration.ofDays(1), 0, 0);

    /**
     * The defaults overridden by {@code mtaprov.tftp.fileLifetimeSeconds}, {@code mtaprov.tftp.clientRate}
     * (0 turns the limit off) and {@code mtaprov.tftp.clientBurst}.
     */
    public static TftpPolicy fromProperties(UnaryOperator<String> props) {
        long life = number(props, "mtaprov.tftp.fileLifetimeSeconds", DEFAULTS.fileLifetime.toSeconds());
        int rate = (int) number(props, "mtaprov.tftp.clientRate", DEFAULTS.clientRate);
        int burst = (int) number(props, "mtaprov.tftp.clientBurst", Math.max(DEFAULTS.clientBurst, 2L * rate));
        return new TftpPolicy(Duration.ofSeconds(life), rate, burst);
    }

    private static long number(UnaryOperator<String> props, String key, long dflt) {
        String v = props.apply(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new IllegalArgumentException(key + " must not be negative: " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + v, e);
        }
    }
}
