package io.mtaprov.core.trace;

import io.mtaprov.core.model.TraceEvent;
import java.util.List;

/** Persisted trace events (written in batches from the TraceBus). Thread-safe; reads do I/O. */
public interface TraceStore {

    /** The newest events, oldest first, at most limit. */
    List<TraceEvent> recent(int limit);

    /** Events of one MTA, oldest first. */
    List<TraceEvent> forMta(String mtaMac, int limit);

    long count();

    /** Blocks until every event this store has received from the bus is written (tests, shutdown). */
    void flush();
}
