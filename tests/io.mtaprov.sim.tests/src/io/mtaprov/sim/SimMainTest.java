package io.mtaprov.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line against the fake peers. */
class SimMainTest {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsAFleetAndPrintsTheSummary() throws Exception {
        try (Lab lab = new Lab()) {
            int status = SimMain.run(new String[] {"--mtas", "3", "--flow", "hybrid.2", "--dhcp",
                "127.0.0.1:" + lab.dhcp.port(), "--mps-port", Integer.toString(lab.mps.port), "--mta-snmp-port",
                Integer.toString(lab.mtaSnmpPort), "--rate", "100", "--concurrency", "2"}, out);
            assertThat(status).as(output()).isZero();
            assertThat(output()).contains("completed 3, failed 0").contains("MTAs/s").contains("step 10");
        }
    }

    @Test
    void reportsAFlowOtherThanExpected() throws Exception {
        try (Lab lab = new Lab()) {
            int status = SimMain.run(new String[] {"--flow", "hybrid.1", "--dhcp", "127.0.0.1:" + lab.dhcp.port(),
                "--mps-port", Integer.toString(lab.mps.port), "--mta-snmp-port", Integer.toString(lab.mtaSnmpPort)},
                    out);
            assertThat(status).isEqualTo(1);
            assertThat(output()).contains("selects HYBRID.2, expected HYBRID.1");
        }
    }

    @Test
    void rejectsUnknownOptionsWithUsage() {
        assertThat(SimMain.run(new String[] {"--bogus", "1"}, out)).isEqualTo(2);
        assertThat(output()).contains("unknown option --bogus").contains("usage:");
    }

    @Test
    void mixesFlowsBehindTheirRelaysAndReportsEachFlow() throws Exception {
        try (Lab lab = new Lab()) {
            lab.dhcp.realmByRelay.put(io.mtaprov.protocol.dhcp.Ipv4Address.parse("127.93.0.1"), "HYBRID.1");
            lab.dhcp.realmByRelay.put(io.mtaprov.protocol.dhcp.Ipv4Address.parse("127.94.0.1"), "HYBRID.2");
            int status = SimMain.run(new String[] {"--mtas", "4", "--flow", "hybrid.1,hybrid.2", "--giaddr",
                "127.93.0.1,127.94.0.1", "--dhcp", "127.0.0.1:" + lab.dhcp.port(), "--mps-port",
                Integer.toString(lab.mps.port), "--mta-snmp-port", Integer.toString(lab.mtaSnmpPort), "--progress-ms",
                "0"}, out);
            assertThat(status).as(output()).isZero();
            assertThat(output()).contains("flows HYBRID.1,HYBRID.2, behind relay(s) 127.93.0.1,127.94.0.1")
                    .contains("completed 4, failed 0").contains("by flow: HYBRID.1 2/2, HYBRID.2 2/2");
            assertThat(lab.dhcp.received).as("every request relayed")
                    .allSatisfy(m -> assertThat(m.giaddr().toString()).isIn("127.93.0.1", "127.94.0.1"));
        }
    }

    @Test
    void aWarmUpFleetRunsFirstWithOtherMacsAndIsNotCounted() throws Exception {
        try (Lab lab = new Lab()) {
            int status = SimMain.run(new String[] {"--mtas", "2", "--warmup", "3", "--base-mac", "02:4d:54:77:00:00",
                "--dhcp", "127.0.0.1:" + lab.dhcp.port(), "--mps-port", Integer.toString(lab.mps.port),
                "--mta-snmp-port", Integer.toString(lab.mtaSnmpPort), "--progress-ms", "0"}, out);
            assertThat(status).as(output()).isZero();
            assertThat(output()).contains("warm-up: 3 MTA(s) from 02:4d:54:77:00:02, completed 3, failed 0")
                    .contains(SimMain.WARMUP_DONE).contains("MTAs: 2, completed 2, failed 0");
            assertThat(output().indexOf(SimMain.WARMUP_DONE)).isLessThan(output().indexOf("MTAs: 2"));
            assertThat(lab.dhcp.leases).containsKeys("02:4d:54:77:00:00", "02:4d:54:77:00:01", "02:4d:54:77:00:04")
                    .hasSize(5);
        }
    }

    @Test
    void flowListsAndMixedAreParsedAndSecureIsRefused() {
        assertThat(SimMain.flows("mixed")).containsExactly(io.mtaprov.core.model.Flow.BASIC_1,
                io.mtaprov.core.model.Flow.BASIC_2, io.mtaprov.core.model.Flow.HYBRID_1,
                io.mtaprov.core.model.Flow.HYBRID_2);
        assertThat(SimMain.flows("hybrid.2, basic.1")).containsExactly(io.mtaprov.core.model.Flow.HYBRID_2,
                io.mtaprov.core.model.Flow.BASIC_1);
        assertThat(SimMain.run(new String[] {"--flow", "hybrid.2,secure"}, out)).isEqualTo(2);
        assertThat(output()).contains("is not simulated yet");
        var p = SimMain.fleet(SimMain.flows("hybrid.1,hybrid.2"), SimMain.relays("127.93.0.1,127.94.0.1"),
                io.mtaprov.protocol.mib.MibTree.CABLELABS, 2);
        MtaProfile third = p.apply(2, MtaProfile.lab("02:4d:54:00:00:03"));
        assertThat(third.expectedFlow()).isEqualTo(io.mtaprov.core.model.Flow.HYBRID_1);
        assertThat(third.relayAgent().toString()).isEqualTo("127.93.0.1");
    }
}
