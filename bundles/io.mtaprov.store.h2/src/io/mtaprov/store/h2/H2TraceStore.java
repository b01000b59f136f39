package io.mtaprov.store.h2;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.core.trace.TraceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persists every TraceBus event in {@code trace_event} of the trace database (its own file, see
 * {@link H2Database}); events a workspace kept in the main database before are moved there once. The bus hands batches to a bounded queue;
 * one writer thread inserts them with multi-row INSERTs ({@value #ROWS_PER_INSERT} rows each, in
 * JDBC batches: a statement execution per row cost as much as the row), one transaction per drained group, so the bus
 * dispatcher never waits on disk. A group gathers batches for up to {@value #LINGER_MS} ms or
 * {@value #GROUP_EVENTS} events: the main database is opened with {@code WRITE_DELAY=0},
 * so every commit writes an MVStore chunk, and one commit per bus batch cost a sixth of the server's
 * CPU in a reboot storm (docs/benchmarks.md, Reboot storm). Events reach the store at most that much
 * later; views get them live from the bus.
 */
@Component(service = TraceStore.class, immediate = true)
public class H2TraceStore implements TraceStore {
    private static final Logger LOG = LoggerFactory.getLogger(H2TraceStore.class);
    private static final String INSERT = "INSERT INTO trace_event "
            + "(ts_nanos, mta_mac, step, source, direction, peer, summary, detail, outcome) VALUES (?,?,?,?,?,?,?,?,?)";
    private static final String COLUMNS = "ts_nanos, mta_mac, step, source, direction, peer, summary, detail, outcome";
    private static final int COLUMN_COUNT = 9;
    /** Rows of one multi-row INSERT. */
    static final int ROWS_PER_INSERT = 64;
    private static final String INSERT_MANY = "INSERT INTO trace_event (" + COLUMNS + ") VALUES "
            + String.join(",", java.util.Collections.nCopies(ROWS_PER_INSERT, "(?,?,?,?,?,?,?,?,?)"));
    static final int DETAIL_MAX = 65535;
    static final int SUMMARY_MAX = 1000;
    static final long LINGER_MS = 250;
    /** Bus batches waiting for the writer; in a storm a batch is often one event. */
    static final int QUEUED_BATCHES = 65_536;
    static final int GROUP_EVENTS = 16_384;

    private final BlockingQueue<List<TraceEvent>> pending = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private H2Database db;
    private TraceBus bus;
    private TraceBus.Subscription subscription;
    private Thread writer;
    private volatile boolean running;

    @Reference
    void setDatabase(H2Database database) {
        this.db = database;
    }

    @Reference
    void setTraceBus(TraceBus traceBus) {
        this.bus = traceBus;
    }

    @Activate
    public void activate() {
        running = true;
        writer = new Thread(this::writeLoop, "mtaprov-trace-writer");
        writer.setDaemon(true);
        writer.start();
        subscription = bus.subscribe(this::accept);
    }

    /** For use outside OSGi. */
    public void start(H2Database database, TraceBus traceBus) {
        this.db = database;
        this.bus = traceBus;
        activate();
    }

    @Deactivate
    public void deactivate() {
        subscription.close();
        flush();
        running = false;
        writer.interrupt();
    }

    private void accept(List<TraceEvent> batch) {
        received.addAndGet(batch.size());
        if (!pending.offer(batch)) {
            lost.addAndGet(batch.size());
            written.addAndGet(batch.size());
            LOG.warn("trace store behind: {} events not persisted ({} so far)", batch.size(), lost.get());
        }
    }

    private void writeLoop() {
        if (db.traceDatabaseCreated()) {
            moveLegacyEvents();
        }
        List<List<TraceEvent>> group = new ArrayList<>();
        while (running) {
            try {
                List<TraceEvent> first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int events = first.size();
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MS);
                while (events < GROUP_EVENTS && running) {
                    long left = deadline - System.nanoTime();
                    List<TraceEvent> next = left > 0 ? pending.poll(left, TimeUnit.NANOSECONDS) : pending.poll();
                    if (next == null) {
                        break;
                    }
                    group.add(next);
                    events += next.size();
                    int from = group.size();
                    pending.drainTo(group, 4096);
                    for (int i = from; i < group.size(); i++) {
                        events += group.get(i).size();
                    }
                }
                insert(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    /**
     * Inserts a group in one transaction, {@value #ROWS_PER_INSERT} rows per statement (one
     * statement execution per row, the JDBC batch, cost about as much as the rows themselves).
     */
    private void insert(List<List<TraceEvent>> group) {
        List<TraceEvent> events = new ArrayList<>();
        group.forEach(events::addAll);
        int n = events.size();
        try (Connection c = db.traceConnection()) {
            c.setAutoCommit(false);
            try {
                int i = 0;
                if (n >= ROWS_PER_INSERT) {
                    try (PreparedStatement many = c.prepareStatement(INSERT_MANY)) {
                        for (; i + ROWS_PER_INSERT <= n; i += ROWS_PER_INSERT) {
                            for (int r = 0; r < ROWS_PER_INSERT; r++) {
                                bind(many, r * COLUMN_COUNT, events.get(i + r));
                            }
                            many.addBatch();
                        }
                        many.executeBatch();
                    }
                }
                if (i < n) {
                    try (PreparedStatement one = c.prepareStatement(INSERT)) {
                        for (; i < n; i++) {
                            bind(one, 0, events.get(i));
                            one.addBatch();
                        }
                        one.executeBatch();
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.warn("a batch of {} trace events failed ({}); storing them one by one", n, e.getMessage());
            insertOneByOne(group);
        } finally {
            written.addAndGet(n);
        }
    }

    /** After a failed batch: every event that can be stored is, only the bad ones are lost (and counted). */
    private void insertOneByOne(List<List<TraceEvent>> group) {
        try (Connection c = db.traceConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            c.setAutoCommit(true);
            for (List<TraceEvent> batch : group) {
                for (TraceEvent e : batch) {
                    try {
                        bind(ps, 0, e);
                        ps.executeUpdate();
                    } catch (SQLException bad) {
                        lost.incrementAndGet();
                        LOG.error("could not persist the trace event '{}' of {}: {}", e.summary(), e.source(), bad.getMessage());
                    }
                }
            }
        } catch (SQLException e) {
            long n = group.stream().mapToLong(List::size).sum();
            lost.addAndGet(n);
            LOG.error("could not persist {} trace events", n, e);
        }
    }

    /** Moves the events an older version stored in the main database into the trace database, in order. */
    private void moveLegacyEvents() {
        long moved = 0;
        try (Connection from = db.connection(); Connection to = db.traceConnection();
                var count = from.createStatement(); ResultSet n = count.executeQuery("SELECT COUNT(*) FROM trace_event")) {
            n.next();
            if (n.getLong(1) == 0) {
                return;
            }
            to.setAutoCommit(false);
            try (var read = from.createStatement(); ResultSet rs = read.executeQuery("SELECT " + COLUMNS
                    + " FROM trace_event ORDER BY id"); PreparedStatement ps = to.prepareStatement(INSERT)) {
                while (rs.next()) {
                    for (int i = 1; i <= 9; i++) {
                        ps.setObject(i, rs.getObject(i));
                    }
                    ps.addBatch();
                    if (++moved % 10_000 == 0) {
                        ps.executeBatch();
                        to.commit();
                    }
                }
                ps.executeBatch();
                to.commit();
            } finally {
                to.setAutoCommit(true);
            }
            try (var del = from.createStatement()) {
                del.execute("TRUNCATE TABLE trace_event");
            }
            LOG.info("moved {} trace events into the trace database", moved);
        } catch (SQLException e) {
            LOG.error("could not move the older trace events ({} moved)", moved, e);
        }
    }

    /** Binds an event to the parameters after {@code offset}. */
    private static void bind(PreparedStatement ps, int offset, TraceEvent e) throws SQLException {
        Instant t = e.time();
        ps.setLong(offset + 1, t.getEpochSecond() * 1_000_000_000L + t.getNano());
        // column widths of V1: a hardware address longer than a MAC (hlen > 6 from a garbage packet)
        // keeps its first six octets rather than failing the whole batch
        ps.setString(offset + 2, e.mtaMac().length() <= 17 ? e.mtaMac() : e.mtaMac().substring(0, 17));
        ps.setInt(offset + 3, e.step().number());
        ps.setString(offset + 4, e.source().length() <= 8 ? e.source() : e.source().substring(0, 8));
        ps.setString(offset + 5, e.direction().name());
        ps.setString(offset + 6, clip(e.peer(), 64));
        ps.setString(offset + 7, clip(e.summary(), SUMMARY_MAX));
        ps.setString(offset + 8, clip(e.detail(), DETAIL_MAX));
        ps.setString(offset + 9, e.outcome().name());
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    @Override
    public List<TraceEvent> recent(int limit) {
        List<TraceEvent> l = select("SELECT " + COLUMNS + " FROM trace_event ORDER BY id DESC LIMIT ?", null, limit);
        Collections.reverse(l);
        return l;
    }

    @Override
    public List<TraceEvent> forMta(String mtaMac, int limit) {
        return select("SELECT " + COLUMNS + " FROM trace_event WHERE mta_mac = ? ORDER BY id LIMIT ?", mtaMac, limit);
    }

    @Override
    public List<TraceEvent> latestForMta(String mtaMac, int limit) {
        List<TraceEvent> l = select("SELECT " + COLUMNS + " FROM trace_event WHERE mta_mac = ? ORDER BY id DESC LIMIT ?",
                mtaMac, limit);
        Collections.reverse(l);
        return l;
    }

    @Override
    public List<TraceEvent> latestPerMta(String afterMac, int macLimit, int perMta) {
        String sql = "SELECT " + COLUMNS + " FROM (SELECT " + COLUMNS + ", id, ROW_NUMBER() OVER "
                + "(PARTITION BY mta_mac ORDER BY id DESC) AS rn FROM trace_event WHERE mta_mac IN (SELECT DISTINCT "
                + "mta_mac FROM trace_event WHERE mta_mac > ? ORDER BY mta_mac LIMIT ?)) t WHERE rn <= ? ORDER BY mta_mac, id";
        try (Connection c = db.traceConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, afterMac);
            ps.setInt(2, macLimit);
            ps.setInt(3, perMta);
            return read(ps);
        } catch (SQLException e) {
            throw new StoreException("cannot read trace events per MTA", e);
        }
    }

    @Override
    public long count() {
        try (Connection c = db.traceConnection(); var st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM trace_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count trace events", e);
        }
    }

    /** Events lost because the store fell behind or a write failed. */
    public long lost() {
        return lost.get();
    }

    @Override
    public void flush() {
        long target = received.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (written.get() < target && System.nanoTime() < deadline && running) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<TraceEvent> select(String sql, String mac, int limit) {
        try (Connection c = db.traceConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (mac != null) {
                ps.setString(i++, mac);
            }
            ps.setInt(i, limit);
            return read(ps);
        } catch (SQLException e) {
            throw new StoreException("cannot read trace events", e);
        }
    }

    private static List<TraceEvent> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<TraceEvent> out = new ArrayList<>();
            while (rs.next()) {
                long nanos = rs.getLong(1);
                out.add(new TraceEvent(Instant.ofEpochSecond(0, nanos), rs.getString(2),
                        ProvisioningStep.ofNumber(rs.getInt(3)), rs.getString(4),
                        Direction.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        Outcome.valueOf(rs.getString(9))));
            }
            return out;
        }
    }
}
