package io.mtaprov.server.mps;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.provisioning.ProvisioningState;
import io.mtaprov.tests.support.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Interop with Net-SNMP (Debian package {@code snmp}): {@code snmpinform -v 2c} sends the enrollment
 * INFORM of the wire contract; the provisioning server answers it (snmpinform exits 0 only after a
 * response) and starts an attempt.
 */
class SnmpInformInteropTest {
    static final Path SNMPINFORM = Path.of("/usr/bin/snmpinform");
    static final String MAC = "00:10:95:0e:0e:01";

    @Test
    void netSnmpEnrollmentInformIsAnsweredAndStartsAnAttempt() throws Exception {
        assertThat(Files.isExecutable(SNMPINFORM)).as("Net-SNMP's snmpinform is missing: apt-get install snmp").isTrue();
        try (MpsFixture f = new MpsFixture()) {
            f.leases.put("127.0.0.1", new Lease(MAC, "127.0.0.1", "cmts-a", "pktc", "pktc1.0:", "", "",
                    Lease.State.BOUND, Instant.now(), Instant.now().plusSeconds(60)));
            f.start(f.settings("HYBRID.2"), List.of());
            // OIDs from the MIB table (CableLabs tree): enrollment notification and its objects
            List<String> cmd = List.of(SNMPINFORM.toString(), "-v", "2c", "-c", MpsSettings.DEFAULT_COMMUNITY,
                    "-r", "1", "-t", "2", "-M", "/dev/null", "127.0.0.1:" + f.mpsPort, "",
                    MtaOids.notification(true, io.mtaprov.protocol.mib.MibTree.CABLELABS).toString(),
                    MtaOids.SYS_DESCR.toString(), "s", "Net-SNMP test MTA",
                    MtaOids.scalar("pktcMtaDevSwCurrentVers", io.mtaprov.protocol.mib.MibTree.CABLELABS).toString(), "s", "1.0",
                    MtaOids.scalar("pktcMtaDevTypeIdentifier", io.mtaprov.protocol.mib.MibTree.CABLELABS).toString(), "s", "pktc1.0:",
                    MtaOids.scalar("pktcMtaDevMacAddress", io.mtaprov.protocol.mib.MibTree.CABLELABS).toString(), "x", "0010950E0E01",
                    MtaOids.scalar("pktcMtaDevCorrelationId", io.mtaprov.protocol.mib.MibTree.CABLELABS).toString(), "i", "4242");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("MIBS", "");
            Process p = pb.start();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("snmpinform finished").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("snmpinform exit status; output: " + out).isZero();
            Await.until("attempt of the Net-SNMP MTA", Duration.ofSeconds(10),
                    () -> f.current(MAC).map(s -> s.enrollment().correlationId() == 4242
                            && s.state() != ProvisioningState.ENROLLED).orElse(false));
            assertThat(f.current(MAC).orElseThrow().enrollment().sysDescr()).isEqualTo("Net-SNMP test MTA");
        }
    }
}
