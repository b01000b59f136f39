package io.mtaprov.it;

import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_DOWNLOAD;
import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_LOCATION;
import static io.mtaprov.core.model.ProvisioningStep.DEVICE_ACTION_REQUEST;
import static io.mtaprov.core.model.ProvisioningStep.DHCP_OPTIONS_TRANSFER;
import static io.mtaprov.core.model.ProvisioningStep.ENROLLMENT_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.Flow;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.provisioning.ProvisioningResult;
import io.mtaprov.core.provisioning.ProvisioningState;
import io.mtaprov.core.provisioning.ProvisioningStatus;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.core.trace.TraceStore;
import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.sim.Faults;
import io.mtaprov.sim.MtaProfile;
import io.mtaprov.sim.MtaRunResult;
import io.mtaprov.sim.SecureFlowSteps;
import io.mtaprov.sim.SimSettings;
import io.mtaprov.sim.SimulatedMta;
import io.mtaprov.tests.support.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault injection against the real servers: each fault ends the attempt at its step with a reason
 * an engineer understands, on the MTA's side (the simulator's result) and on the servers' side (the
 * provisioning server's stored result, the DHCP server's trace). HYBRID.2 behind its CMTS unless
 * the fault needs another place.
 */
class FaultsEndToEndTest {
    static final Flow FLOW = Flow.HYBRID_2;

    @BeforeAll
    static void serversRunning() {
        ItRuntime.serversRunning();
    }

    static String mac(int n) {
        return MtaProfile.LAB_OUI + ":e6:00:" + String.format("%02x", n);
    }

    static MtaRunResult run(MtaProfile p, SimSettings settings) {
        try (SimulatedMta mta = new SimulatedMta(p, settings, null, ItRuntime.service(TraceBus.class),
                SecureFlowSteps.NOT_IMPLEMENTED)) {
            return mta.run();
        }
    }

    static MtaRunResult run(String mac, Faults faults) {
        return run(MtaProfile.lab(mac).withRelayAgent(ItRuntime.relayOf(FLOW)).withFaults(faults),
                ItRuntime.settings().toBuilder().snmp(Duration.ofMillis(400), 3).tftp(Duration.ofMillis(300), 3)
                        .setWait(Duration.ofSeconds(5)).build());
    }

    @Test
    void wrongHashEndsAtStepNineWithFailConfigFileErrorThatTheMpsRecords() {
        Instant t0 = Instant.now();
        MtaRunResult r = run(mac(1), Faults.NONE.withWrongHash(true));
        assertThat(r.failureStep()).as(r.toString()).isEqualTo(CONFIG_FILE_DOWNLOAD);
        assertThat(r.finalState().value()).isEqualTo(ProvisioningStatus.FAIL_CONFIG_FILE_ERROR.code());
        assertThat(r.failureReason()).contains("hash mismatch");
        ProvisioningResult stored = ItRuntime.result(mac(1), t0);
        assertThat(stored.state()).isEqualTo(ProvisioningState.FAILED);
        assertThat(stored.status()).isEqualTo(ProvisioningStatus.FAIL_CONFIG_FILE_ERROR);
        assertThat(stored.reason()).contains("pktcMtaDevProvisioningState = failConfigFileError(3)");
    }

    @Test
    void aCmtsWithoutProvisioningConfigurationRefusesTheMtaAtStepTwoAndSaysWhy() {
        Instant t0 = Instant.now();
        MtaRunResult r = run(MtaProfile.lab(mac(2)).withRelayAgent(ItRuntime.NO_PROVISIONING_RELAY),
                ItRuntime.settings().toBuilder().dhcpTimeouts(Duration.ofMillis(200), Duration.ofMillis(400), 3)
                        .build());
        assertThat(r.completed()).isFalse();
        assertThat(r.failureStep()).isEqualTo(DEVICE_ACTION_REQUEST);
        assertThat(r.failureReason()).contains("no OFFER");
        assertThat(ItRuntime.service(LeaseLookup.class).byMac(mac(2))).isEmpty();
        TraceStore trace = ItRuntime.service(TraceStore.class);
        Await.until("the DHCP server's refusal of " + mac(2) + " in H2", ItRuntime.WAIT, () -> trace.forMta(mac(2), 100)
                .stream().anyMatch(e -> refusal(e, t0)));
        TraceEvent e = trace.forMta(mac(2), 100).stream().filter(x -> refusal(x, t0)).findFirst().orElseThrow();
        assertThat(e.summary()).contains("no lease without option 122")
                .contains("scope noprov has no provisioning configuration");
    }

    private static boolean refusal(TraceEvent e, Instant since) {
        return !e.time().isBefore(since) && "dhcp".equals(e.source()) && e.step() == DHCP_OPTIONS_TRANSFER
                && e.outcome() == Outcome.REJECTED;
    }

    @Test
    void tftpTimeoutEndsAtTheDownloadAndTheStatusInformTellsTheMps() {
        Instant t0 = Instant.now();
        MtaRunResult r = run(mac(3), Faults.NONE.withTftpTimeout(true));
        assertThat(r.failureStep()).as(r.toString()).isEqualTo(CONFIG_FILE_DOWNLOAD);
        assertThat(r.failureReason()).contains("TFTP").contains("timed out");
        ProvisioningResult stored = ItRuntime.result(mac(3), t0);
        assertThat(stored.state()).isEqualTo(ProvisioningState.FAILED);
        assertThat(stored.status()).isEqualTo(ProvisioningStatus.FAIL_CONFIG_FILE_ERROR);
    }

