package io.mtaprov.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Flow;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.sim.MtaProfile;
import io.mtaprov.sim.MtaRunResult;
import io.mtaprov.sim.SecureFlowSteps;
import io.mtaprov.sim.SimSettings;
import io.mtaprov.sim.SimulatedMta;
import io.mtaprov.tests.support.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wireshark's tshark, a peer no one here wrote, decodes every SNMP packet of one HYBRID.2 run
 * against the real servers: captured on lo with a port filter (the MPS and MTA agent ports are
 * not the standard ones, so they are decoded as SNMP with -d), no malformed field and no expert
 * error, and the PDUs include both INFORMs, the SET of pktcMtaDevConfigFile and the responses.
 */
class SnmpWireEndToEndTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void serversRunning() {
        ItRuntime.serversRunning();
    }

    @Test
    void tsharkDecodesEverySnmpPacketOfAHybrid2RunWithoutMalformedFields() throws Exception {
        if (Files.notExists(Path.of("/usr/bin/tshark"))) {
            throw new AssertionError("tshark is missing: run `apt-get install tshark` (./mtaprov test does)");
        }
        SimSettings settings = ItRuntime.settings();
        int mps = settings.mpsPort();
        int agent = settings.mtaSnmpPort();
        Path pcap = dir.resolve("hybrid2.pcapng");
        Path log = dir.resolve("tshark.log");
        Process capture = new ProcessBuilder("/usr/bin/tshark", "-i", "lo", "-f", "udp port " + mps + " or udp port "
                + agent, "-w", pcap.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MtaRunResult r;
        try {
            Await.until("tshark capturing on lo", ItRuntime.WAIT, () -> read(log).contains("Capturing on"));
            String mac = MtaProfile.LAB_OUI + ":e7:00:01";
            try (SimulatedMta mta = new SimulatedMta(MtaProfile.lab(mac).withRelayAgent(ItRuntime.relayOf(
                    Flow.HYBRID_2)), settings, null, ItRuntime.service(TraceBus.class),
                    SecureFlowSteps.NOT_IMPLEMENTED)) {
                r = mta.run();
            }
            Await.until("tshark has written the status INFORM's response", ItRuntime.WAIT,
                    () -> Files.exists(pcap) && decode(pcap, mps, agent, "snmp.data == 2 && udp.srcport == " + mps,
                            "frame.number").size() >= 2);
        } finally {
            capture.destroy();
            assertThat(capture.waitFor(30, TimeUnit.SECONDS)).as("tshark stopped").isTrue();
        }
        assertThat(r.completed()).as(r.toString()).isTrue();

        assertThat(decode(pcap, mps, agent, "_ws.malformed || _ws.expert.severity == 0x00800000", "frame.number"))
                .as("malformed packets or expert errors: " + read(log)).isEmpty();
        List<String> pdus = decode(pcap, mps, agent, "snmp", "snmp.data", "snmp.name", "snmp.value.oid");
        assertThat(pdus).as("every UDP packet on the two ports is SNMP").hasSameSizeAs(decode(pcap, mps, agent, "udp",
                "frame.number"));
        String enrollment = oid("pktcMtaDevProvisioningEnrollment");
        String status = oid("pktcMtaDevProvisioningStatus");
        String configFile = oid("pktcMtaDevConfigFile") + ".0";
        assertThat(pdus).anyMatch(p -> p.startsWith("6|") && p.contains(enrollment))
                .anyMatch(p -> p.startsWith("6|") && p.contains(status))
                .anyMatch(p -> p.startsWith("3|") && p.contains(configFile)
                        && p.contains(oid("pktcMtaDevProvConfigHash") + ".0"))
                .anyMatch(p -> p.startsWith("6|") && p.contains(oid("pktcMtaDevProvisioningState") + ".0"))
                .anyMatch(p -> p.startsWith("2|"));
    }

    private static String oid(String name) {
        return MibRegistry.standard().byName(name, MibTree.CABLELABS).oid().toString();
    }

    /** tshark -r with the two ports decoded as SNMP; one line per packet, fields joined by '|'. */
    private static List<String> decode(Path pcap, int mps, int agent, String filter, String... fields) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/tshark", "-r", pcap.toString(), "-d", "udp.port==" + mps
                + ",snmp", "-d", "udp.port==" + agent + ",snmp", "-Y", filter, "-T", "fields", "-E", "separator=|"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new AssertionError("tshark -r " + pcap + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
