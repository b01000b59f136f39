package io.mtaprov.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.swt.widgets.Display;

/**
 * Hands items from any thread to the UI thread in coalesced batches: at most one asyncExec is
 * pending at a time, however fast items arrive, so a storm of events cannot flood the display
 * queue. The consumer runs on the UI thread.
 */
public final class UiBatcher<T> {
    private final Display display;
    private final Consumer<List<T>> consumer;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public UiBatcher(Display display, Consumer<List<T>> consumer) {
        this.display = display;
        this.consumer = consumer;
    }

    /** Any thread. */
    public void offerAll(List<? extends T> items) {
        queue.addAll(items);
        if (scheduled.compareAndSet(false, true) && !display.isDisposed()) {
            display.asyncExec(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        T t;
        while ((t = queue.poll()) != null) {
            batch.add(t);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
