package io.mtaprov.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.provisioning.DefaultLayers;
import io.mtaprov.core.provisioning.DeviceClass;
import io.mtaprov.core.provisioning.ProvisioningResult;
import io.mtaprov.core.provisioning.ProvisioningState;
import io.mtaprov.core.provisioning.ProvisioningStatus;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.core.provisioning.RejectedLine;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2ProvisioningStoreTest {
    static final String MAC = "00:10:95:00:00:01";
    @TempDir
    Path dir;
    H2Database db;
    H2ProvisioningStore store;

    @BeforeEach
    void open() throws SQLException {
        db = new H2Database();
        db.open(dir);
        store = new H2ProvisioningStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void freshStoreHoldsTheDefaultLayers() {
        assertThat(store.deviceClasses()).extracting(DeviceClass::id)
                .containsExactly(DefaultLayers.CABLELABS_CLASS, DefaultLayers.IETF_CLASS);
        assertThat(store.deviceClasses().get(0)).isEqualTo(DefaultLayers.deviceClasses().get(0));
        assertThat(store.cmtsVariables(ProvisioningStore.ALL_SCOPES)).isEqualTo(DefaultLayers.allScopes());
    }

    /** Crash safety (issue 10): an attempt cut short by a kill is reported after the restart, not forgotten. */
    @Test
    void attemptsStartedAndNeverEndedAreRecordedAsInterruptedAfterAReopen() throws SQLException {
        java.time.Instant t0 = java.time.Instant.parse("2026-11-25T16:00:00Z");
        store.recordStart(MAC, 7, "HYBRID.2", t0);
        store.recordStart("00:10:95:00:00:02", 8, "HYBRID.2", t0);
        store.recordStart("00:10:95:00:00:03", 9, "HYBRID.1", t0); // superseded by a reboot:
        store.recordStart("00:10:95:00:00:03", 10, "HYBRID.1", t0.plusSeconds(1)); // one open attempt per MTA
        store.recordResult(new ProvisioningResult(MAC, 7, "HYBRID.2", ProvisioningState.COMPLETE, "", "f.cfg",
                null, t0, t0.plusSeconds(1), List.of()));
        db.close(); // as a kill would leave it: the writes above were committed
        db = new H2Database();
        db.open(dir);
        store = new H2ProvisioningStore(db);
        java.time.Instant now = t0.plusSeconds(60);
        List<ProvisioningResult> closed = store.closeInterrupted(now, "interrupted");
        assertThat(closed).extracting(r -> r.mac() + "/" + r.correlationId())
                .containsExactlyInAnyOrder("00:10:95:00:00:02/8", "00:10:95:00:00:03/10");
        assertThat(store.results("00:10:95:00:00:02", 5)).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(ProvisioningState.FAILED);
            assertThat(r.reason()).isEqualTo("interrupted");
            assertThat(r.ended()).isEqualTo(now);
        });
        assertThat(store.results(MAC, 5)).extracting(ProvisioningResult::state).containsExactly(ProvisioningState.COMPLETE);
        assertThat(store.closeInterrupted(now, "again")).as("reported once").isEmpty();
    }

    @Test
    void editsSurviveReopenAndAreNotReseeded() throws SQLException {
        DeviceClass acme = new DeviceClass("acme", 5, "Acme", "TM-1", "EMTA", "IETF", "Main\n{\n}\n",
                List.of("pktcMtaDevSerialNumber.0", "1.3.6.1.2.1.1.1.0"), Map.of("lines", "4"));
        store.saveDeviceClass(acme);
        store.saveCmtsVariables("cmts-a", Map.of("callAgent", "[10.1.1.1]"));
        store.saveMtaVariables(MAC, Map.of("line.1.number", "555-0101", "deviceClass", "acme"));
        store.saveMtaVariables(MAC, Map.of("line.1.number", "555-0199"));
        db.close();
        db = new H2Database();
        db.open(dir);
        store = new H2ProvisioningStore(db);
        assertThat(store.deviceClasses()).hasSize(3).contains(acme);
        assertThat(store.cmtsVariables("cmts-a")).containsExactly(Map.entry("callAgent", "[10.1.1.1]"));
        assertThat(store.mtaVariables(MAC)).containsExactly(Map.entry("line.1.number", "555-0199"));
        assertThat(store.mtaVariables("00:10:95:00:00:99")).isEmpty();
    }

    @Test
    void resultsWithRejectedLinesNewestFirst() {
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
        store.recordResult(new ProvisioningResult(MAC, 1, "HYBRID.2", ProvisioningState.SUPERSEDED, "rebooted", "",
                null, t, t.plusMillis(5), List.of()));
        ProvisioningResult ok = new ProvisioningResult(MAC, 2, "HYBRID.2", ProvisioningState.COMPLETE, "",
                "0123456789abcdef0123456789abcdef.cfg", ProvisioningStatus.PASS_WITH_WARNINGS, t.plusMillis(10),
                t.plusMillis(90), List.of(new RejectedLine(7, "1.3.6.1.4.1.4491.2.2.2.1.2.1.1.2.10",
                        "SnmpMibObject pktcNcsEndPntConfigCallAgentUdpPort.10 Integer 2727;", "out of range")));
        store.recordResult(ok);
        assertThat(store.results(MAC, 10)).extracting(ProvisioningResult::correlationId).containsExactly(2L, 1L);
        assertThat(store.results(MAC, 1)).containsExactly(ok);
        assertThat(store.results(MAC, 10).get(1).status()).isNull();
    }

    @Test
    void cachedLayersFollowEverySave() {
        String other = "00:10:95:00:00:42";
        assertThat(store.deviceClasses()).hasSize(2); // read and kept
        assertThat(store.cmtsVariables("cmts-b")).isEmpty();
        assertThat(store.mtaVariables(other)).isEmpty(); // no MTA has settings: answered without a query

        DeviceClass acme = new DeviceClass("acme", 5, "Acme", "", "", "", "Main\n{\n}\n", List.of(), Map.of());
        store.saveDeviceClass(acme);
        store.saveCmtsVariables("cmts-b", Map.of("callAgent", "[10.2.2.2]"));
        store.saveMtaVariables(other, Map.of("line.1.number", "555-0142"));

        assertThat(store.deviceClasses()).hasSize(3).contains(acme);
        assertThat(store.cmtsVariables("cmts-b")).containsExactly(Map.entry("callAgent", "[10.2.2.2]"));
        assertThat(store.mtaVariables(other)).containsExactly(Map.entry("line.1.number", "555-0142"));
        assertThat(store.mtaVariables(MAC)).isEmpty();
        store.saveDeviceClass(new DeviceClass("acme", 9, "Acme", "", "", "", "Main\n{\n}\n", List.of(), Map.of()));
        assertThat(store.deviceClasses()).filteredOn(c -> c.id().equals("acme")).extracting(DeviceClass::priority)
                .containsExactly(9);
    }

    @Test
    void concurrentResultsShareCommitsAndAreAllStored() throws Exception {
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
        long[] before = GroupCommitter.of(db).counts();
        int n = 200;
        try (var exec = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                String mac = String.format("00:10:95:00:%02x:%02x", i / 256, i % 256);
                List<RejectedLine> rejected = i % 10 == 0 ? List.of(new RejectedLine(3, "1.3.6.1.2.1.1.5.0",
                        "SnmpMibObject sysName.0 String \"x\";", "read-only")) : List.of();
                exec.submit(() -> store.recordResult(new ProvisioningResult(mac, 7, "HYBRID.2",
                        ProvisioningState.COMPLETE, "", "", ProvisioningStatus.PASS, t, t.plusMillis(50), rejected)));
            }
        }
        long[] after = GroupCommitter.of(db).counts();
        assertThat(after[1] - before[1]).as("writes").isEqualTo(n);
        assertThat(after[0] - before[0]).as("commits for %d concurrent results", n).isLessThan(n);
        assertThat(store.results("00:10:95:00:00:00", 1).get(0).rejected()).hasSize(1);
        assertThat(store.results("00:10:95:00:00:01", 1).get(0).rejected()).isEmpty();
        try (var c = db.connection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM prov_result")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(n);
        }
    }
}
