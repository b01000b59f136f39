package io.mtaprov.it;

import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_DOWNLOAD;
import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_GENERATION;
import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_LOCATION;
import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_REQUEST;
import static io.mtaprov.core.model.ProvisioningStep.CONFIG_FILE_UPLOAD;
import static io.mtaprov.core.model.ProvisioningStep.DEVICE_ACTION_REQUEST;
import static io.mtaprov.core.model.ProvisioningStep.DHCP_OPTIONS_TRANSFER;
import static io.mtaprov.core.model.ProvisioningStep.ENROLLMENT_REQUEST;
import static io.mtaprov.core.model.ProvisioningStep.PROVISIONING_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.files.GeneratedFileStore;
import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.Flow;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.provisioning.ProvisioningResult;
import io.mtaprov.core.provisioning.ProvisioningState;
import io.mtaprov.core.provisioning.ProvisioningStatus;
import io.mtaprov.core.trace.TraceStore;
import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigText;
import io.mtaprov.sim.FleetReport;
import io.mtaprov.sim.MtaProfile;
import io.mtaprov.sim.MtaRunResult;
import io.mtaprov.sim.SecureFlowSteps;
import io.mtaprov.sim.SimulatedMta;
import io.mtaprov.sim.SimulatorFleet;
import io.mtaprov.tests.support.Await;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each flow end to end behind its own CMTS: the realm of the relay's scope (it-scopes.properties)
 * selects BASIC.1, BASIC.2, HYBRID.1 or HYBRID.2 for the MTA, the provisioning server takes the
 * flow from the lease, and the store keeps the lease, the file (readable as text) and the trace of
 * every step. Then 200 MTAs of all four flows at once.
 */
class FlowsEndToEndTest {
    static final List<Flow> FLOWS = List.of(Flow.BASIC_1, Flow.BASIC_2, Flow.HYBRID_1, Flow.HYBRID_2);

    @BeforeAll
    static void serversRunning() {
        ItRuntime.serversRunning();
    }

    /** The steps whose trace the store must hold for one attempt of {@code flow}. */
    static Set<ProvisioningStep> stepsOf(Flow flow) {
        Set<ProvisioningStep> s = EnumSet.of(DEVICE_ACTION_REQUEST, DHCP_OPTIONS_TRANSFER, CONFIG_FILE_GENERATION,
                CONFIG_FILE_UPLOAD, CONFIG_FILE_REQUEST, CONFIG_FILE_DOWNLOAD);
        if (!flow.isBasic()) {
            s.add(ENROLLMENT_REQUEST);
            s.add(CONFIG_FILE_LOCATION);
        }
        if (flow.sendsStatusInform()) {
            s.add(PROVISIONING_STATUS);
        }
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = Flow.class, names = {"BASIC_1", "BASIC_2", "HYBRID_1", "HYBRID_2"})
    void oneMtaBehindTheCmtsOfItsFlowPassesAndTheStoreKeepsLeaseFileAndTrace(Flow flow) throws DecodeException {
        String mac = MtaProfile.LAB_OUI + ":e4:0" + FLOWS.indexOf(flow) + ":01";
        Instant t0 = Instant.now();
        MtaRunResult r;
        try (SimulatedMta mta = new SimulatedMta(MtaProfile.lab(mac).withRelayAgent(ItRuntime.relayOf(flow))
                .withExpectedFlow(flow), ItRuntime.settings(), null, ItRuntime.service(
                io.mtaprov.core.trace.TraceBus.class), SecureFlowSteps.NOT_IMPLEMENTED)) {
            r = mta.run();
        }
        assertThat(r.completed()).as(r.toString()).isTrue();
        assertThat(r.flow()).isEqualTo(flow);
        assertThat(r.finalState().name()).isEqualTo("PASS");

        Lease lease = ItRuntime.service(LeaseLookup.class).byMac(mac).orElseThrow();
        assertThat(lease.ip()).isEqualTo(r.ip()).startsWith(ItRuntime.relayOf(flow).toString().substring(0, 7));
        assertThat(lease.scope()).isEqualTo(ItRuntime.scopeOf(flow));
        assertThat(lease.realm()).isEqualTo(flow.realmName());
        assertThat(lease.state()).isEqualTo(Lease.State.BOUND);

        ProvisioningResult result = ItRuntime.result(mac, t0);
        assertThat(result.state()).as(result.reason()).isEqualTo(ProvisioningState.COMPLETE);
        assertThat(result.flow()).isEqualTo(flow.realmName());
        assertThat(result.status()).isEqualTo(flow.sendsStatusInform() ? ProvisioningStatus.PASS : null);

        GeneratedFileStore files = ItRuntime.service(GeneratedFileStore.class);
        byte[] bytes = files.content(result.fileName()).orElseThrow();
        String text = ConfigText.print(ConfigFile.decode(bytes));
        assertThat(text).contains("MtaConfigDelimiter 1;").contains("pktcMtaDevEnabled.0 Integer 1")
                .contains("MtaConfigDelimiter 255;");
        if (flow.isBasic()) {
            assertThat(text).as("Basic flow: the hash TLV inside the file").contains("pktcMtaDevProvConfigHash.0");
        }

        TraceStore trace = ItRuntime.service(TraceStore.class);
        Await.until("every step of " + flow.realmName() + " for " + mac + " in H2", ItRuntime.WAIT,
                () -> steps(trace.forMta(mac, 2000), t0).containsAll(stepsOf(flow)));
    }

    private static Set<ProvisioningStep> steps(List<TraceEvent> events, Instant since) {
        return events.stream().filter(e -> !e.time().isBefore(since)).map(TraceEvent::step).collect(Collectors.toSet());
    }

    @Test
    void twoHundredMixedMtasBehindFourCmtsAllPassInTheirFlows() {
        List<MtaProfile> mtas = SimulatorFleet.labProfiles(MtaProfile.LAB_OUI + ":e5:00:00", 200,
                (i, p) -> p.withRelayAgent(ItRuntime.relayOf(FLOWS.get(i % 4))).withExpectedFlow(FLOWS.get(i % 4)));
        FleetReport report = new SimulatorFleet(ItRuntime.settings(), null, SecureFlowSteps.NOT_IMPLEMENTED)
                .run(mtas, 50, 0);
        assertThat(report.failed()).as(report.summary() + " " + report.results().stream()
                .filter(r -> !r.completed()).limit(5).toList()).isZero();
        assertThat(report.completed()).isEqualTo(200);
        Map<Flow, Long> perFlow = report.results().stream().collect(Collectors.groupingBy(MtaRunResult::flow,
                Collectors.counting()));
        assertThat(perFlow).containsExactlyInAnyOrderEntriesOf(FLOWS.stream().collect(Collectors.toMap(
                Function.identity(), f -> 50L)));
        LeaseLookup leases = ItRuntime.service(LeaseLookup.class);
        assertThat(mtas).allSatisfy(m -> assertThat(leases.byMac(m.mac()).orElseThrow().realm())
                .isEqualTo(m.expectedFlow().realmName()));
    }
}
