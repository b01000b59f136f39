package io.mtaprov.core.trace;

import io.mtaprov.core.model.TraceEvent;

/**
 * The in-process bus on which every server and the simulator publish {@link TraceEvent}s. Bounded:
 * when subscribers fall behind, new events are dropped and counted rather than piling up.
 * <p>
 * Threading: {@link #publish} may be called from any thread and never blocks. Listeners are called
 * on the bus's own dispatcher thread, in batches, in publication order; a listener must not block
 * for long (the UI hands the batch to the display thread with asyncExec).
 */
public interface TraceBus {

    /** Queues the event for delivery; returns false if the bus was full and the event was dropped. */
    boolean publish(TraceEvent event);

    /** Registers a listener; close the returned subscription to stop delivery. */
    Subscription subscribe(TraceListener listener);

    /** Events dropped because the queue was full, since start. */
    long dropped();

    /** A registration that ends with {@link #close()}. Closing twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
