package io.mtaprov.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.files.FileNames;
import io.mtaprov.core.files.GeneratedFile;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2GeneratedFileStoreTest {
    @TempDir
    Path dir;
    H2Database db;
    H2GeneratedFileStore store;

    @BeforeEach
    void open() throws SQLException {
        db = new H2Database();
        db.open(dir);
        store = new H2GeneratedFileStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storesUnderUnguessableNameWithSha1() {
        GeneratedFile f = store.put("00:10:95:00:00:01", "abc".getBytes());
        assertThat(FileNames.isWellFormed(f.name())).isTrue();
        // FIPS 180-2 appendix A.1: SHA-1("abc")
        assertThat(f.sha1Hex()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(f.size()).isEqualTo(3);
        assertThat(store.content(f.name())).hasValueSatisfying(b -> assertThat(b).isEqualTo("abc".getBytes()));
        assertThat(store.find(f.name())).contains(f);
    }

    @Test
    void unknownNameIsEmpty() {
        assertThat(store.find(FileNames.newName())).isEmpty();
        assertThat(store.content("../../etc/passwd")).isEmpty();
    }

    @Test
    void recentListsNewestFirst() throws InterruptedException {
        GeneratedFile a = store.put("00:10:95:00:00:01", new byte[] {1});
        Thread.sleep(5);
        GeneratedFile b = store.put("00:10:95:00:00:02", new byte[] {2});
        assertThat(store.recent(10)).extracting(GeneratedFile::name).containsExactly(b.name(), a.name());
        assertThat(store.recent(1)).hasSize(1);
    }

    @Test
    void storedFileSurvivesReopen() throws SQLException {
        GeneratedFile f = store.put("00:10:95:00:00:01", new byte[300_000]);
        db.close();
        db = new H2Database();
        db.open(dir);
        assertThat(new H2GeneratedFileStore(db).content(f.name())).hasValueSatisfying(b -> assertThat(b).hasSize(300_000));
    }

    @Test
    void aStoredFileSurvivesTheProcessDyingWithoutShutdownEvenWithoutTheLeaseStore() throws SQLException {
        // durability belongs to the database, not to whichever store happens to be active
        GeneratedFile f = store.put("00:10:95:00:00:01", "abc".getBytes());
        try (java.sql.Connection c = db.connection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SHUTDOWN IMMEDIATELY"); // drops unwritten changes, as kill -9 does
        } catch (SQLException expected) {
            // the connection dies with the database
        }
        db = new H2Database();
        db.open(dir);
        assertThat(new H2GeneratedFileStore(db).content(f.name()))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo("abc".getBytes()));
    }
}
