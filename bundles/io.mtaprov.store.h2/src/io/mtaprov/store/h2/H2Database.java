package io.mtaprov.store.h2;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcConnectionPool;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's H2 file database, opened at activation and migrated to the current schema.
 * Location: framework property {@code mtaprov.data.dir}, else {@code <workspace>/.mtaprov}, else
 * {@code ~/.mtaprov}. H2 allows one process per database file; a second console on the same
 * workspace gets a clear error instead of H2's lock message.
 * <p>
 * Connections: at most {@value #MAX_CONNECTIONS} in use at once. A caller beyond that waits on a
 * semaphore (parked, no CPU) instead of in H2's {@code JdbcConnectionPool.getConnection}, which
 * polls with {@code Thread.sleep(1)}: in a reboot storm hundreds of virtual threads spinning there
 * took a tenth of the server's CPU and starved the TFTP transfers (docs/benchmarks.md, Reboot storm).
 * <p>
 * Trace events live in a second database file in the same directory ({@code trace.mv.db}, see
 * {@link #traceConnection()}): every commit of the main database writes an
 * MVStore chunk ({@code WRITE_DELAY 0}), and with the trace table in it each of those chunks also
 * rewrote the trace pages dirtied since the previous one; in a reboot storm that was a sixth of the
 * server's CPU. The trace file keeps H2's default write delay (events may be lost in the last half
 * second before a crash; they are a record, not state).
 */
@Component(service = H2Database.class, immediate = true)
public class H2Database {
    private static final Logger LOG = LoggerFactory.getLogger(H2Database.class);
    static final String FILE_NAME = "mtaprov";
    static final int MAX_CONNECTIONS = 256;
    static final int QUERY_CACHE_SIZE = 64;
    static final String TRACE_FILE_NAME = "trace";
    /** The trace database's schema: the table of schema version 1, now in its own file. */
    static final List<String> TRACE_DDL = List.of("CREATE TABLE IF NOT EXISTS trace_event ("
            + "id BIGINT AUTO_INCREMENT PRIMARY KEY, ts_nanos BIGINT NOT NULL, mta_mac VARCHAR(17) NOT NULL,"
            + " step TINYINT NOT NULL, source VARCHAR(8) NOT NULL, direction VARCHAR(8) NOT NULL,"
            + " peer VARCHAR(64) NOT NULL, summary VARCHAR(1000) NOT NULL, detail VARCHAR(65535) NOT NULL,"
            + " outcome VARCHAR(10) NOT NULL)",
            "CREATE INDEX IF NOT EXISTS trace_event_mta ON trace_event (mta_mac, id)");
    private static final long CONNECTION_WAIT_SECONDS = 30;

    private final Semaphore permits = new Semaphore(MAX_CONNECTIONS);

    private JdbcConnectionPool pool;
    private JdbcConnectionPool tracePool;
    private volatile boolean traceCreated;
    private Path directory;

    @Activate
    void activate(BundleContext context) throws SQLException {
        open(dataDirectory(context.getProperty("mtaprov.data.dir"), context.getProperty("osgi.instance.area")));
    }

    /** Opens (creating if needed) the database in the directory and applies pending schema versions. */
    public void open(Path dir) throws SQLException {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        this.directory = dir;
        // QUERY_CACHE_SIZE: H2 parses a statement again unless the session's cache (8 by default) still
        // holds it; the stores use about 20 statements, so in a reboot storm parsing took 14 % of the CPU
        // WRITE_DELAY=0: H2 writes committed changes in the background (500 ms by default), so a kill -9
        // right after a commit would lose an ACKed lease or a generated file; with 0 every commit is in
        // the file when commit() returns (not fsynced: a power cut is not covered)
        String url = "jdbc:h2:file:" + dir.resolve(FILE_NAME).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE"
                + ";QUERY_CACHE_SIZE=" + QUERY_CACHE_SIZE + ";WRITE_DELAY=0";
        JdbcConnectionPool p = JdbcConnectionPool.create(url, "mtaprov", "");
        p.setMaxConnections(MAX_CONNECTIONS); // never reached: the semaphore gates first
        try (Connection c = p.getConnection()) {
            int version = SchemaMigrator.migrate(c);
            LOG.info("store opened at {} (schema version {})", dir, version);
        } catch (SQLException e) {
            p.dispose();
            if (e.getErrorCode() == 90020) { // DATABASE_ALREADY_OPEN_1
                throw new SQLException("the store " + dir + " is in use by another process (another console or "
                        + "headless server on the same workspace); stop it or choose another -data directory", e);
            }
            throw e;
        }
        this.pool = p;
        try {
            openTrace(dir);
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    private void openTrace(Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve(TRACE_FILE_NAME).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE"
                + ";QUERY_CACHE_SIZE=" + QUERY_CACHE_SIZE;
        JdbcConnectionPool t = JdbcConnectionPool.create(url, "mtaprov", "");
        t.setMaxConnections(8); // one writer and the views' reads
        try (Connection c = t.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'TRACE_EVENT'")) {
                rs.next();
                traceCreated = rs.getInt(1) == 0;
            }
            for (String ddl : TRACE_DDL) {
                st.execute(ddl);
            }
        } catch (SQLException e) {
            t.dispose();
            throw e;
        }
        this.tracePool = t;
    }

    /**
     * A connection to the trace database ({@code trace.mv.db}); close it when done. For
     * {@link H2TraceStore} only.
     */
    Connection traceConnection() throws SQLException {
        JdbcConnectionPool t = tracePool;
        if (t == null) {
            throw new SQLException("the trace store is closed");
        }
        return t.getConnection();
    }

    /** Whether this open created the trace database (older workspaces kept events in the main one). */
    boolean traceDatabaseCreated() {
        return traceCreated;
    }

    @Deactivate
    public void close() {
        if (tracePool != null) {
            tracePool.dispose();
            tracePool = null;
        }
        if (pool != null) {
            // closing the last connection closes the database (DB_CLOSE_DELAY 0); an explicit SHUTDOWN
            // through the pool made H2 log "Database is already closed" when the pool closed its handle
            int busy = pool.getActiveConnections();
            if (busy > 0) {
                LOG.warn("closing the store while {} connection(s) are in use", busy);
            }
            pool.dispose();
            pool = null;
            LOG.info("store closed at {}", directory);
        }
    }

    /** A pooled connection; close it when done (closing twice is harmless). */
    public Connection connection() throws SQLException {
        JdbcConnectionPool p = pool;
        if (p == null) {
            throw new SQLException("the store is closed");
        }
        try {
            if (!permits.tryAcquire(CONNECTION_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("no store connection free after " + CONNECTION_WAIT_SECONDS + " s ("
                        + MAX_CONNECTIONS + " in use)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a store connection", e);
        }
        Connection c;
        try {
            c = p.getConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
        return releasing(c);
    }

    /** Wraps the connection so that its first close() gives the permit back. */
    private Connection releasing(Connection c) {
        AtomicBoolean closed = new AtomicBoolean();
        InvocationHandler h = (proxy, m, args) -> {
            if (m.getName().equals("close") && m.getParameterCount() == 0) {
                if (closed.compareAndSet(false, true)) {
                    try {
                        c.close();
                    } finally {
                        permits.release();
                    }
                }
                return null;
            }
            if (m.getName().equals("isClosed") && m.getParameterCount() == 0 && closed.get()) {
                return Boolean.TRUE;
            }
            try {
                return m.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    public Path directory() {
        return directory;
    }

    static Path dataDirectory(String explicit, String instanceArea) {
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        if (instanceArea != null && !instanceArea.isBlank()) {
            try {
                String a = instanceArea.startsWith("file:") ? instanceArea : "file:" + instanceArea;
                return Path.of(URI.create(a.replace(" ", "%20"))).resolve(".mtaprov");
            } catch (IllegalArgumentException e) {
                LOG.warn("workspace location {} is not a file URL; using the home directory", instanceArea);
            }
        }
        return Path.of(System.getProperty("user.home"), ".mtaprov");
    }
}
