package io.mtaprov.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void freshDatabaseIsMigratedToCurrentSchema() throws SQLException {
        H2Database db = new H2Database();
        db.open(dir);
        try (Connection c = db.connection()) {
            assertThat(SchemaMigrator.currentVersion(c)).isEqualTo(SchemaMigrator.SCRIPTS.size());
        } finally {
            db.close();
        }
        assertThat(dir.resolve("mtaprov.mv.db")).exists();
    }

    @Test
    void reopeningKeepsDataAndDoesNotReapplyScripts() throws SQLException {
        H2Database db = new H2Database();
        db.open(dir);
        new H2GeneratedFileStore(db).put("00:10:95:00:00:01", new byte[] {1, 2, 3});
        db.close();
        H2Database again = new H2Database();
        again.open(dir);
        try {
            assertThat(new H2GeneratedFileStore(again).recent(10)).hasSize(1);
        } finally {
            again.close();
        }
    }

    @Test
    void refusesADatabaseWrittenByANewerVersion() throws SQLException {
        H2Database db = new H2Database();
        db.open(dir);
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO schema_version (version, applied_ms) VALUES (99, 0)");
        }
        db.close();
        assertThatThrownBy(() -> new H2Database().open(dir)).isInstanceOf(SQLException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("newer version");
    }

    @Test
    void dataDirectoryPrefersExplicitThenWorkspace() {
        assertThat(H2Database.dataDirectory("/srv/mtaprov", "file:/home/u/ws/")).isEqualTo(Path.of("/srv/mtaprov"));
        assertThat(H2Database.dataDirectory(null, "file:/home/u/ws/")).isEqualTo(Path.of("/home/u/ws/.mtaprov"));
        assertThat(H2Database.dataDirectory("", null)).isEqualTo(
                Path.of(System.getProperty("user.home"), ".mtaprov"));
    }

    @Test
    void schemaScriptSplitsIntoStatementsWithoutComments() {
        assertThat(SchemaMigrator.statements("-- c\nCREATE TABLE a (x INT); -- trailing\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)");
    }
}
