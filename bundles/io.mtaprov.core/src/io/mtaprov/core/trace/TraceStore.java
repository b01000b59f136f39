package io.mtaprov.core.trace;

import io.mtaprov.core.model.TraceEvent;
import java.util.List;

/** Persisted trace events (written in batches from the TraceBus). Thread-safe; reads do I/O. */
public interface TraceStore {

    /** The newest events, oldest first, at most limit. */
    List<TraceEvent> recent(int limit);

    /** Events of one MTA, oldest first. */
    List<TraceEvent> forMta(String mtaMac, int limit);

    /**
     * The newest events of one MTA, oldest first, at most limit (its latest attempt is at the end).
     * The default reads {@link #forMta} whole; stores override it with a bounded query.
     */
    default List<TraceEvent> latestForMta(String mtaMac, int limit) {
        List<TraceEvent> all = forMta(mtaMac, Integer.MAX_VALUE);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    /**
     * One page of MTAs with their newest events, for views that list every MTA: at most
     * {@code macLimit} MTAs whose MAC sorts after {@code afterMac} (exclusive; "" for the first page),
     * in MAC order, each with at most {@code perMta} of its newest events, oldest first. The next page
     * starts after the last MAC returned; an empty list is the end. Events without a MAC are left out.
     * The default returns an empty list (a store that cannot page).
     */
    default List<TraceEvent> latestPerMta(String afterMac, int macLimit, int perMta) {
        return List.of();
    }

    long count();

    /** Blocks until every event this store has received from the bus is written (tests, shutdown). */
    void flush();
}
