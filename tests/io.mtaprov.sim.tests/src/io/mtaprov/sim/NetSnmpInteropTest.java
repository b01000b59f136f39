package io.mtaprov.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.tests.support.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Net-SNMP's snmpget (Debian package snmp), a peer no one here wrote, against a simulated MTA's agent. */
class NetSnmpInteropTest {
    static final String MAC = "02:4d:54:00:00:21";

    @Test
    void snmpgetReadsTheMacOfARunningMta() throws Exception {
        if (Files.notExists(Path.of("/usr/bin/snmpget"))) {
            throw new AssertionError("Net-SNMP's snmpget is missing: run `apt-get install snmp` (./mtaprov test does)");
        }
        try (Lab lab = new Lab()) {
            lab.mps.autoSet = false;
            try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC))) {
                mta.start();
                Await.until("the agent", Duration.ofSeconds(10), () -> lab.mps.enrollments.contains(MAC));
                String ip = lab.mps.enrollmentSource.get(MAC);
                String oid = MtaObjects.of(MibTree.CABLELABS).macAddress.toString();
                Process p = new ProcessBuilder("/usr/bin/snmpget", "-v2c", "-c", SimSettings.DEFAULT_COMMUNITY,
                        "-On", "-t", "2", "-r", "1", ip + ":" + lab.mtaSnmpPort, oid).redirectErrorStream(true).start();
                assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("snmpget finished").isTrue();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.exitValue()).as(out).isZero();
                assertThat(out).contains("." + oid).contains("Hex-STRING: 02 4D 54 00 00 21");
            }
        }
    }
}
