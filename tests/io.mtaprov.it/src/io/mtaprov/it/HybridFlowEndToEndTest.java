package io.mtaprov.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.files.GeneratedFileStore;
import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.Flow;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.core.trace.TraceStore;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.sim.FleetReport;
import io.mtaprov.sim.MtaProfile;
import io.mtaprov.sim.MtaRunResult;
import io.mtaprov.sim.SecureFlowSteps;
import io.mtaprov.sim.SimSettings;
import io.mtaprov.sim.SimulatedMta;
import io.mtaprov.sim.SimulatorFleet;
import io.mtaprov.tests.support.Await;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HYBRID.2 flow end to end without a relay (the built-in loopback scope, mtaprov.net.realm):
 * simulated MTAs against the real DHCP, DNS, provisioning and TFTP servers, started by Declarative Services in this OSGi runtime on loopback ports of their own,
 * with the H2 store underneath. Nothing here is faked.
 */
class HybridFlowEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(60);

    static <T> T service(Class<T> type) {
        return ItRuntime.service(type);
    }

    @BeforeAll
    static void serversRunning() {
        ItRuntime.serversRunning();
    }

    static SimSettings settings() {
        return SimSettings.fromProperties(System::getProperty);
    }

    @Test
    void oneMtaGoesThroughEveryStepAndTheStoreKeepsLeaseFileAndTrace() {
        TraceBus bus = service(TraceBus.class);
        String mac = MtaProfile.LAB_OUI + ":e2:00:01";
        MtaRunResult r;
        try (SimulatedMta mta = new SimulatedMta(MtaProfile.lab(mac), settings(), null, bus,
                SecureFlowSteps.NOT_IMPLEMENTED)) {
            r = mta.run();
        }
        assertThat(r.completed()).as(r.toString()).isTrue();
        assertThat(r.flow()).isEqualTo(Flow.HYBRID_2);
        assertThat(r.ip()).startsWith("127.77.");

        Lease lease = service(LeaseLookup.class).byMac(mac).orElseThrow();
        assertThat(lease.ip()).isEqualTo(r.ip());
        assertThat(lease.state()).isEqualTo(Lease.State.BOUND);
        assertThat(lease.clientClass()).isEqualTo("pktc");

        GeneratedFileStore files = service(GeneratedFileStore.class);
        var file = files.recent(50).stream().filter(f -> f.mtaMac().equals(mac)).findFirst().orElseThrow();
        assertThat(files.content(file.name())).hasValueSatisfying(bytes -> {
            try {
                assertThat(ConfigFile.decode(bytes).varbinds()).isNotEmpty();
                assertThat(io.mtaprov.protocol.config.ConfigText.print(ConfigFile.decode(bytes)))
                        .startsWith("Main").contains("pktcMtaDevEnabled.0 Integer 1");
            } catch (io.mtaprov.protocol.DecodeException e) {
                throw new AssertionError(e);
            }
        });

        TraceStore store = service(TraceStore.class);
        Set<ProvisioningStep> expected = EnumSet.of(ProvisioningStep.DEVICE_ACTION_REQUEST,
                ProvisioningStep.DHCP_OPTIONS_TRANSFER, ProvisioningStep.ENROLLMENT_REQUEST,
                ProvisioningStep.CONFIG_FILE_GENERATION, ProvisioningStep.CONFIG_FILE_UPLOAD,
                ProvisioningStep.CONFIG_FILE_LOCATION, ProvisioningStep.CONFIG_FILE_REQUEST,
                ProvisioningStep.CONFIG_FILE_DOWNLOAD, ProvisioningStep.PROVISIONING_STATUS);
        Await.until("every step of " + mac + " persisted in H2", WAIT, () -> store.forMta(mac, 1000).stream()
                .map(TraceEvent::step).collect(Collectors.toSet()).containsAll(expected));
        List<TraceEvent> events = store.forMta(mac, 1000);
        assertThat(events).noneMatch(e -> e.outcome() == Outcome.FAILED);
        // the MTA asks DNS from its leased address, so the DNS server names it too
        assertThat(events).extracting(TraceEvent::source).contains("dhcp", "dns", "mps", "tftp", "sim");
    }

    @Test
    void aFleetOfTwoHundredMtasAllProvision() {
        List<MtaProfile> mtas = SimulatorFleet.labProfiles(MtaProfile.LAB_OUI + ":e3:00:00", 200, p -> p);
        FleetReport report = new SimulatorFleet(settings(), null, SecureFlowSteps.NOT_IMPLEMENTED).run(mtas, 50, 0);
        assertThat(report.failed()).as(report.summary()).isZero();
        assertThat(report.completed()).isEqualTo(200);
        LeaseLookup leases = service(LeaseLookup.class);
        assertThat(mtas).allSatisfy(m -> assertThat(leases.byMac(m.mac())).isPresent());
    }
}
