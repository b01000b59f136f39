package io.mtaprov.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProvisioningStepTest {

    @Test
    void tenStepsNumberedInSequenceOrder() {
        ProvisioningStep[] steps = ProvisioningStep.values();
        assertThat(steps).hasSize(10);
        for (int i = 0; i < steps.length; i++) {
            assertThat(steps[i].number()).isEqualTo(i + 1);
            assertThat(ProvisioningStep.ofNumber(i + 1)).isSameAs(steps[i]);
        }
    }

    @Test
    void namesFollowProtocolTable() {
        // shared/PROTOCOL.md "The ten steps of the sequence"
        assertThat(ProvisioningStep.ofNumber(7).title()).isEqualTo("Configuration File Location");
        assertThat(ProvisioningStep.ofNumber(7).specFlows()).isEqualTo("MTA-19");
        assertThat(ProvisioningStep.ofNumber(4).specFlows()).isEqualTo("MTA-15");
        assertThat(ProvisioningStep.ofNumber(10).title()).isEqualTo("Provisioning Status Update");
    }

    @Test
    void rejectsStepOutsideOneToTen() {
        assertThatThrownBy(() -> ProvisioningStep.ofNumber(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..10");
        assertThatThrownBy(() -> ProvisioningStep.ofNumber(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
