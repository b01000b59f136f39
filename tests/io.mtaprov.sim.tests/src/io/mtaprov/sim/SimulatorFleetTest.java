package io.mtaprov.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.ProvisioningStep;
import org.junit.jupiter.api.Test;

/** A fleet against the fake peers on loopback. */
class SimulatorFleetTest {

    @Test
    void twoHundredHybridMtasComplete() throws Exception {
        try (Lab lab = new Lab()) {
            var mtas = SimulatorFleet.labProfiles("02:4d:54:01:00:00", 200, p -> p);
            FleetReport r = new SimulatorFleet(lab.settings, null, SecureFlowSteps.NOT_IMPLEMENTED).run(mtas, 64, 0);
            assertThat(r.failed()).as(r.summary()).isZero();
            assertThat(r.completed()).isEqualTo(200);
            assertThat(r.perStep()).containsKeys(ProvisioningStep.ENROLLMENT_REQUEST,
                    ProvisioningStep.PROVISIONING_STATUS);
            assertThat(r.perMta().p99()).isGreaterThanOrEqualTo(r.perMta().p50());
            assertThat(r.peakTransports()).isBetween(1, 64);
            assertThat(lab.mps.statuses).hasSize(200);
            assertThat(r.summary()).contains("completed 200");
        }
    }

    @Test
    void pacesStartsAtTheRate() throws Exception {
        try (Lab lab = new Lab()) {
            var mtas = SimulatorFleet.labProfiles("02:4d:54:02:00:00", 10, p -> p);
            FleetReport r = new SimulatorFleet(lab.settings, null, SecureFlowSteps.NOT_IMPLEMENTED).run(mtas, 10, 50);
            assertThat(r.completed()).as(r.summary()).isEqualTo(10);
            // the 10th MTA starts 9/50 s after the first
            assertThat(r.results().get(9).started()).isAfterOrEqualTo(r.results().get(0).started().plusMillis(170));
        }
    }
}
