package io.mtaprov.store.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of the per-MTA writes of the provisioning server (generated files, results): the
 * writes that arrive while a transaction is open or being committed wait together, and one commit
 * covers all of them. A caller of {@link #write} returns when its write is committed (durable, the
 * database runs with {@code WRITE_DELAY 0}), so its guarantees are those of a commit of its own;
 * only the number of MVStore chunks (one per commit) changes: in a reboot storm one commit every few
 * milliseconds instead of two per MTA (docs/benchmarks.md, Reboot storm).
 * <p>
 * One committer per {@link H2Database} ({@link #of}), shared by the stores that use it. The writer
 * is one daemon thread that ends when it has been idle for {@link #IDLE_MS} and starts again with
 * the next write, so nothing has to stop it. A batch that fails is rolled back and its writes are
 * retried one transaction each, so one bad write fails alone. Thread-safe.
 */
final class GroupCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    /** How long a batch stays open for more writes after its first one. */
    static final long LINGER_MS = 3;
    /** Most writes in one transaction. */
    static final int MAX_BATCH = 1024;
    /** The writer thread ends after this long without writes. */
    static final long IDLE_MS = 2_000;
    private static final Map<H2Database, GroupCommitter> SHARED = new WeakHashMap<>(); // guarded by itself

    /** One write: statements come from {@code st} (prepared once per transaction); do not commit. */
    interface Write {
        void run(Connection c, Statements st) throws SQLException;
    }

    /** The prepared statements of one transaction, by SQL text; closed with it. */
    static final class Statements implements AutoCloseable {
        private final Connection c;
        private final Map<String, PreparedStatement> open = new HashMap<>();

        Statements(Connection c) {
            this.c = c;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = open.get(sql);
            if (ps == null) {
                ps = c.prepareStatement(sql);
                open.put(sql, ps);
            }
            return ps;
        }

        /** Like {@link #prepare(String)}, returning generated keys. */
        PreparedStatement prepareReturningKeys(String sql) throws SQLException {
            String key = "keys:" + sql;
            PreparedStatement ps = open.get(key);
            if (ps == null) {
                ps = c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
                open.put(key, ps);
            }
            return ps;
        }

        @Override
        public void close() {
            for (PreparedStatement ps : open.values()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    LOG.debug("closing a statement: {}", e.getMessage());
                }
            }
            open.clear();
        }
    }

    private record Pending(Write write, CompletableFuture<Void> done) {
    }

    private final H2Database db;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private List<Pending> queue = new ArrayList<>(); // guarded by lock
    private boolean writerRunning; // guarded by lock
    private long commits; // written by the writer only
    private long writes;

    GroupCommitter(H2Database db) {
        this.db = db;
    }

    /** The committer of {@code db}, shared by every store on it. */
    static GroupCommitter of(H2Database db) {
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(db, GroupCommitter::new);
        }
    }

    /**
     * Runs {@code w} in the next group transaction and returns once that transaction is committed.
     *
     * @throws StoreException with {@code what} when the write or its commit failed
     */
    void write(String what, Write w) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        lock.lock();
        try {
            queue.add(new Pending(w, done));
            if (!writerRunning) {
                writerRunning = true;
                Thread.ofPlatform().daemon().name("mtaprov-store-group-commit").start(this::writeLoop);
            } else if (queue.size() == 1 || queue.size() == MAX_BATCH) {
                arrived.signal(); // the first write of a batch, or a full batch that need not linger
            }
        } finally {
            lock.unlock();
        }
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(what, new SQLException("interrupted while waiting for the commit", e));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new StoreException(what, cause instanceof SQLException s ? s : new SQLException(cause.toString(), cause));
        }
    }

    /** Commits so far and writes they covered (for tests and logs). */
    synchronized long[] counts() {
        return new long[] {commits, writes};
    }

    private void writeLoop() {
        while (true) {
            List<Pending> batch = nextBatch();
            if (batch == null) {
                return;
            }
            commit(batch);
        }
    }

    /** Waits for a first write (null after {@link #IDLE_MS} without one), then lingers for more. */
    private List<Pending> nextBatch() {
        lock.lock();
        try {
            long idleUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(IDLE_MS);
            while (queue.isEmpty()) {
                long left = idleUntil - System.nanoTime();
                if (left <= 0) {
                    writerRunning = false;
                    return null;
                }
                arrived.awaitNanos(left);
            }
            long lingerUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MS);
            for (long left; queue.size() < MAX_BATCH && (left = lingerUntil - System.nanoTime()) > 0;) {
                arrived.awaitNanos(left);
            }
            List<Pending> batch = queue;
            queue = new ArrayList<>();
            return batch;
        } catch (InterruptedException e) {
            // not expected (a daemon nobody interrupts): hand over what is queued and end
            List<Pending> batch = queue;
            queue = new ArrayList<>();
            writerRunning = false;
            return batch.isEmpty() ? null : batch;
        } finally {
            lock.unlock();
        }
    }

    private void commit(List<Pending> batch) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                if (!commitAll(c, batch)) {
                    for (Pending p : batch) { // one transaction each: the failing write fails alone
                        commitAll(c, List.of(p));
                    }
                }
            } finally {
                c.setAutoCommit(true); // the pool hands the connection to autocommit readers next
            }
        } catch (SQLException | RuntimeException e) { // no connection (store closed)
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    /**
     * Runs the writes in one transaction; true if they were committed (or the single write failed,
     * which its caller learns), false if a batch of several failed and was rolled back.
     */
    private boolean commitAll(Connection c, List<Pending> batch) {
        try (Statements st = new Statements(c)) {
            for (Pending p : batch) {
                p.write().run(c, st);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            rollback(c);
            if (batch.size() > 1) {
                LOG.debug("group commit of {} writes failed ({}); retrying them one by one", batch.size(), e.toString());
                return false;
            }
            batch.get(0).done().completeExceptionally(e);
            return true;
        }
        count(batch.size());
        batch.forEach(p -> p.done().complete(null));
        return true;
    }

    private synchronized void count(int n) {
        commits++;
        writes += n;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed: {}", e.getMessage());
        }
    }
}
