package io.mtaprov.core.trace;

import io.mtaprov.core.model.TraceEvent;
import java.util.List;

/** Receives trace events in batches on the TraceBus dispatcher thread. */
@FunctionalInterface
public interface TraceListener {
    /** The batch is immutable and non-empty. */
    void onEvents(List<TraceEvent> batch);
}
