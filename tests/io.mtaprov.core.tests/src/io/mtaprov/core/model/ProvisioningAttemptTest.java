package io.mtaprov.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProvisioningAttemptTest {
    private static final String MAC = "00:10:95:00:00:01";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static TraceEvent event(int step, long millis, Outcome outcome, String detail) {
        return new TraceEvent(T0.plusMillis(millis), MAC, ProvisioningStep.ofNumber(step), "tftp", Direction.OUT, "",
                "s", detail, outcome);
    }

    @Test
    void recordsTimingPerStepAndOverall() {
        ProvisioningAttempt a = new ProvisioningAttempt(MAC, Flow.HYBRID_2).with(event(1, 0, Outcome.OK, ""))
                .with(event(2, 5, Outcome.OK, "")).with(event(8, 40, Outcome.OK, "")).with(event(9, 55, Outcome.OK, ""));
        assertThat(a.elapsed()).isEqualTo(Duration.ofMillis(55));
        assertThat(a.steps()).containsKeys(ProvisioningStep.DEVICE_ACTION_REQUEST, ProvisioningStep.CONFIG_FILE_DOWNLOAD);
        assertThat(a.isComplete()).isFalse(); // HYBRID.2 needs the status INFORM
        assertThat(a.with(event(10, 70, Outcome.OK, "")).isComplete()).isTrue();
    }

    @Test
    void basicOneIsCompleteAfterTheDownload() {
        ProvisioningAttempt a = new ProvisioningAttempt(MAC, Flow.BASIC_1).with(event(9, 10, Outcome.OK, ""));
        assertThat(a.isComplete()).isTrue();
    }

    @Test
    void firstFailureKeepsItsReason() {
        ProvisioningAttempt a = new ProvisioningAttempt(MAC, Flow.HYBRID_2).with(event(8, 0, Outcome.OK, ""))
                .with(event(9, 10, Outcome.FAILED, "no ACK after 6 sends"))
                .with(event(9, 20, Outcome.FAILED, "later noise"));
        assertThat(a.failedStep()).hasValueSatisfying(r -> {
            assertThat(r.step()).isEqualTo(ProvisioningStep.CONFIG_FILE_DOWNLOAD);
            assertThat(r.reason()).isEqualTo("no ACK after 6 sends");
            assertThat(r.elapsed()).isEqualTo(Duration.ofMillis(10));
        });
    }

    @Test
    void isImmutable() {
        ProvisioningAttempt empty = new ProvisioningAttempt(MAC, Flow.SECURE);
        empty.with(event(1, 0, Outcome.OK, ""));
        assertThat(empty.steps()).isEmpty();
        assertThat(empty.elapsed()).isEqualTo(Duration.ZERO);
    }

    @Test
    void refusesEventsOfAnotherMta() {
        TraceEvent other = new TraceEvent(T0, "00:10:95:00:00:02", ProvisioningStep.DEVICE_ACTION_REQUEST, "dhcp",
                Direction.IN, "", "", "", Outcome.OK);
        assertThatThrownBy(() -> new ProvisioningAttempt(MAC, Flow.SECURE).with(other))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
