package io.mtaprov.store.h2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the numbered schema scripts {@code db/V<n>__*.sql} that the database has not seen yet,
 * each in one transaction, and records them in {@code schema_version}. A database newer than this
 * code is refused rather than silently used.
 */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    /** The scripts in order; version n is SCRIPTS.get(n - 1). */
    static final List<String> SCRIPTS = List.of("db/V1__initial.sql", "db/V2__leases.sql",
            "db/V3__provisioning.sql", "db/V4__lease_realm.sql", "db/V5__open_attempts.sql");

    private SchemaMigrator() {
    }

    /** The schema version after migration. */
    public static int migrate(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, applied_ms BIGINT NOT NULL)");
        }
        int current = currentVersion(c);
        if (current > SCRIPTS.size()) {
            throw new SQLException("the database has schema version " + current + " but this console knows only "
                    + SCRIPTS.size() + ": it was written by a newer version");
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (int v = current + 1; v <= SCRIPTS.size(); v++) {
                apply(c, v, read(SCRIPTS.get(v - 1)));
                c.commit();
                LOG.info("store schema migrated to version {}", v);
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return SCRIPTS.size();
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void apply(Connection c, int version, String script) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements(script)) {
                st.execute(sql);
            }
            st.execute("INSERT INTO schema_version (version, applied_ms) VALUES (" + version + ", "
                    + System.currentTimeMillis() + ")");
        }
    }

    /** Splits a script on ';' at line ends, dropping "--" comment lines. */
    static List<String> statements(String script) {
        StringBuilder clean = new StringBuilder();
        for (String line : script.split("\n")) {
            String l = line.strip();
            if (!l.startsWith("--")) {
                int comment = line.indexOf("--");
                clean.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
            }
        }
        return java.util.Arrays.stream(clean.toString().split(";\\s*\n")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s).toList();
    }

    private static String read(String resource) throws SQLException {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SQLException("schema script " + resource + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read schema script " + resource, e);
        }
    }
}
