package io.mtaprov.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.tests.support.Await;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.views.simulator.SimulatorView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * The Simulator view runs a small fleet against the console's own servers: Start with 5 MTAs, 40 %
 * of them with a wrong config-file hash; the view ends with 5 finished, 3 provisioned and the 2
 * failures in its table, and the fleet's MTAs are in the Enrollment view.
 */
class SimulatorUiTest {
    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aFleetWithFaultyMtasRunsAsAJobAndItsResultsShow() {
        Await.until("the workbench window", WAIT, () -> Widgets.onUi(
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null));
        SimulatorView view = Widgets.onUi(() -> {
            try {
                return (SimulatorView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                        .showView(UiIds.VIEW_SIMULATOR);
            } catch (PartInitException e) {
                throw new AssertionError(e);
            }
        });
        Widgets.onUi(() -> {
            ((Spinner) Widgets.find(UiIds.WIDGET_SIM_COUNT).orElseThrow()).setSelection(5);
            ((Spinner) Widgets.find(UiIds.WIDGET_SIM_FAULT_SHARE).orElseThrow()).setSelection(40);
            ((Button) Widgets.find(UiIds.WIDGET_SIM_START).orElseThrow()).notifyListeners(SWT.Selection, new Event());
            return null;
        });
        assertThat(Widgets.onUi(view::isRunning)).isTrue();
        Await.until("the fleet's end", WAIT, () -> Widgets.onUi(() -> !view.isRunning()));
        String status = Widgets.onUi(() -> ((Label) Widgets.find(UiIds.WIDGET_SIM_STATUS).orElseThrow()).getText());
        assertThat(status).startsWith("Done: 5 of 5 finished, 3 provisioned, 2 failed");
        List<List<String>> failures = Widgets.rows(UiIds.WIDGET_SIM_FAILURES);
        assertThat(failures.stream().mapToInt(r -> Integer.parseInt(r.get(1))).sum()).isEqualTo(2);
        for (String mac : List.of("02:4d:54:5f:00:00", "02:4d:54:5f:00:04")) {
            Await.until(mac + " in the Enrollment view", WAIT, () -> Widgets.onUi(() -> {
                var v = (io.mtaprov.ui.views.enrollment.EnrollmentView) PlatformUI.getWorkbench()
                        .getActiveWorkbenchWindow().getActivePage().findView(UiIds.VIEW_ENROLLMENT);
                return v != null && v.model().row(mac).isPresent();
            }));
        }
        String docs = System.getProperty("mtaprov.docs");
        if (docs != null) {
            Screenshots.ofWorkbench(Path.of(docs, "simulator.png"));
        }
    }
}
