package io.mtaprov.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.tests.support.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Net-SNMP's snmpget, snmpwalk and snmpset (Debian package snmp), peers no one here wrote, against a
 * simulated MTA's agent.
 */
class NetSnmpInteropTest {
    static final String MAC = "02:4d:54:00:00:21";
    static final MtaObjects CL = MtaObjects.of(MibTree.CABLELABS);

    /** Runs a Net-SNMP tool against the agent; returns exit code and output. */
    record Result(int exit, String out) {
    }

    static Result netSnmp(String tool, String agent, String... args) throws Exception {
        if (Files.notExists(Path.of("/usr/bin/" + tool))) {
            throw new AssertionError("Net-SNMP's " + tool + " is missing: run `apt-get install snmp` (./mtaprov test does)");
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/" + tool, "-v2c", "-c", SimSettings.DEFAULT_COMMUNITY,
                "-On", "-t", "2", "-r", "1", agent));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as(tool + " finished").isTrue();
        return new Result(p.exitValue(), out);
    }

    /** An MTA of the lab that enrolled and waits for its SET (the fake MPS sends none). */
    static String enrolledAgent(Lab lab, SimulatedMta mta) {
        lab.mps.autoSet = false;
        mta.start();
        Await.until("the agent", Duration.ofSeconds(10), () -> lab.mps.enrollments.contains(mta.profile().mac()));
        return lab.mps.enrollmentSource.get(mta.profile().mac()) + ":" + lab.mtaSnmpPort;
    }

    @Test
    void snmpgetReadsTheMacOfARunningMta() throws Exception {
        try (Lab lab = new Lab(); SimulatedMta mta = lab.mta(MtaProfile.lab(MAC))) {
            String oid = CL.macAddress.toString();
            Result r = netSnmp("snmpget", enrolledAgent(lab, mta), oid);
            assertThat(r.exit()).as(r.out()).isZero();
            assertThat(r.out()).contains("." + oid).contains("Hex-STRING: 02 4D 54 00 00 21");
        }
    }

    @Test
    void snmpwalkListsTheDeviceObjectsInOrderUpToTheEndOfTheMib() throws Exception {
        try (Lab lab = new Lab(); SimulatedMta mta = lab.mta(MtaProfile.lab("02:4d:54:00:00:22"))) {
            Result r = netSnmp("snmpwalk", enrolledAgent(lab, mta), "1.3.6.1");
            assertThat(r.exit()).as(r.out()).isZero();
            assertThat(r.out()).doesNotContain("OID not increasing").doesNotContain("Error")
                    .contains(".1.3.6.1.2.1.1.1.0 = STRING:")
                    .contains("." + CL.macAddress + " = Hex-STRING: 02 4D 54 00 00 22")
                    .contains("." + CL.provisioningState + " = INTEGER: 2")
                    .contains("." + CL.serialNumber + " = STRING: \"SIM000022\"");
        }
    }

    @Test
    void snmpsetOfFileAndHashMakesTheMtaFetchApplyAndReportPass() throws Exception {
        try (Lab lab = new Lab(); SimulatedMta mta = lab.mta(MtaProfile.lab("02:4d:54:00:00:23"))) {
            String agent = enrolledAgent(lab, mta);
            byte[] file = Configs.plain(MibTree.CABLELABS);
            GeneratedFile f = lab.files.put("02:4d:54:00:00:23", file);
            String url = "tftp://127.0.0.1:" + lab.tftp.settings().port() + "/" + f.name();
            Result r = netSnmp("snmpset", agent, CL.configFile.toString(), "s", url, CL.configHash.toString(), "x",
                    HexFormat.of().formatHex(ConfigHash.sha1(file)));
            assertThat(r.exit()).as(r.out()).isZero();
            assertThat(r.out()).contains("." + CL.configFile + " = STRING: \"" + url + "\"");
            Await.until("the status INFORM", Duration.ofSeconds(10),
                    () -> lab.mps.statusOf("02:4d:54:00:00:23").contains(ProvisioningState.PASS.value()));
        }
    }

    @Test
    void snmpsetOfAReadOnlyObjectIsRefusedWithNotWritable() throws Exception {
        try (Lab lab = new Lab(); SimulatedMta mta = lab.mta(MtaProfile.lab("02:4d:54:00:00:24"))) {
            Result r = netSnmp("snmpset", enrolledAgent(lab, mta), MtaObjects.SYS_DESCR.toString(), "s", "x");
            assertThat(r.exit()).isNotZero();
            assertThat(r.out()).contains("notWritable");
        }
    }
}
