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
}
