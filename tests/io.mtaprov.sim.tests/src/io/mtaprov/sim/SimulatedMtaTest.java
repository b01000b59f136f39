package io.mtaprov.sim;

import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_DOWNLOAD;
import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_LOCATION;
import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_REQUEST;
import static io.mtaprov.core.model.ProvisioningStep.DEVICE_ACTION_REQUEST;
import static io.mtaprov.core.model.ProvisioningStep.DHCP_OPTIONS_TRANSFER;
import static io.mtaprov.core.model.ProvisioningStep.ENROLLMENT_REQUEST;
import static io.mtaprov.core.model.ProvisioningStep.PROVISIONING_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.model.Flow;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.protocol.dhcp.CableLabsVendorInfo;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.tests.support.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One simulated MTA through each flow against fake DHCP and MPS peers and the real TFTP server. */
class SimulatedMtaTest {
    static final String MAC = "02:4d:54:00:00:01";
    Lab lab;

    @BeforeEach
    void start() throws Exception {
        lab = new Lab();
    }

    @AfterEach
    void stop() throws Exception {
        lab.close();
    }

    @Test
    void hybrid2RunsEveryStepAndReportsPass() throws Exception {
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC))) {
            MtaRunResult r = mta.run();
            assertThat(r.completed()).as(r.toString()).isTrue();
            assertThat(r.flow()).isEqualTo(Flow.HYBRID_2);
            assertThat(r.finalState()).isEqualTo(ProvisioningState.PASS);
            assertThat(r.steps()).extracting(StepTiming::step).containsExactly(DEVICE_ACTION_REQUEST,
                    DHCP_OPTIONS_TRANSFER, ENROLLMENT_REQUEST, CONFIG_FILE_LOCATION, CONFIG_FILE_REQUEST,
                    CONFIG_FILE_DOWNLOAD, PROVISIONING_STATUS);
            assertThat(r.steps()).allMatch(StepTiming::ok).allMatch(s -> s.endNs() >= s.startNs());
            assertThat(r.ip()).startsWith("127.77.");
            assertThat(lab.mps.enrollmentSource).containsEntry(MAC, r.ip());
            assertThat(lab.mps.statusOf(MAC)).containsExactly(ProvisioningState.PASS.value());
            Await.until("the SET's response at the MPS", Duration.ofSeconds(5),
                () -> Integer.valueOf(0).equals(lab.mps.setErrors.get(MAC)));
        }
    }

    @Test
    void discoverCarriesTheCableLabsDeviceOptions() throws Exception {
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC))) {
            mta.run();
        }
        DhcpMessage d = lab.dhcp.discovers().get(0);
        assertThat(d.giaddr().bits()).isZero();
        assertThat(d.options().vendorClass().orElseThrow().text()).startsWith("pktc1.5:");
        CableLabsVendorInfo info = d.options().cableLabsVendorInfo().orElseThrow();
        assertThat(info.deviceType()).contains("EMTA");
        assertThat(info.mtaMacText().orElseThrow().toLowerCase()).isEqualTo(MAC);
        assertThat(info.correlationId()).hasValue(MtaProfile.lab(MAC).correlationId());
        assertThat(info.oui()).contains("024D54");
        assertThat(d.options().parameterRequestList()).containsExactly(1, 3, 6, 15, 122);
        assertThat(d.options().clientId().orElseThrow()).startsWith((byte) 1);
    }

    @Test
    void wrongHashFromTheServerEndsInFailConfigFileErrorStatus() throws Exception {
        lab.mps.wrongHash = true;
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC))) {
            MtaRunResult r = mta.run();
            assertThat(r.completed()).isFalse();
            assertThat(r.finalState()).isEqualTo(ProvisioningState.FAIL_CONFIG_FILE_ERROR);
            assertThat(r.failureStep()).isEqualTo(CONFIG_FILE_DOWNLOAD);
            assertThat(r.failureReason()).contains("hash mismatch");
            assertThat(r.step(PROVISIONING_STATUS).orElseThrow().ok()).isTrue();
        }
        assertThat(lab.mps.statusOf(MAC)).containsExactly(ProvisioningState.FAIL_CONFIG_FILE_ERROR.value());
    }

    @Test
    void corruptFileFaultFailsTheHashCheck() throws Exception {
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC).withFaults(Faults.NONE.withCorruptFile(true)))) {
            assertThat(mta.run().finalState()).isEqualTo(ProvisioningState.FAIL_CONFIG_FILE_ERROR);
        }
        assertThat(lab.mps.statusOf(MAC)).containsExactly(ProvisioningState.FAIL_CONFIG_FILE_ERROR.value());
    }

    @Test
    void hybrid1EndsAfterTheDownloadWithoutStatusInform() throws Exception {
        lab.dhcp.realm = "HYBRID.1";
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC))) {
            MtaRunResult r = mta.run();
            assertThat(r.completed()).as(r.toString()).isTrue();
            assertThat(r.flow()).isEqualTo(Flow.HYBRID_1);
            assertThat(r.step(PROVISIONING_STATUS)).isEmpty();
            assertThat(mta.state()).isEqualTo(ProvisioningState.PASS);
        }
        assertThat(lab.mps.enrollments).containsExactly(MAC);
        assertThat(lab.mps.statuses).isEmpty();
    }

    @Test
    void basic2FetchesSiaddrFileChecksTheHashTlvAndSendsStatus() throws Exception {
        GeneratedFile f = lab.files.put(MAC, Configs.withHash(MibTree.CABLELABS));
        lab.dhcp.realm = "BASIC.2";
        lab.dhcp.basicFile = mac -> f.name();
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC))) {
            MtaRunResult r = mta.run();
            assertThat(r.completed()).as(r.toString()).isTrue();
            assertThat(r.steps()).extracting(StepTiming::step).containsExactly(DEVICE_ACTION_REQUEST,
                    DHCP_OPTIONS_TRANSFER, CONFIG_FILE_REQUEST, CONFIG_FILE_DOWNLOAD, PROVISIONING_STATUS);
        }
        assertThat(lab.mps.enrollments).isEmpty();
        assertThat(lab.mps.statusOf(MAC)).containsExactly(ProvisioningState.PASS.value());
    }

    @Test
    void basicFileWithoutHashTlvFails() throws Exception {
        GeneratedFile f = lab.files.put(MAC, Configs.plain(MibTree.CABLELABS));
        lab.dhcp.realm = "BASIC.1";
        lab.dhcp.basicFile = mac -> f.name();
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC))) {
            MtaRunResult r = mta.run();
            assertThat(r.finalState()).isEqualTo(ProvisioningState.FAIL_CONFIG_FILE_ERROR);
            assertThat(r.failureReason()).contains("ABSENT");
            assertThat(r.step(PROVISIONING_STATUS)).isEmpty();
        }
    }

    @Test
    void retransmitsDiscoverWhenTheFirstIsDropped() throws Exception {
        lab.dhcp.dropDiscovers.set(1);
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC))) {
            MtaRunResult r = mta.run();
            assertThat(r.completed()).as(r.toString()).isTrue();
            assertThat(r.step(DEVICE_ACTION_REQUEST).orElseThrow().duration()).isGreaterThanOrEqualTo(
                    Duration.ofMillis(150));
        }
        List<DhcpMessage> d = lab.dhcp.discovers();
        assertThat(d).hasSize(2);
        assertThat(d.get(1).xid()).isEqualTo(d.get(0).xid());
        assertThat(lab.trace.events()).anyMatch(e -> e.summary().contains("retransmission 1"));
    }

    @Test
    void failsStepOneWhenNoServerAnswers() throws Exception {
        lab.dhcp.dropDiscovers.set(Integer.MAX_VALUE);
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC))) {
            MtaRunResult r = mta.run();
            assertThat(r.failureStep()).isEqualTo(DEVICE_ACTION_REQUEST);
            assertThat(r.failureReason()).contains("no OFFER").contains("after 4 DHCPDISCOVERs");
        }
    }

    @Test
    void unknownObjectsGiveWarningsAndErrorOidRows() throws Exception {
        lab.mps.config = mac -> Configs.file(MibTree.CABLELABS, true).encode();
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC))) {
            MtaRunResult r = mta.run();
            assertThat(r.finalState()).isEqualTo(ProvisioningState.PASS_WITH_WARNINGS);
            assertThat(r.completed()).isTrue();
            assertThat(r.errorOids()).singleElement().asString().startsWith(Configs.UNKNOWN.toString());
        }
        assertThat(lab.mps.statusOf(MAC)).containsExactly(ProvisioningState.PASS_WITH_WARNINGS.value());
    }

    @Test
    void mtasBehindOneRelayShareItsSocketAndEachGetsItsOwnReplies() throws Exception {
        io.mtaprov.protocol.dhcp.Ipv4Address giaddr = io.mtaprov.protocol.dhcp.Ipv4Address.parse("127.21.0.1");
        List<MtaProfile> mtas = SimulatorFleet.labProfiles(MtaProfile.LAB_OUI + ":00:40:00", 20,
                (i, p) -> p.withRelayAgent(giaddr));
        FleetReport report = new SimulatorFleet(lab.settings, null, SecureFlowSteps.NOT_IMPLEMENTED).run(mtas, 20, 0);
        assertThat(report.failed()).as(report.summary()).isZero();
        assertThat(lab.dhcp.discovers()).allSatisfy(m -> assertThat(m.giaddr()).isEqualTo(giaddr));
        try (java.net.DatagramSocket free = new java.net.DatagramSocket(new java.net.InetSocketAddress(
                giaddr.toInetAddress(), lab.dhcp.port()))) {
            assertThat(free.isBound()).as("the relay released <giaddr>:<server port> after the last MTA").isTrue();
        }
    }

    @Test
    void lostEnrollmentInformsAreRetriedUntilOneGetsThrough() throws Exception {
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC).withFaults(Faults.NONE.withLostInforms(2)))) {
            MtaRunResult r = mta.run();
            assertThat(r.completed()).as(r.toString()).isTrue();
            assertThat(r.step(ENROLLMENT_REQUEST).orElseThrow().duration()).isGreaterThanOrEqualTo(
                    Duration.ofMillis(1000));
        }
        assertThat(lab.mps.enrollments).containsExactly(MAC);
    }

    @Test
    void everyEnrollmentInformLostFailsStepFourWithTheReason() throws Exception {
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC).withFaults(Faults.NONE.withLostInforms(Integer.MAX_VALUE)))) {
            MtaRunResult r = mta.run();
            assertThat(r.failureStep()).isEqualTo(ENROLLMENT_REQUEST);
            assertThat(r.failureReason()).contains("no response to the enrollment INFORM").contains("after 3 tries");
        }
        assertThat(lab.mps.enrollments).isEmpty();
    }

    @Test
    void tftpTimeoutFaultFailsTheDownloadAndReportsFailConfigFileError() throws Exception {
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC).withFaults(Faults.NONE.withTftpTimeout(true)))) {
            MtaRunResult r = mta.run();
            assertThat(r.failureStep()).isEqualTo(io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_DOWNLOAD);
            assertThat(r.finalState()).isEqualTo(ProvisioningState.FAIL_CONFIG_FILE_ERROR);
            assertThat(r.failureReason()).contains("timed out");
        }
        assertThat(lab.mps.statusOf(MAC)).containsExactly(ProvisioningState.FAIL_CONFIG_FILE_ERROR.value());
    }

    @Test
    void clockJumpMovesSysUpTimeOfTheStatusInform() throws Exception {
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC).withFaults(Faults.NONE.withClockJump(Duration.ofDays(1))))) {
            assertThat(mta.run().completed()).isTrue();
            assertThat(mta.state()).isEqualTo(ProvisioningState.PASS);
        }
    }

    @Test
    void shareGivesTheFaultsToThatFractionOfAFleetSpreadEvenly() {
        List<MtaProfile> mtas = SimulatorFleet.labProfiles(MtaProfile.LAB_OUI + ":00:50:00", 100,
                SimulatorFleet.share(0.1, Faults.NONE.withWrongHash(true)));
        assertThat(mtas).filteredOn(p -> p.faults().wrongHash()).hasSize(10)
                .extracting(p -> mtas.indexOf(p)).containsExactly(9, 19, 29, 39, 49, 59, 69, 79, 89, 99);
    }

    @Test
    void vanishingMtaStopsAfterDhcp() throws Exception {
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC).withFaults(Faults.NONE.withVanishAfterDhcp(true)))) {
            MtaRunResult r = mta.run();
            assertThat(r.finalState()).isEqualTo(ProvisioningState.IN_PROGRESS);
            assertThat(r.failureStep()).isEqualTo(ENROLLMENT_REQUEST);
            assertThat(mta.agentAddress()).isEmpty();
        }
        assertThat(lab.mps.enrollments).isEmpty();
    }

    @Test
    void duplicateInformFaultSendsEnrollmentTwice() throws Exception {
        lab.mps.autoSet = false;
        SimSettings quick = lab.settings.toBuilder().setWait(Duration.ofMillis(300)).build();
        try (SimulatedMta mta = new SimulatedMta(MtaProfile.lab(MAC).withFaults(Faults.NONE.withDuplicateInform(true)),
                quick, null, null, SecureFlowSteps.NOT_IMPLEMENTED)) {
            MtaRunResult r = mta.run();
            assertThat(r.failureStep()).isEqualTo(CONFIG_FILE_LOCATION);
            assertThat(r.failureReason()).contains("no SET");
        }
        Await.until("two enrollments", Duration.ofSeconds(5), () -> lab.mps.enrollments.size() == 2);
    }

    @Test
    void secureRealmWithoutSecureStepsFailsAtStepThree() throws Exception {
        lab.dhcp.realm = "LAB.EXAMPLE.COM";
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC).withFlows(java.util.EnumSet.allOf(Flow.class)))) {
            MtaRunResult r = mta.run();
            assertThat(r.flow()).isEqualTo(Flow.SECURE);
            assertThat(r.failureStep().number()).isEqualTo(3);
            assertThat(r.failureReason()).contains("needs a PKI and KDC");
        }
    }

    @Test
    void tracesEveryStepWithSourceSim() throws Exception {
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC))) {
            mta.run();
        }
        List<TraceEvent> events = lab.trace.events();
        assertThat(events).allMatch(e -> e.source().equals("sim") && e.mtaMac().equals(MAC));
        assertThat(events).extracting(e -> e.step().number()).contains(1, 2, 4, 7, 8, 9, 10);
    }

    @Test
    void droppedSetIsRetriedByTheServer() throws Exception {
        try (SimulatedMta mta = lab.mta(MtaProfile.lab(MAC).withFaults(Faults.NONE.withDroppedSets(1)))) {
            MtaRunResult r = mta.run();
            assertThat(r.completed()).as(r.toString()).isTrue();
        }
        assertThat(lab.trace.events()).anyMatch(e -> e.summary().contains("SET dropped"));
        Await.until("the SET's response at the MPS", Duration.ofSeconds(5),
                () -> Integer.valueOf(0).equals(lab.mps.setErrors.get(MAC)));
    }

    @Test
    void closingAWaitingMtaEndsItsRun() throws Exception {
        lab.mps.autoSet = false;
        SimulatedMta mta = lab.mta(MtaProfile.lab(MAC));
        var run = mta.start();
        Await.until("the enrollment acknowledged at the MTA", Duration.ofSeconds(10), () -> lab.trace.events()
                .stream().anyMatch(e -> e.summary().startsWith("enrollment INFORM acknowledged")));
        mta.close();
        MtaRunResult r = run.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.failureStep()).isEqualTo(CONFIG_FILE_LOCATION);
        assertThat(r.failureReason()).contains("closed");
    }

    @Test
    void relayModeSetsGiaddrHopsAndOption82AndTakesTheReplyAtGiaddrOnTheServerPort() throws Exception {
        SimSettings relayed = lab.settings.toBuilder()
                .relayAgent(io.mtaprov.protocol.dhcp.Ipv4Address.parse("127.20.0.1")).build();
        try (SimulatedMta mta = new SimulatedMta(MtaProfile.lab(MAC), relayed, null, null,
                SecureFlowSteps.NOT_IMPLEMENTED)) {
            assertThat(mta.run().completed()).isTrue();
        }
        DhcpMessage d = lab.dhcp.discovers().get(0);
        assertThat(d.giaddr().toString()).isEqualTo("127.20.0.1");
        assertThat(d.hops()).isEqualTo(1);
        assertThat(d.options().relayAgentInfo().orElseThrow().remoteIdMac()).contains("02:4D:54:00:00:00");
    }
}
