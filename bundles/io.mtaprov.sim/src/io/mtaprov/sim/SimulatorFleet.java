package io.mtaprov.sim;

import io.mtaprov.core.trace.TraceBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

/**
 * Runs many simulated MTAs against the servers: at most {@code concurrency} at once, started at
 * {@code rate} MTAs per second (0 = as fast as slots free up), each on its own virtual thread, all
 * sharing one {@link SnmpHub}; each MTA's agent is closed (its address released) as soon as its
 * run ends. Collects a {@link FleetReport}. {@link #run} blocks its caller; one run at a time.
 */
public final class SimulatorFleet {
    private final SimSettings settings;
    private final TraceBus trace;
    private final SecureFlowSteps secure;
    private volatile Progress progress = Progress.NONE;

    /**
     * Told about each MTA as it starts and ends (for a progress line), on the fleet's threads:
     * implementations must be thread-safe and quick.
     */
    public interface Progress {
        /** No reporting. */
        Progress NONE = new Progress() {
        };

        /** An MTA's run begins. */
        default void started(MtaProfile mta) {
        }

        /** An MTA's run ended (completed or failed). */
        default void finished(MtaRunResult result) {
        }
    }

    /**
     * @param trace where MTAs publish TraceEvents, or {@code null} (recommended for large fleets)
     */
    public SimulatorFleet(SimSettings settings, TraceBus trace, SecureFlowSteps secure) {
        this.settings = settings;
        this.trace = trace;
        this.secure = secure;
    }

    /** Reports each start and end of the next runs to {@code p}; returns this fleet. */
    public SimulatorFleet progress(Progress p) {
        this.progress = p == null ? Progress.NONE : p;
        return this;
    }

    /** {@code count} lab MTAs with MACs from {@code baseMac} on, customised by {@code customise}. */
    public static List<MtaProfile> labProfiles(String baseMac, int count,
            java.util.function.UnaryOperator<MtaProfile> customise) {
        return labProfiles(baseMac, count, (i, p) -> customise.apply(p));
    }

    /**
     * {@code count} lab MTAs with MACs from {@code baseMac} on, each customised by its index (0 to
     * count - 1): where it sits (its relay), its flows, its faults, e.g. with {@link #share}.
     */
    public static List<MtaProfile> labProfiles(String baseMac, int count,
            BiFunction<Integer, MtaProfile, MtaProfile> customise) {
        List<MtaProfile> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(customise.apply(i, MtaProfile.lab(MtaProfile.macAfter(baseMac, i))));
        }
        return out;
    }

    /**
     * Gives {@code faults} to a share of a fleet (0.0 to 1.0), spread evenly over the indices: index i
     * gets them when floor((i + 1) * share) > floor(i * share), so 0.1 hits 9, 19, 29, ...
     */
    public static BiFunction<Integer, MtaProfile, MtaProfile> share(double share, Faults faults) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("a share is 0.0 to 1.0: " + share);
        }
        return (i, p) -> Math.floor((i + 1) * share) > Math.floor(i * share) ? p.withFaults(faults) : p;
    }

    /**
     * Runs every MTA once and waits for all results.
     *
     * @param concurrency MTAs in flight at most (>= 1)
     * @param rate        MTAs started per second, or 0 for no pacing
     */
    public FleetReport run(List<MtaProfile> mtas, int concurrency, double rate) {
        if (concurrency < 1 || rate < 0) {
            throw new IllegalArgumentException("concurrency >= 1 and rate >= 0 required");
        }
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger peak = new AtomicInteger();
        List<CompletableFuture<MtaRunResult>> futures = new ArrayList<>(mtas.size());
        long t0 = System.nanoTime();
        try (SnmpHub hub = new SnmpHub();
                ExecutorService exec = Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("mtaprov-sim-mta-", 0).factory())) {
            for (int i = 0; i < mtas.size(); i++) {
                if (rate > 0) {
                    long due = t0 + (long) (i * 1e9 / rate);
                    for (long wait; (wait = due - System.nanoTime()) > 0;) {
                        LockSupport.parkNanos(wait);
                    }
                }
                slots.acquireUninterruptibly();
                MtaProfile p = mtas.get(i);
                Progress report = progress;
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try (SimulatedMta mta = new SimulatedMta(p, settings, hub, trace, secure)) {
                        report.started(p);
                        MtaRunResult r = mta.run();
                        peak.accumulateAndGet(hub.openTransports(), Math::max);
                        report.finished(r);
                        return r;
                    } finally {
                        slots.release();
                    }
                }, exec));
            }
            List<MtaRunResult> results = futures.stream().map(CompletableFuture::join).toList();
            return FleetReport.of(results, System.nanoTime() - t0, peak.get());
        } catch (IOException e) {
            throw new UncheckedIOException("closing the fleet's SNMP session failed", e);
        }
    }
}
