package io.mtaprov.store.h2;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
 */
@Component(service = H2Database.class, immediate = true)
public class H2Database {
    private static final Logger LOG = LoggerFactory.getLogger(H2Database.class);
    static final String FILE_NAME = "mtaprov";

    private JdbcConnectionPool pool;
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
        String url = "jdbc:h2:file:" + dir.resolve(FILE_NAME).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool p = JdbcConnectionPool.create(url, "mtaprov", "");
        p.setMaxConnections(16);
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
    }

    @Deactivate
    public void close() {
        if (pool != null) {
            try (Connection c = pool.getConnection(); var st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.warn("store shutdown reported: {}", e.getMessage());
            }
            pool.dispose();
            pool = null;
        }
    }

    /** A pooled connection; close it when done. */
    public Connection connection() throws SQLException {
        JdbcConnectionPool p = pool;
        if (p == null) {
            throw new SQLException("the store is closed");
        }
        return p.getConnection();
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
