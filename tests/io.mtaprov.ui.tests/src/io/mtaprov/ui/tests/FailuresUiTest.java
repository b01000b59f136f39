package io.mtaprov.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.tests.support.Await;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.views.failures.FailuresView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * The Failures view counts failed messages fleet-wide: three injected failures (two MTAs failing
 * step 5 for one reason, one MTA step 9) show as a reason row with 2 messages and 2 MTAs and in the
 * step histogram.
 */
class FailuresUiTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void injectedFailuresAreCountedByStepAndReason() {
        Await.until("the workbench window", WAIT, () -> Widgets.onUi(
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null));
        FailuresView view = Widgets.onUi(() -> {
            try {
                return (FailuresView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                        .showView(UiIds.VIEW_FAILURES);
            } catch (PartInitException e) {
                throw new AssertionError(e);
            }
        });
        int[] before = Widgets.onUi(() -> view.stats().eventsByStep());
        TraceBus bus = ConsoleUiTest.service(TraceBus.class);
        String reason = "no device class matched (injected by FailuresUiTest)";
        Instant now = Instant.now();
        bus.publish(new TraceEvent(now, "02:4d:54:fa:00:01", ProvisioningStep.CONFIG_FILE_GENERATION, "mps",
                Direction.INTERNAL, "", reason, "", Outcome.FAILED));
        bus.publish(new TraceEvent(now.plusMillis(1), "02:4d:54:fa:00:02", ProvisioningStep.CONFIG_FILE_GENERATION,
                "mps", Direction.INTERNAL, "", reason, "", Outcome.FAILED));
        bus.publish(new TraceEvent(now.plusMillis(2), "02:4d:54:fa:00:02", ProvisioningStep.CONFIG_FILE_DOWNLOAD,
                "tftp", Direction.OUT, "", "transfer timed out (injected)", "", Outcome.FAILED));
        bus.publish(new TraceEvent(now.plusMillis(3), "02:4d:54:fa:00:03", ProvisioningStep.CONFIG_FILE_DOWNLOAD,
                "tftp", Direction.OUT, "", "sent (injected, not a failure)", "", Outcome.OK));
        Await.until("the injected reason", WAIT, () -> Widgets.rows(UiIds.WIDGET_FAILURES_REASONS).stream()
                .anyMatch(r -> r.get(1).equals(reason) && r.get(2).equals("2") && r.get(3).equals("2")
                        && r.get(0).startsWith("5 ")));
        int[] after = Widgets.onUi(() -> view.stats().eventsByStep());
        assertThat(after[4] - before[4]).isEqualTo(2);
        assertThat(after[8] - before[8]).isEqualTo(1);
        assertThat(Widgets.onUi(() -> view.stats().timeline(Instant.now(), 60))).matches(t -> sum(t) >= 3);
        String docs = System.getProperty("mtaprov.docs");
        if (docs != null) {
            Screenshots.ofWorkbench(Path.of(docs, "failures.png"));
        }
    }

    static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }
}
