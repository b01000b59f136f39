package io.mtaprov.core.trace;

import io.mtaprov.core.model.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock-free bounded {@link TraceBus}: publishers append to a concurrent queue (a counter bounds
 * it), one daemon dispatcher drains it in batches of up to {@value #MAX_BATCH} and hands each
 * batch to every listener. A failing listener is logged and kept. After a batch the dispatcher
 * pauses {@value #GATHER_MS} ms so that the next one gathers what arrives meanwhile: without it, a
 * reboot storm gave the listeners (the H2 trace store, the UI) tens of thousands of one-event
 * batches per second. A flood of rejected input is sampled ({@link RejectionSampler}).
 */
public class BoundedTraceBus implements TraceBus, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BoundedTraceBus.class);
    static final int MAX_BATCH = 1024;
    static final long GATHER_MS = 5;

    private final int capacity;
    private final ConcurrentLinkedQueue<TraceEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final List<TraceListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread dispatcher;
    private final RejectionSampler sampler;
    private volatile boolean running = true;

    public BoundedTraceBus(int capacity) {
        this(capacity, RejectionSampler.DEFAULT_PER_SECOND);
    }

    /**
     * @param capacity             events queued at most; more are dropped (and counted)
     * @param rejectionsPerSecond  REJECTED events traced per source and second, see {@link RejectionSampler}
     */
    public BoundedTraceBus(int capacity, int rejectionsPerSecond) {
        this.capacity = capacity;
        this.sampler = new RejectionSampler(rejectionsPerSecond);
        this.dispatcher = new Thread(this::dispatchLoop, "mtaprov-tracebus");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    @Override
    public boolean publish(TraceEvent event) {
        if (!sampler.admit(event, System.nanoTime())) {
            return true; // counted, summarised once per second by the dispatcher
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        queue.add(event);
        LockSupport.unpark(dispatcher);
        return true;
    }

    @Override
    public Subscription subscribe(TraceListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    /** Rejected events counted but not traced because of their rate (see {@link RejectionSampler}). */
    public long sampledOut() {
        return sampler.suppressed();
    }

    /** Delivers everything queued so far, then stops the dispatcher. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(dispatcher);
        try {
            dispatcher.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatchLoop() {
        while (running || !queue.isEmpty()) {
            List<TraceEvent> batch = drain();
            batch.addAll(sampler.summaries(System.nanoTime()));
            if (batch.isEmpty()) {
                if (running) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(50));
                }
                continue;
            }
            List<TraceEvent> view = List.copyOf(batch);
            for (TraceListener l : listeners) {
                try {
                    l.onEvents(view);
                } catch (RuntimeException e) {
                    LOG.error("trace listener {} failed on a batch of {} events", l, view.size(), e);
                }
            }
            if (batch.size() < MAX_BATCH && running) {
                gather();
            }
        }
    }

    /** A short pause that publish() does not cut short (it unparks, a sleep ignores that). */
    private static void gather() {
        try {
            Thread.sleep(GATHER_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

        private List<TraceEvent> drain() {
        List<TraceEvent> batch = new ArrayList<>();
        TraceEvent e;
        while (batch.size() < MAX_BATCH && (e = queue.poll()) != null) {
            batch.add(e);
            size.decrementAndGet();
        }
        return batch;
    }
}
