package io.mtaprov.tests.support;

import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.core.trace.TraceListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A synchronous TraceBus that keeps every event, for asserting what a server traced. */
public final class RecordingTraceBus implements TraceBus {
    private final List<TraceEvent> events = new CopyOnWriteArrayList<>();
    private final List<TraceListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public boolean publish(TraceEvent event) {
        events.add(event);
        listeners.forEach(l -> l.onEvents(List.of(event)));
        return true;
    }

    @Override
    public Subscription subscribe(TraceListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public long dropped() {
        return 0;
    }

    public List<TraceEvent> events() {
        return List.copyOf(events);
    }
}
