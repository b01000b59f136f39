package io.mtaprov.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.tests.support.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RejectionSamplerTest {
    private static final long SECOND = 1_000_000_000L;

    private static TraceEvent event(String source, Outcome outcome) {
        return new TraceEvent(Instant.now(), "", ProvisioningStep.DHCP_OPTIONS_TRANSFER, source, Direction.IN, "",
                "query", "", outcome);
    }

    @Test
    void tracesTheFirstRejectionsOfEachSecondPerSourceAndSummarisesTheRest() {
        RejectionSampler s = new RejectionSampler(3);
        long t = 5 * SECOND;
        int dns = 0;
        for (int i = 0; i < 10; i++) {
            dns += s.admit(event("dns", Outcome.REJECTED), t + i) ? 1 : 0;
        }
        assertThat(dns).isEqualTo(3);
        assertThat(s.admit(event("dhcp", Outcome.REJECTED), t)).as("other sources have their own budget").isTrue();
        assertThat(s.admit(event("dns", Outcome.OK), t)).as("answers are never sampled").isTrue();
        assertThat(s.admit(event("dns", Outcome.FAILED), t)).as("failed attempts are never sampled").isTrue();
        assertThat(s.summaries(t + 100)).as("no summary before the window ends").isEmpty();

        List<TraceEvent> summaries = s.summaries(t + SECOND);
        assertThat(summaries).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("dns");
            assertThat(e.outcome()).isEqualTo(Outcome.WARNING);
            assertThat(e.step()).isEqualTo(ProvisioningStep.DHCP_OPTIONS_TRANSFER);
            assertThat(e.summary()).startsWith("7 rejected inputs not traced");
        });
        assertThat(s.summaries(t + SECOND + 1)).as("each summary once").isEmpty();
        assertThat(s.admit(event("dns", Outcome.REJECTED), t + SECOND + 2)).as("a new window, a new budget").isTrue();
        assertThat(s.suppressed()).isEqualTo(7);
    }

    @Test
    void busTracesSampledRejectionsAndSummarisesTheRest() {
        List<TraceEvent> got = new CopyOnWriteArrayList<>();
        try (BoundedTraceBus bus = new BoundedTraceBus(100_000, 50)) {
            bus.subscribe(got::addAll);
            for (int i = 0; i < 1_000; i++) {
                assertThat(bus.publish(event("tftp", Outcome.REJECTED))).isTrue();
            }
            Await.until("summaries of every suppressed rejection", Duration.ofSeconds(5),
                    () -> bus.sampledOut() > 0 && summarised(got) == bus.sampledOut());
            long traced = got.stream().filter(e -> e.outcome() == Outcome.REJECTED).count();
            assertThat(traced).isGreaterThanOrEqualTo(50); // more when a window rolls over during the loop
            assertThat(traced + bus.sampledOut()).isEqualTo(1_000);
        }
    }

    private static long summarised(List<TraceEvent> events) {
        return events.stream().filter(e -> e.outcome() == Outcome.WARNING)
                .mapToLong(e -> Long.parseLong(e.summary().split(" ")[0])).sum();
    }
}
