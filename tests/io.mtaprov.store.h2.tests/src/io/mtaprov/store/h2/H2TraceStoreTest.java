package io.mtaprov.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.BoundedTraceBus;
import io.mtaprov.tests.support.Await;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2TraceStoreTest {
    @TempDir
    Path dir;

    private static TraceEvent event(String mac, int i, Outcome o) {
        return new TraceEvent(Instant.ofEpochSecond(1_764_000_000L, 123_456_789L + i), mac,
                ProvisioningStep.ofNumber(1 + i % 10), "tftp", Direction.OUT, "127.0.0.1:5000", "event " + i,
                "detail " + "x".repeat(i % 3), o);
    }

    @Test
    void persistsEveryPublishedEventWithAllFields() throws SQLException {
        H2Database db = new H2Database();
        db.open(dir);
        try (BoundedTraceBus bus = new BoundedTraceBus(100_000)) {
            H2TraceStore store = new H2TraceStore();
            store.start(db, bus);
            for (int i = 0; i < 3000; i++) {
                bus.publish(event(i % 2 == 0 ? "00:10:95:00:00:01" : "00:10:95:00:00:02", i, Outcome.OK));
            }
            bus.publish(event("00:10:95:00:00:01", 3000, Outcome.FAILED));
            Await.until("3001 stored events", Duration.ofSeconds(20), () -> store.count() == 3001);
            List<TraceEvent> recent = store.recent(2);
            assertThat(recent).extracting(TraceEvent::summary).containsExactly("event 2999", "event 3000");
            assertThat(recent.get(1)).isEqualTo(event("00:10:95:00:00:01", 3000, Outcome.FAILED));
            assertThat(store.forMta("00:10:95:00:00:02", 10_000)).hasSize(1500)
                    .allMatch(e -> e.mtaMac().equals("00:10:95:00:00:02"))
                    .extracting(TraceEvent::summary) // in publishing order across the multi-row inserts
                    .isEqualTo(java.util.stream.IntStream.range(0, 1500).mapToObj(i -> "event " + (2 * i + 1)).toList());
            assertThat(store.lost()).isZero();
            store.deactivate();
        } finally {
            db.close();
        }
    }

    /** Found by the live-port fuzzer: one DHCP packet with hlen 16 made its whole batch of thousands fail. */
    @Test
    void anOverlongHardwareAddressDoesNotCostTheOtherEventsOfItsBatch() throws SQLException {
        H2Database db = new H2Database();
        db.open(dir);
        try (BoundedTraceBus bus = new BoundedTraceBus(100_000)) {
            H2TraceStore store = new H2TraceStore();
            store.start(db, bus);
            for (int i = 0; i < 500; i++) {
                bus.publish(event(i == 250 ? "02:66:7a:10:00:01:00:00:00:00:00:00:00:00:00:00" : "00:10:95:00:00:01", i,
                        Outcome.OK));
            }
            Await.until("500 stored events", Duration.ofSeconds(20), () -> store.count() == 500);
            assertThat(store.lost()).isZero();
            assertThat(store.forMta("02:66:7a:10:00:01", 10)).extracting(TraceEvent::summary).containsExactly("event 250");
            store.deactivate();
        } finally {
            db.close();
        }
    }

    @Test
    void movesEventsOfAnOlderWorkspaceIntoTheTraceDatabaseInOrder() throws Exception {
        H2Database old = new H2Database();
        old.open(dir);
        try (var c = old.connection(); var ps = c.prepareStatement("INSERT INTO trace_event (ts_nanos, mta_mac,"
                + " step, source, direction, peer, summary, detail, outcome) VALUES (1, ?, 1, 'dhcp', 'IN', '', ?, '', 'OK')")) {
            for (int i = 0; i < 3; i++) {
                ps.setString(1, "00:10:95:00:00:0" + i);
                ps.setString(2, "old " + i);
                ps.executeUpdate();
            }
        }
        old.close();
        java.nio.file.Files.delete(dir.resolve(H2Database.TRACE_FILE_NAME + ".mv.db")); // as before the split
        H2Database db = new H2Database();
        db.open(dir);
        try (BoundedTraceBus bus = new BoundedTraceBus(100)) {
            H2TraceStore store = new H2TraceStore();
            store.start(db, bus);
            bus.publish(event("00:10:95:00:00:09", 7, Outcome.OK));
            Await.until("old and new events stored", Duration.ofSeconds(10), () -> store.count() == 4);
            assertThat(store.recent(4)).extracting(TraceEvent::summary).containsExactly("old 0", "old 1", "old 2",
                    "event 7");
            try (var c = db.connection(); var st = c.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*) FROM trace_event")) {
                rs.next();
                assertThat(rs.getLong(1)).as("left in the main database").isZero();
            }
            store.deactivate();
        } finally {
            db.close();
        }
    }

    @Test
    void clipsOverlongTextInsteadOfLosingTheEvent() throws SQLException {
        H2Database db = new H2Database();
        db.open(dir);
        try (BoundedTraceBus bus = new BoundedTraceBus(100)) {
            H2TraceStore store = new H2TraceStore();
            store.start(db, bus);
            bus.publish(new TraceEvent(Instant.now(), "", ProvisioningStep.CONFIG_FILE_REQUEST, "tftp", Direction.IN,
                    "", "s".repeat(5000), "d".repeat(100_000), Outcome.REJECTED));
            Await.until("stored", Duration.ofSeconds(10), () -> store.count() == 1);
            TraceEvent e = store.recent(1).get(0);
            assertThat(e.summary()).hasSize(H2TraceStore.SUMMARY_MAX);
            assertThat(e.detail()).hasSize(H2TraceStore.DETAIL_MAX);
            store.deactivate();
        } finally {
            db.close();
        }
    }
}
