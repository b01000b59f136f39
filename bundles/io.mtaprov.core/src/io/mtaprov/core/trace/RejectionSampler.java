package io.mtaprov.core.trace;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a flood of rejected input (garbage, a fuzzer, a misbehaving relay) from flooding the trace:
 * per source (server), the first {@code perSecond} REJECTED events of each one-second window pass;
 * the others are only counted, and when the window ends one WARNING event says how many were not
 * traced. The servers' own counters still count every rejection. Events of known MTAs whose
 * attempt failed ({@link Outcome#FAILED}) are never sampled. Thread-safe.
 */
public final class RejectionSampler {
    /** Default rejected events traced per source and second. */
    public static final int DEFAULT_PER_SECOND = 200;
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int perSecond;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RejectionSampler(int perSecond) {
        this.perSecond = perSecond;
    }

    /** True when {@code e} is to be traced; false when it is only counted. */
    public boolean admit(TraceEvent e, long nowNanos) {
        if (e.outcome() != Outcome.REJECTED) {
            return true;
        }
        Window w = windows.computeIfAbsent(e.source(), s -> new Window(nowNanos));
        synchronized (w) {
            if (nowNanos - w.start >= WINDOW_NANOS) {
                w.carried += w.suppressed;
                w.suppressed = 0;
                w.admitted = 0;
                w.start = nowNanos;
            }
            if (w.admitted < perSecond) {
                w.admitted++;
                return true;
            }
            w.suppressed++;
            w.total++;
            w.step = e.step();
            return false;
        }
    }

    /**
     * The summaries of windows that ended with suppressed events ("N rejections not traced"), each
     * reported once; call it regularly (the bus's dispatcher does).
     */
    public List<TraceEvent> summaries(long nowNanos) {
        List<TraceEvent> out = new ArrayList<>();
        for (Map.Entry<String, Window> en : windows.entrySet()) {
            Window w = en.getValue();
            long n;
            long total;
            ProvisioningStep step;
            synchronized (w) {
                if (nowNanos - w.start >= WINDOW_NANOS) {
                    w.carried += w.suppressed;
                    w.suppressed = 0;
                    w.admitted = 0;
                    w.start = nowNanos;
                }
                n = w.carried;
                w.carried = 0;
                total = w.total;
                step = w.step;
            }
            if (n > 0) {
                out.add(new TraceEvent(Instant.now(), "", step, en.getKey(),
                        Direction.INTERNAL, "", n + " rejected inputs not traced (more than " + perSecond
                                + " per second; " + total + " so far)",
                        "rejections are sampled under a flood; the server's counters count all of them", Outcome.WARNING));
            }
        }
        return out;
    }

    /** Rejected events counted but not traced since start. */
    public long suppressed() {
        return windows.values().stream().mapToLong(w -> {
            synchronized (w) {
                return w.total;
            }
        }).sum();
    }

    private static final class Window {
        long start;
        int admitted;
        long suppressed;
        long carried;
        long total;
        ProvisioningStep step = ProvisioningStep.DEVICE_ACTION_REQUEST;

        Window(long start) {
            this.start = start;
        }
    }
}