    @Test
    void anObjectTheMtaDoesNotKnowGivesPassWithWarningsAndTheMpsStoresTheRejectedLine() {
        Instant t0 = Instant.now();
        String udpPort = MibRegistry.standard().byName("pktcNcsEndPntConfigCallAgentUdpPort", MibTree.CABLELABS)
                .oid().toString();
        MtaRunResult r;
        ProvisioningResult stored;
        try (SimulatedMta mta = new SimulatedMta(MtaProfile.lab(mac(4)).withRelayAgent(ItRuntime.relayOf(FLOW))
                .withFaults(Faults.NONE.withUnknownObjects(List.of(udpPort))), ItRuntime.settings(), null,
                ItRuntime.service(TraceBus.class), SecureFlowSteps.NOT_IMPLEMENTED)) {
            r = mta.run();
            stored = ItRuntime.result(mac(4), t0); // the agent answers the MPS's walk of the error table meanwhile
        }
        assertThat(r.completed()).as(r.toString()).isTrue();
        assertThat(r.finalState().value()).isEqualTo(ProvisioningStatus.PASS_WITH_WARNINGS.code());
        assertThat(r.errorOids()).isNotEmpty().allSatisfy(o -> assertThat(o).startsWith(udpPort));
        assertThat(stored.state()).isEqualTo(ProvisioningState.COMPLETE);
        assertThat(stored.status()).isEqualTo(ProvisioningStatus.PASS_WITH_WARNINGS);
        assertThat(stored.rejected()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.line()).isPositive();
            assertThat(l.text()).contains("pktcNcsEndPntConfigCallAgentUdpPort");
            assertThat(l.reason()).contains("does not implement");
        });
    }

    @Test
    void anAgentThatNeverAnswersMakesTheMpsRetryTheSetThenFailWithTheReason() {
        Instant t0 = Instant.now();
        MtaRunResult r = run(mac(5), Faults.NONE.withDroppedSets(Integer.MAX_VALUE));
        assertThat(r.failureStep()).as(r.toString()).isEqualTo(CONFIG_FILE_LOCATION);
        assertThat(r.failureReason()).contains("no SET");
        ProvisioningResult stored = ItRuntime.result(mac(5), t0);
        assertThat(stored.state()).isEqualTo(ProvisioningState.FAILED);
        assertThat(stored.reason()).contains("no answer to the SET").contains("after 3 tries");
    }

    @Test
    void aLostEnrollmentInformIsRetriedAndTheMtaPasses() {
        Instant t0 = Instant.now();
        MtaRunResult r = run(mac(6), Faults.NONE.withLostInforms(1));
        assertThat(r.completed()).as(r.toString()).isTrue();
        assertThat(r.step(ENROLLMENT_REQUEST).orElseThrow().duration()).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(ItRuntime.result(mac(6), t0).state()).isEqualTo(ProvisioningState.COMPLETE);
    }

    @Test
    void aLostInformResponseMakesTheMtaRetransmitAndTheMpsTakesItAsARepeat() {
        Instant t0 = Instant.now();
        MtaRunResult r = run(mac(7), Faults.NONE.withLostInformResponses(1));
        assertThat(r.completed()).as(r.toString()).isTrue();
        assertThat(ItRuntime.result(mac(7), t0).state()).isEqualTo(ProvisioningState.COMPLETE);
        TraceStore trace = ItRuntime.service(TraceStore.class);
        Await.until("the MPS saw the repeated INFORM", ItRuntime.WAIT, () -> trace.forMta(mac(7), 500).stream()
                .anyMatch(e -> "mps".equals(e.source()) && e.summary().contains("repeated")));
    }

    @Test
    void everyEnrollmentInformLostFailsStepFourAtTheMtaWithTheReason() {
        Instant t0 = Instant.now();
        MtaRunResult r = run(mac(8), Faults.NONE.withLostInforms(Integer.MAX_VALUE));
        assertThat(r.failureStep()).as(r.toString()).isEqualTo(ENROLLMENT_REQUEST);
        assertThat(r.failureReason()).contains("no response to the enrollment INFORM").contains("after 4 tries");
        assertThat(ItRuntime.noResult(mac(8), t0)).isTrue();
    }

    @Test
    void aClockJumpOfTheMtaDoesNotBreakTheAttempt() {
        Instant t0 = Instant.now();
        MtaRunResult forward = run(mac(9), Faults.NONE.withClockJump(Duration.ofDays(1)));
        MtaRunResult back = run(mac(10), Faults.NONE.withClockJump(Duration.ofHours(-1)));
        assertThat(forward.completed()).as(forward.toString()).isTrue();
        assertThat(back.completed()).as(back.toString()).isTrue();
        assertThat(ItRuntime.result(mac(9), t0).state()).isEqualTo(ProvisioningState.COMPLETE);
        assertThat(ItRuntime.result(mac(10), t0).state()).isEqualTo(ProvisioningState.COMPLETE);
    }
}
