package io.mtaprov.sim;

import java.util.Arrays;

/**
 * p50/p95/p99/max of a set of durations, in milliseconds (nearest-rank method). Immutable.
 *
 * @param count how many samples
 * @param p50   median
 * @param p95   95th percentile
 * @param p99   99th percentile
 * @param max   largest
 */
public record Percentiles(int count, double p50, double p95, double p99, double max) {
    /** No samples. */
    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0);

    /** From durations in nanoseconds (the array is sorted in place). */
    public static Percentiles ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return EMPTY;
        }
        Arrays.sort(nanos);
        return new Percentiles(nanos.length, rank(nanos, 50), rank(nanos, 95), rank(nanos, 99),
                nanos[nanos.length - 1] / 1e6);
    }

    private static double rank(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms", count, p50,
                p95, p99, max);
    }
}
