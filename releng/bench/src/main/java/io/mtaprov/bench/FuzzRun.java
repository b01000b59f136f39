package io.mtaprov.bench;

import io.mtaprov.protocol.DecodeException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Runs one target for a number of inputs on the calling thread, deterministic for a seed: a quarter
 * random (shaped) inputs, the rest mutations of the seeds or of a pool of interesting inputs (each
 * input that decoded, or that was rejected with a reason not seen before, joins the pool: a cheap
 * stand-in for coverage feedback). Per input: only DecodeException may escape the decoder; its
 * allocation must stay within {@link FuzzTarget#allocationBound}; input plus
 * checks must take under {@link #SLOW_NANOS}; what decodes must pass the target's check.
 * Fields read by the watchdog are volatile.
 */
final class FuzzRun implements Runnable {
    /** Fixed allowance: exception stack traces, small objects, first-call bootstrap. */
    static final long ALLOWANCE = 64 * 1024;
    /** An input slower than this is a finding (a loop or quadratic behaviour). */
    static final long SLOW_NANOS = 1_000_000_000L;
    private static final int POOL_LIMIT = 2048;
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    final FuzzTarget target;
    private final long iterations;
    private final long seed;

    volatile Thread thread;
    volatile long startedAt; // nanoTime of the current input, 0 between inputs
    volatile byte[] current;
    volatile long executed;
    volatile boolean done;
    long accepted;
    long rejected;
    long maxNanos;
    long maxAllocated;
    long maxAllocatedInput;
    long elapsedNanos;
    final Map<String, Finding> findings = new LinkedHashMap<>();
    private final List<byte[]> pool = new ArrayList<>();
    private final Set<String> reasons = new HashSet<>();

    FuzzRun(FuzzTarget target, long iterations, long seed) {
        this.target = target;
        this.iterations = iterations;
        this.seed = seed;
    }

    /** A finding: kind, the smallest input seen for its signature, how often it occurred. */
    static final class Finding {
        final String kind;
        final String summary;
        byte[] input;
        Throwable cause;
        long count;

        Finding(String kind, String summary, byte[] input, Throwable cause) {
            this.kind = kind;
            this.summary = summary;
            this.input = input;
            this.cause = cause;
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        Random r = new Random(seed);
        Mutator mutator = new Mutator(r, target.dictionary(), Math.max(4096, 4 * maxSeed()));
        long t0 = System.nanoTime();
        for (byte[] s : target.seeds()) {
            execute(s.clone());
        }
        for (long i = 0; i < iterations; i++) {
            byte[] in;
            if ((i & 3) == 0) {
                byte[] b = new byte[r.nextInt(target.maxRandom() + 1)];
                r.nextBytes(b);
                in = target.shaper().shape(r, b);
            } else {
                byte[] parent = !pool.isEmpty() && r.nextBoolean() ? pool.get(r.nextInt(pool.size()))
                        : target.seeds().get(r.nextInt(target.seeds().size()));
                byte[] other = target.seeds().get(r.nextInt(target.seeds().size()));
                in = mutator.mutate(parent, other);
            }
            execute(in);
        }
        elapsedNanos = System.nanoTime() - t0;
        done = true;
    }

    /** Runs one input (after the seeds, to warm up class initialisation) and records as in a run. */
    void replay(byte[] in) {
        for (byte[] s : target.seeds()) {
            decodeOnce(s);
        }
        execute(in);
    }

    private int maxSeed() {
        int m = 0;
        for (byte[] s : target.seeds()) {
            m = Math.max(m, s.length);
        }
        return m;
    }

    private void execute(byte[] in) {
        current = in;
        long start = System.nanoTime();
        startedAt = start;
        Outcome o = decodeOnce(in);
        if (o.crash == null && o.allocated > bound(in)) {
            o = decodeOnce(in); // the first call may initialise classes, call sites or the MIB registry
            if (o.crash == null && o.allocated > bound(in)) {
                record("ALLOCATION", "allocated " + o.allocated + " bytes for a " + in.length + "-byte input (bound "
                        + bound(in) + ")", in, null);
            }
        }
        if (o.allocated > maxAllocated) {
            maxAllocated = o.allocated;
            maxAllocatedInput = in.length;
        }
        if (o.crash != null) {
            record("CRASH", o.crash.toString(), in, o.crash);
        } else if (o.rejected != null) {
            rejected++;
            int at = o.rejected.offset();
            if (target.binaryOffsets() && (at < 0 || at > in.length)) {
                record("OFFSET", "DecodeException offset " + at + " outside the " + in.length + "-byte input", in,
                        o.rejected);
            }
            String reason = String.valueOf(o.rejected.getMessage()).replaceAll("[0-9]+", "#");
            if (reasons.add(reason) && pool.size() < POOL_LIMIT) {
                pool.add(in);
            }
        } else {
            accepted++;
            try {
                target.check().check(in, o.decoded);
            } catch (Throwable t) {
                record("INVARIANT", String.valueOf(t), in, t);
            }
            if (pool.size() < POOL_LIMIT && (accepted & 7) == 1) {
                pool.add(in);
            }
        }
        long took = System.nanoTime() - start;
        startedAt = 0;
        if (took > SLOW_NANOS) {
            long again = System.nanoTime();
            decodeOnce(in);
            try {
                if (o.decoded != null) {
                    target.check().check(in, o.decoded);
                }
            } catch (Throwable ignored) {
                // reported above
            }
            long retook = System.nanoTime() - again;
            if (retook > SLOW_NANOS) {
                record("SLOW", "input took " + took / 1_000_000 + " ms, again " + retook / 1_000_000 + " ms", in, null);
            }
        }
        maxNanos = Math.max(maxNanos, took);
        executed++;
    }

    private long bound(byte[] in) {
        return target.allocationBound(in.length);
    }

    private record Outcome(Object decoded, DecodeException rejected, Throwable crash, long allocated) {
    }

    private Outcome decodeOnce(byte[] in) {
        byte[] copy = in.clone(); // a decoder must not depend on the caller keeping the array
        long before = MX.getCurrentThreadAllocatedBytes();
        Object decoded = null;
        DecodeException rejected = null;
        Throwable crash = null;
        try {
            decoded = target.decoder().decode(copy);
        } catch (DecodeException e) {
            rejected = e;
        } catch (Throwable t) {
            crash = t;
        }
        long allocated = MX.getCurrentThreadAllocatedBytes() - before;
        return new Outcome(decoded, rejected, crash, allocated);
    }

    synchronized void record(String kind, String summary, byte[] in, Throwable cause) {
        String signature = kind + " " + signature(summary, cause);
        Finding f = findings.get(signature);
        if (f == null) {
            f = new Finding(kind, summary, in, cause);
            findings.put(signature, f);
            System.out.println("  ! " + target.name() + " " + kind + ": " + summary);
        } else if (in.length < f.input.length) {
            f.input = in;
            f.cause = cause;
        }
        f.count++;
    }

    /** Exception type and the first frame in the codecs (or the first frame), or the summary's words. */
    private static String signature(String summary, Throwable cause) {
        if (cause == null) {
            return summary.replaceAll("[0-9]+", "#");
        }
        StackTraceElement where = null;
        for (StackTraceElement e : cause.getStackTrace()) {
            if (e.getClassName().startsWith("io.mtaprov.protocol")) {
                where = e;
                break;
            }
        }
        if (where == null && cause.getStackTrace().length > 0) {
            where = cause.getStackTrace()[0];
        }
        return cause.getClass().getName() + " at " + where;
    }

    synchronized int findingCount() {
        return findings.size();
    }
}
