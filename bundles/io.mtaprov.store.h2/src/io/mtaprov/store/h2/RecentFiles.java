package io.mtaprov.store.h2;

import io.mtaprov.core.files.GeneratedFile;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generated files stored last, in memory, up to a budget of content bytes; the oldest go first.
 * An MTA downloads its file (step 9) within seconds of its generation (step 6), so the TFTP server's
 * look-ups of a fresh file are answered here rather than by two queries of the table. Stored files
 * never change (a new generation gets a new name), so an entry can only be missing, never stale.
 * Callers must not modify the content arrays they add or get. Thread-safe: reads take no lock.
 */
final class RecentFiles {
    /** 16 MiB: about 25,000 two-line MTA files of 650 bytes. */
    static final long DEFAULT_BUDGET_BYTES = 16L << 20;

    record Entry(GeneratedFile file, byte[] content) {
    }

    private final long budget;
    private final Map<String, Entry> byName = new ConcurrentHashMap<>();
    private final ArrayDeque<Entry> order = new ArrayDeque<>(); // guarded by itself
    private long bytes; // guarded by order

    RecentFiles(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /** Keeps {@code content} under the file's name, dropping the oldest entries beyond the budget. */
    void add(GeneratedFile file, byte[] content) {
        if (content.length > budget) {
            return;
        }
        Entry e = new Entry(file, content);
        synchronized (order) {
            byName.put(file.name(), e);
            order.addLast(e);
            bytes += content.length;
            while (bytes > budget) {
                Entry old = order.removeFirst();
                byName.remove(old.file().name(), old);
                bytes -= old.content().length;
            }
        }
    }

    /** The entry of {@code name}, or null when it is not (or no longer) kept. */
    Entry get(String name) {
        return byName.get(name);
    }

    /** Number of files kept. */
    int size() {
        return byName.size();
    }
}
