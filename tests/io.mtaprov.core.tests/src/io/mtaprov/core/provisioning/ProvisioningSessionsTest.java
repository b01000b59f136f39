package io.mtaprov.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Flow;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProvisioningSessionsTest {
    static final String MAC = "00:10:95:00:00:01";
    final RecordingTraceBus trace = new RecordingTraceBus();
    final ProvisioningSessions sessions = new ProvisioningSessions(trace, Clock.systemUTC());

    static Enrollment enrollment(long correlationId, Flow flow) {
        return new Enrollment(MAC, "127.0.0.5", correlationId, flow, "CABLELABS", "", "", "", Instant.now());
    }

    @Test
    void sameCorrelationIdIsOneAttempt() {
        ProvisioningSessions.Admission first = sessions.admit(enrollment(7, Flow.HYBRID_2));
        ProvisioningSessions.Admission again = sessions.admit(enrollment(7, Flow.HYBRID_2));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.session()).isSameAs(first.session());
        assertThat(trace.events()).extracting(TraceEvent::summary).anyMatch(s -> s.contains("repeated"));
    }

    @Test
    void newCorrelationIdSupersedesARunningAttempt() {
        ProvisioningSession first = sessions.admit(enrollment(7, Flow.HYBRID_2)).session();
        first.moveTo(ProvisioningState.GENERATING, Direction.INTERNAL, "gen", "");
        ProvisioningSessions.Admission second = sessions.admit(enrollment(8, Flow.HYBRID_2));
        assertThat(second.superseded()).contains(first);
        assertThat(first.state()).isEqualTo(ProvisioningState.SUPERSEDED);
        assertThat(first.snapshot().reason()).contains("correlation id 8").contains("GENERATING");
        assertThat(sessions.history()).extracting(SessionSnapshot::id).containsExactly(first.id());
        assertThat(first.moveTo(ProvisioningState.UPLOADED, Direction.INTERNAL, "late", "")).isFalse();
    }

    @Test
    void walksTheHybridStatesAndTracesEachStep() {
        ProvisioningSession s = sessions.admit(enrollment(1, Flow.HYBRID_2)).session();
        assertThat(s.state()).isEqualTo(ProvisioningState.ENROLLED);
        for (ProvisioningState next : new ProvisioningState[] {ProvisioningState.GENERATING, ProvisioningState.UPLOADED,
                ProvisioningState.SETTING, ProvisioningState.SETTING, ProvisioningState.AWAITING_DOWNLOAD,
                ProvisioningState.AWAITING_STATUS, ProvisioningState.COMPLETE}) {
            assertThat(s.moveTo(next, Direction.INTERNAL, next.name(), "")).as(next.name()).isTrue();
        }
        assertThat(trace.events()).extracting(e -> e.step().number()).containsExactly(5, 6, 7, 7, 8, 10, 10);
        assertThat(trace.events().get(3).outcome()).isEqualTo(Outcome.INFO); // the retry of the SET
        assertThat(s.snapshot().ended()).isNotNull();
        assertThat(s.snapshot().entered()).containsKeys(ProvisioningState.ENROLLED, ProvisioningState.COMPLETE);
    }

    @Test
    void failureIsTracedInTheCurrentStepWithItsReason() {
        ProvisioningSession s = sessions.admit(enrollment(1, Flow.HYBRID_2)).session();
        s.moveTo(ProvisioningState.GENERATING, Direction.INTERNAL, "gen", "");
        s.moveTo(ProvisioningState.UPLOADED, Direction.INTERNAL, "up", "");
        s.moveTo(ProvisioningState.SETTING, Direction.OUT, "set", "");
        assertThat(s.fail(Direction.OUT, "SET unanswered", "no answer after 3 tries")).isTrue();
        TraceEvent last = trace.events().get(trace.events().size() - 1);
        assertThat(last.step()).isEqualTo(ProvisioningStep.CONFIG_FILE_LOCATION);
        assertThat(last.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(last.detail()).isEqualTo("no answer after 3 tries");
        assertThat(s.fail(Direction.OUT, "again", "x")).isFalse();
    }

    @Test
    void secureFlowStartsInStep3AndSkippingStatesIsRefused() {
        ProvisioningSession s = sessions.admit(enrollment(1, Flow.SECURE)).session();
        assertThat(s.state()).isEqualTo(ProvisioningState.SECURING);
        assertThat(s.moveTo(ProvisioningState.SETTING, Direction.OUT, "skip", "")).isFalse();
        assertThat(ProvisioningState.SECURING.step().number()).isEqualTo(3);
    }
}
