package io.mtaprov.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.core.lease.Lease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2LeaseStoreTest {
    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    @TempDir
    Path dir;
    H2Database db;
    H2LeaseStore store;

    @BeforeEach
    void open() throws SQLException {
        db = new H2Database();
        db.open(dir);
        store = new H2LeaseStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Lease lease(String mac, String ip, Lease.State state, Instant expires) {
        return new Lease(mac, ip, "cmts1", "pktc", "pktc1.5:051f", "mta-1.mtaprov.lab", "0104abcd0102", state, T0,
                expires);
    }

    @Test
    void findsALeaseByMacAndByIpWithScopeAndRelayInfo() {
        Lease l = lease("00:10:95:00:00:01", "10.10.0.10", Lease.State.BOUND, T0.plusSeconds(3600));
        store.put(l);
        assertThat(store.byMac("00:10:95:00:00:01")).contains(l);
        assertThat(store.byIp("10.10.0.10")).contains(l);
        assertThat(store.byIp("10.10.0.11")).isEmpty();
    }

    @Test
    void keepsTheRealmOfOption122WithTheLeaseThroughExpiry() {
        Lease l = new Lease("00:10:95:00:00:03", "10.10.0.12", "cmts-basic", "pktc", "pktc1.5:051f",
                "mta-3.mtaprov.lab", "", Lease.State.BOUND, T0, T0.plusSeconds(10), "BASIC.1");
        store.put(l);
        assertThat(store.byIp("10.10.0.12").orElseThrow().realm()).isEqualTo("BASIC.1");
        assertThat(store.expire(T0.plusSeconds(20))).singleElement().extracting(Lease::realm).isEqualTo("BASIC.1");
        assertThat(store.byMac("00:10:95:00:00:03").orElseThrow().realm()).isEqualTo("BASIC.1");
    }

    @Test
    void aLeaseWithoutRealmReadsBackWithAnEmptyOne() {
        store.put(lease("00:10:95:00:00:04", "10.10.0.13", Lease.State.BOUND, T0.plusSeconds(10)));
        assertThat(store.byMac("00:10:95:00:00:04").orElseThrow().realm()).isEmpty();
    }

    @Test
    void anAddressTakenOverByAnotherMacReplacesTheOldLease() {
        store.put(lease("00:10:95:00:00:01", "10.10.0.10", Lease.State.EXPIRED, T0));
        store.putAll(List.of(lease("00:10:95:00:00:02", "10.10.0.10", Lease.State.BOUND, T0.plusSeconds(60)),
                lease("00:10:95:00:00:02", "10.10.0.10", Lease.State.BOUND, T0.plusSeconds(120))));
        assertThat(store.byMac("00:10:95:00:00:01")).isEmpty();
        assertThat(store.byIp("10.10.0.10").orElseThrow().expires()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void expireMarksOnlyDueActiveLeases() {
        store.put(lease("00:10:95:00:00:01", "10.10.0.10", Lease.State.BOUND, T0.plusSeconds(10)));
        store.put(lease("00:10:95:00:00:02", "10.10.0.11", Lease.State.BOUND, T0.plusSeconds(100)));
        List<Lease> due = store.expire(T0.plusSeconds(50));
        assertThat(due).extracting(Lease::mac).containsExactly("00:10:95:00:00:01");
        assertThat(store.byMac("00:10:95:00:00:01").orElseThrow().state()).isEqualTo(Lease.State.EXPIRED);
        assertThat(store.byMac("00:10:95:00:00:02").orElseThrow().state()).isEqualTo(Lease.State.BOUND);
    }

    @Test
    void updateChangesStateAndExpiry() {
        store.put(lease("00:10:95:00:00:01", "10.10.0.10", Lease.State.BOUND, T0.plusSeconds(10)));
        assertThat(store.update("00:10:95:00:00:01", Lease.State.RELEASED, T0).orElseThrow().state())
                .isEqualTo(Lease.State.RELEASED);
        assertThat(store.update("00:10:95:00:00:09", Lease.State.RELEASED, T0)).isEmpty();
    }

    @Test
    void activeListsUnexpiredLeasesNewestFirst() {
        Instant far = Instant.now().plusSeconds(3600);
        store.put(new Lease("00:10:95:00:00:01", "10.10.0.10", "s", "pktc", "", "", "", Lease.State.BOUND, T0, far));
        store.put(new Lease("00:10:95:00:00:02", "10.10.0.11", "s", "pktc", "", "", "", Lease.State.BOUND,
                T0.plusSeconds(1), far));
        store.put(lease("00:10:95:00:00:03", "10.10.0.12", Lease.State.RELEASED, far));
        assertThat(store.active(10)).extracting(Lease::mac).containsExactly("00:10:95:00:00:02", "00:10:95:00:00:01");
    }

    @Test
    void conflictsAreKeptUntilTheirHoldEnds() {
        store.markConflict("10.10.0.10", "00:10:95:00:00:01", T0.plusSeconds(3600));
        assertThat(store.conflicts(T0)).containsEntry("10.10.0.10", T0.plusSeconds(3600));
        assertThat(store.conflicts(T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void aCommittedLeaseSurvivesTheProcessDyingWithoutShutdown() throws SQLException {
        Lease l = lease("00:10:95:00:00:01", "10.10.0.10", Lease.State.BOUND, T0.plusSeconds(3600));
        store.put(l);
        // SHUTDOWN IMMEDIATELY drops every change not yet written to the file, as kill -9 does
        // (with H2's default WRITE_DELAY of 500 ms the lease would be lost here)
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException expected) {
            // the connection dies with the database
        }
        H2Database again = new H2Database();
        again.open(dir);
        try {
            assertThat(new H2LeaseStore(again).byMac(l.mac())).contains(l);
        } finally {
            again.close();
        }
    }

    /** What kill -9 leaves: no shutdown, unwritten H2 changes dropped, and a new process (new objects). */
    private H2LeaseStore dieAndRestart() throws SQLException {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException expected) {
            // the connection dies with the database
        }
        db = new H2Database();
        db.open(dir);
        return new H2LeaseStore(db);
    }

    @Test
    void journaledLeasesFollowTheTableRulesBeforeAndAfterAProcessDeath() throws SQLException {
        store.put(lease("00:10:95:00:00:01", "10.10.0.10", Lease.State.BOUND, T0.plusSeconds(60)));
        // another MAC takes the address (deletes the first lease), then moves on to another address
        store.putAll(List.of(lease("00:10:95:00:00:02", "10.10.0.10", Lease.State.BOUND, T0.plusSeconds(60)),
                lease("00:10:95:00:00:02", "10.10.0.11", Lease.State.BOUND, T0.plusSeconds(120))));
        assertThat(store.byMac("00:10:95:00:00:01")).isEmpty();
        assertThat(store.byIp("10.10.0.10")).isEmpty();
        assertThat(store.byIp("10.10.0.11").orElseThrow().mac()).isEqualTo("00:10:95:00:00:02");
        H2LeaseStore again = dieAndRestart();
        assertThat(again.byMac("00:10:95:00:00:01")).isEmpty();
        assertThat(again.byIp("10.10.0.10")).isEmpty();
        assertThat(again.all()).singleElement().satisfies(l -> {
            assertThat(l.mac()).isEqualTo("00:10:95:00:00:02");
            assertThat(l.ip()).isEqualTo("10.10.0.11");
        });
    }

    @Test
    void aTableRowIsHiddenByAJournaledChangeOfItsMacOrItsAddress() {
        store.put(lease("00:10:95:00:00:01", "10.10.0.10", Lease.State.BOUND, T0.plusSeconds(60)));
        store.put(lease("00:10:95:00:00:02", "10.10.0.20", Lease.State.BOUND, T0.plusSeconds(60)));
        assertThat(store.all()).hasSize(2); // folds both into the table
        store.put(lease("00:10:95:00:00:01", "10.10.0.12", Lease.State.BOUND, T0.plusSeconds(60)));
        store.put(lease("00:10:95:00:00:03", "10.10.0.20", Lease.State.BOUND, T0.plusSeconds(60)));
        assertThat(store.byIp("10.10.0.10")).isEmpty(); // its MAC moved to .12
        assertThat(store.byMac("00:10:95:00:00:01").orElseThrow().ip()).isEqualTo("10.10.0.12");
        assertThat(store.byMac("00:10:95:00:00:02")).isEmpty(); // its address went to another MAC
        assertThat(store.byIp("10.10.0.20").orElseThrow().mac()).isEqualTo("00:10:95:00:00:03");
    }

    @Test
    void aReadThatScansTheTableFoldsTheJournalAndEmptiesIt() throws Exception {
        store.putAll(List.of(lease("00:10:95:00:00:01", "10.10.0.10", Lease.State.BOUND, T0.plusSeconds(60)),
                lease("00:10:95:00:00:02", "10.10.0.11", Lease.State.BOUND, T0.plusSeconds(60))));
        Path journal = dir.resolve(LeaseJournal.FILE_NAME);
        assertThat(Files.size(journal)).isPositive();
        assertThat(store.all()).hasSize(2);
        assertThat(Files.size(journal)).isZero();
        assertThat(dieAndRestart().all()).hasSize(2);
    }

    @Test
    void anUnfinishedRecordAtTheEndOfTheJournalIsIgnored() throws Exception {
        Lease l = lease("00:10:95:00:00:01", "10.10.0.10", Lease.State.BOUND, T0.plusSeconds(3600));
        store.put(l);
        // a write the process did not finish: a length that promises more than the file holds
        Files.write(dir.resolve(LeaseJournal.FILE_NAME), new byte[] {0, 0, 1, 0, 1, 2, 3}, StandardOpenOption.APPEND);
        H2LeaseStore again = dieAndRestart();
        assertThat(again.byMac(l.mac())).contains(l);
        assertThat(again.all()).containsExactly(l);
    }

    @Test
    void aLeaseTheTableCannotHoldIsRefusedBeforeItIsJournaled() {
        Lease tooLong = new Lease("00:10:95:00:00:01", "10.10.0.10", "s".repeat(65), "pktc", "", "", "",
                Lease.State.BOUND, T0, T0.plusSeconds(60));
        assertThatThrownBy(() -> store.put(tooLong)).hasMessageContaining("scope is longer than 64");
        assertThat(store.byMac("00:10:95:00:00:01")).isEmpty();
        assertThat(store.all()).isEmpty();
    }
}
