package io.mtaprov.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void concurrentPutsShareCommitsAndEachIsDurableWhenItReturns() throws Exception {
        long[] before = GroupCommitter.of(db).counts();
        int n = 200;
        java.util.List<java.util.concurrent.Future<GeneratedFile>> puts = new java.util.ArrayList<>();
        try (var exec = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                byte[] content = ("file " + i).getBytes();
                puts.add(exec.submit(() -> {
                    GeneratedFile f = store.put("00:10:95:00:00:01", content);
                    // committed when put returns: another connection sees it at once
                    try (var c = db.connection(); var ps = c.prepareStatement("SELECT content FROM generated_file WHERE name = ?")) {
                        ps.setString(1, f.name());
                        try (var rs = ps.executeQuery()) {
                            assertThat(rs.next()).as("row of " + f.name() + " committed").isTrue();
                            assertThat(rs.getBytes(1)).isEqualTo(content);
                        }
                    }
                    return f;
                }));
            }
        }
        long[] after = GroupCommitter.of(db).counts();
        assertThat(after[1] - before[1]).as("writes").isEqualTo(n);
        assertThat(after[0] - before[0]).as("commits for %d concurrent puts", n).isLessThan(n / 2);
        db.close();
        db = new H2Database();
        db.open(dir);
        H2GeneratedFileStore reopened = new H2GeneratedFileStore(db); // empty memory: reads the table
        for (var p : puts) {
            GeneratedFile f = p.get();
            assertThat(reopened.find(f.name())).contains(f);
            assertThat(reopened.content(f.name())).isPresent();
        }
    }

    @Test
    void aFailingWriteFailsAloneInItsGroup() throws Exception {
        GroupCommitter w = GroupCommitter.of(db);
        String name = FileNames.newName();
        GroupCommitter.Write insert = (c, st) -> {
            var ps = st.prepare(H2GeneratedFileStore.INSERT);
            ps.setString(1, name);
            ps.setString(2, "00:10:95:00:00:01");
            ps.setInt(3, 1);
            ps.setString(4, "0".repeat(40));
            ps.setLong(5, 1L);
            ps.setBytes(6, new byte[] {1});
            ps.executeUpdate();
        };
        w.write("first", insert);
        java.util.List<java.util.concurrent.Future<?>> others = new java.util.ArrayList<>();
        java.util.concurrent.Future<?> duplicate;
        try (var exec = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                others.add(exec.submit(() -> store.put("00:10:95:00:00:02", new byte[] {2})));
            }
            duplicate = exec.submit(() -> w.write("the same name again", insert));
            for (int i = 0; i < 20; i++) {
                others.add(exec.submit(() -> store.put("00:10:95:00:00:02", new byte[] {2})));
            }
        }
        assertThatThrownBy(duplicate::get).hasCauseInstanceOf(StoreException.class)
                .hasMessageContaining("the same name again");
        for (var f : others) {
            f.get(); // stored
        }
        assertThat(store.recent(100)).hasSize(41);
    }

    @Test
    void aFreshFileIsServedFromMemoryAsACopy() {
        GeneratedFile f = store.put("00:10:95:00:00:01", new byte[] {1, 2, 3});
        byte[] first = store.content(f.name()).orElseThrow();
        first[0] = 9;
        assertThat(store.content(f.name())).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(store.find(f.name())).contains(f);
    }

    @Test
    void recentFilesKeepTheNewestWithinTheirBudget() {
        RecentFiles r = new RecentFiles(100);
        java.util.List<GeneratedFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            GeneratedFile f = new GeneratedFile(FileNames.newName(), "00:10:95:00:00:01", 30, "0".repeat(40),
                    java.time.Instant.now());
            files.add(f);
            r.add(f, new byte[30]);
        }
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.get(files.get(0).name())).isNull();
        assertThat(r.get(files.get(1).name())).isNull();
        assertThat(r.get(files.get(4).name()).file()).isEqualTo(files.get(4));
        r.add(new GeneratedFile(FileNames.newName(), "m", 101, "0".repeat(40), java.time.Instant.now()), new byte[101]);
        assertThat(r.size()).as("larger than the whole budget: not kept").isEqualTo(3);
    }
}
