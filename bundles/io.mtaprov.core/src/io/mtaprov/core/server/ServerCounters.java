package io.mtaprov.core.server;

import java.util.concurrent.atomic.LongAdder;

/** The counters every server keeps; cheap to increment from many threads. */
public final class ServerCounters {
    public final LongAdder received = new LongAdder();
    public final LongAdder answered = new LongAdder();
    public final LongAdder rejected = new LongAdder();
    public final LongAdder dropped = new LongAdder();

    /** Sum of all counters, to detect change cheaply. */
    public long total() {
        return received.sum() + answered.sum() + rejected.sum() + dropped.sum();
    }
}
