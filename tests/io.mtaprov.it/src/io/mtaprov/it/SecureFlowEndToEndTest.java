package io.mtaprov.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Flow;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.provisioning.ProvisioningResult;
import io.mtaprov.core.provisioning.ProvisioningState;
import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerRegistry;
import io.mtaprov.core.server.ServerState;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.core.trace.TraceStore;
import io.mtaprov.pki.LabPki;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.server.kdc.KdcServer;
import io.mtaprov.sim.FleetReport;
import io.mtaprov.sim.MtaProfile;
import io.mtaprov.sim.MtaRunResult;
import io.mtaprov.sim.SimulatedMta;
import io.mtaprov.sim.SimulatorFleet;
import io.mtaprov.sim.secure.MtaUsmKeys;
import io.mtaprov.sim.secure.SecureFaults;
import io.mtaprov.sim.secure.SecureMtaSteps;
import io.mtaprov.sim.secure.SecureSettings;
import io.mtaprov.tests.support.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The Secure flow end to end behind its CMTS (realm MTAPROV.LAB, it-scopes.properties): DHCP, the
 * PKINIT AS exchange with the KDC (which asks the provisioning server for the MTA's FQDN over MTA
 * FQDN), key management with the provisioning server, enrollment INFORM, SET and status INFORM over
 * SNMPv3 with the derived keys, TFTP. One MTA (and Net-SNMP's snmpget with its keys), a fleet of 100,
 * and each step-3 fault ending at step 3 with its reason.
 */
class SecureFlowEndToEndTest {
    static final Ipv4Address SECURE_RELAY = Ipv4Address.parse("127.86.0.1");
    static SecureMtaSteps steps;

    @BeforeAll
    static void serversRunning() throws Exception {
        ItRuntime.serversRunning();
        ServerRegistry registry = ItRuntime.service(ServerRegistry.class);
        Await.until("KDC and key management running", ItRuntime.WAIT, () -> registry.statuses().stream()
                .filter(s -> s.state() == ServerState.RUNNING).map(s -> s.id()).collect(Collectors.toSet())
                .containsAll(Set.of("kdc", "km")));
        LabPki pki = kdc().pki().orElseThrow();
        int kdcPort = Integer.getInteger("mtaprov.kdc.port");
        ProvisioningNetwork net = ProvisioningNetwork.fromProperties(System::getProperty);
        steps = new SecureMtaSteps(new SecureSettings(new InetSocketAddress("127.0.0.1", kdcPort), kdcPort,
                Integer.getInteger("mtaprov.km.port"), "mtaprovsrvr/" + net.mpsFqdn(), SecureSettings.ALL_SUITES,
                Duration.ofMillis(500), 3), pki);
    }

    static KdcServer kdc() throws InvalidSyntaxException {
        BundleContext ctx = FrameworkUtil.getBundle(SecureFlowEndToEndTest.class).getBundleContext();
        for (ServiceReference<ManagedServer> r : ctx.getServiceReferences(ManagedServer.class, null)) {
            if (ctx.getService(r) instanceof KdcServer k) {
                return k;
            }
        }
        throw new AssertionError("no KDC service");
    }

    static MtaProfile secure(String mac) {
        return MtaProfile.lab(mac).withFlows(EnumSet.allOf(Flow.class)).withRelayAgent(SECURE_RELAY)
                .withExpectedFlow(Flow.SECURE);
    }

    @Test
    void oneMtaPassesOverSnmpV3AndNetSnmpReadsItWithTheDerivedKeys() throws Exception {
        String mac = MtaProfile.LAB_OUI + ":f1:00:01";
        Instant t0 = Instant.now();
        try (SimulatedMta mta = new SimulatedMta(secure(mac), ItRuntime.settings(), null,
                ItRuntime.service(TraceBus.class), steps)) {
            MtaRunResult r = mta.run();
            assertThat(r.completed()).as(r.toString()).isTrue();
            assertThat(r.flow()).isEqualTo(Flow.SECURE);
            assertThat(r.finalState().name()).isEqualTo("PASS");
            ProvisioningResult result = ItRuntime.result(mac, t0);
            assertThat(result.state()).as(result.reason()).isEqualTo(ProvisioningState.COMPLETE);
            assertThat(result.flow()).isEqualTo("SECURE");

            MtaUsmKeys keys = mta.usmKeys().orElseThrow();
            InetSocketAddress agent = mta.agentAddress().orElseThrow();
            List<String> cmd = new java.util.ArrayList<>(List.of("snmpget", "-v3", "-On", "-r", "1", "-t", "3", "-u",
                    keys.user(), "-e", "0x" + HexFormat.of().formatHex(keys.mtaEngineId()),
                    "-a", keys.md5() ? "MD5" : "SHA", "-3k", HexFormat.of().formatHex(keys.authKey())));
            if (keys.privacy()) {
                cmd.addAll(List.of("-l", "authPriv", "-x", "DES", "-3K", HexFormat.of().formatHex(keys.privKey())));
            } else {
                cmd.addAll(List.of("-l", "authNoPriv"));
            }
            cmd.add(agent.getAddress().getHostAddress() + ":" + agent.getPort());
            cmd.add("1.3.6.1.4.1.4491.2.2.1.1.1.9.0"); // pktcMtaDevProvisioningState
            String out = run(cmd);
            assertThat(out).as(String.join(" ", cmd)).contains(".1.3.6.1.4.1.4491.2.2.1.1.1.9.0 = INTEGER: 1");
            cmd.set(cmd.indexOf(HexFormat.of().formatHex(keys.authKey())), "00".repeat(keys.authKey().length));
            assertThat(run(cmd)).as("a wrong key reads nothing").doesNotContain("INTEGER: 1");
        }
        TraceStore trace = ItRuntime.service(TraceStore.class);
        Await.until("step 3 of " + mac + " from the KDC and key management", ItRuntime.WAIT, () -> {
            List<TraceEvent> ev = trace.forMta(mac, 2000).stream().filter(e -> !e.time().isBefore(t0)).toList();
            return ev.stream().anyMatch(e -> e.step() == ProvisioningStep.SNMPV3_SECURITY && e.source().equals("kdc"))
                    && ev.stream().anyMatch(e -> e.step() == ProvisioningStep.SNMPV3_SECURITY && e.source().equals("km"))
                    && ev.stream().anyMatch(e -> e.step() == ProvisioningStep.PROVISIONING_STATUS);
        });
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aFleetOfOneHundredPasses() {
        List<MtaProfile> mtas = SimulatorFleet.labProfiles(MtaProfile.LAB_OUI + ":f2:00:00", 100,
                (i, p) -> p.withFlows(EnumSet.allOf(Flow.class)).withRelayAgent(SECURE_RELAY)
                        .withExpectedFlow(Flow.SECURE));
        steps.prepare(mtas.stream().map(MtaProfile::mac).toList());
        FleetReport report = new SimulatorFleet(ItRuntime.settings(), null, steps).run(mtas, 25, 0);
        assertThat(report.failed()).as(report.summary() + " " + report.results().stream()
                .filter(r -> !r.completed()).limit(5).toList()).isZero();
        assertThat(report.completed()).isEqualTo(100);
    }

    @Test
    void eachStepThreeFaultEndsAtStepThreeWithItsReason() {
        record Case(SecureFaults fault, String reason) {
        }
        List<Case> cases = List.of(
                new Case(SecureFaults.NONE.withExpiredCertificate(), "KDC_ERR_INVALID_CERTIFICATE"),
                new Case(SecureFaults.NONE.withForeignCertificate(), "KDC_ERR_CLIENT_NOT_TRUSTED"),
                new Case(SecureFaults.NONE.withWrongMac(), "wrong MAC"),
                new Case(SecureFaults.NONE.withClockSkew(Duration.ofMinutes(10)), "KRB_AP_ERR_SKEW"),
                new Case(SecureFaults.NONE.withReplayApReq(), "KRB_AP_ERR_REPEAT"),
                new Case(SecureFaults.NONE.withKmTimeout(), "key management timeout"));
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String mac = MtaProfile.LAB_OUI + ":f3:00:0" + (i + 1);
            steps.fault(mac, c.fault());
            MtaRunResult r;
            try (SimulatedMta mta = new SimulatedMta(secure(mac), ItRuntime.settings(), null, null, steps)) {
                r = mta.run();
            }
            assertThat(r.completed()).as(c.fault().describe()).isFalse();
            assertThat(r.failureStep()).as(r.toString()).isEqualTo(ProvisioningStep.SNMPV3_SECURITY);
            assertThat(r.failureReason()).as(c.fault().describe()).contains(c.reason());
        }
    }
}
