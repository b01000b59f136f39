package io.mtaprov.ui.views.simulator;

import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.sim.Faults;
import io.mtaprov.sim.SimSettings;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.ServiceAccess;
import io.mtaprov.ui.internal.UiBatcher;
import java.util.List;
import java.util.Map;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;

/**
 * Starts a fleet of simulated MTAs against the console's own servers (their ports from the
 * console's properties, as the demo MTA uses them): count, concurrency, start rate, a share of
 * MTAs with a fault. The run is a Job (Progress view, Cancel = Stop); this view shows a progress bar,
 * finished/provisioned/failed counts and the live rate, and at the end the failures by step.
 * Every MTA shows in the Enrollment, Trace and Sequence views as it provisions.
 */
public class SimulatorView extends ViewPart {
    static final String[] FAULTS = {"wrong hash", "drops every SET", "vanishes after DHCP", "TFTP timeout"};

    private Spinner count;
    private Spinner concurrency;
    private Spinner rate;
    private Spinner faultShare;
    private Combo fault;
    private Text baseMac;
    private Button start;
    private Button stop;
    private ProgressBar bar;
    private Label status;
    private Table failures;
    private FleetRun running;
    private FleetRun.Snapshot last;
    private ServiceAccess<TraceBus> bus;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(8, false));
        count = spinner(parent, "MTAs:", 1, 100_000, 20, UiIds.WIDGET_SIM_COUNT);
        concurrency = spinner(parent, "At once:", 1, 2_000, 20, "sim.concurrency");
        rate = spinner(parent, "Per second (0: unpaced):", 0, 10_000, 0, "sim.rate");
        faultShare = spinner(parent, "Faulty %:", 0, 100, 0, UiIds.WIDGET_SIM_FAULT_SHARE);
        new Label(parent, SWT.NONE).setText("Fault:");
        fault = new Combo(parent, SWT.READ_ONLY);
        fault.setItems(FAULTS);
        fault.select(0);
        new Label(parent, SWT.NONE).setText("First MAC:");
        baseMac = new Text(parent, SWT.BORDER);
        baseMac.setText("02:4d:54:5f:00:00");
        baseMac.setData(UiIds.WIDGET_KEY, "sim.baseMac");
        start = new Button(parent, SWT.PUSH);
        start.setText("Start");
        start.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SIM_START);
        start.addListener(SWT.Selection, e -> start());
        stop = new Button(parent, SWT.PUSH);
        stop.setText("Stop");
        stop.setEnabled(false);
        stop.addListener(SWT.Selection, e -> {
            if (running != null) {
                running.cancel();
            }
        });
        bar = new ProgressBar(parent, SWT.SMOOTH);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        bar.setData(UiIds.WIDGET_KEY, "sim.progress");
        status = new Label(parent, SWT.NONE);
        status.setText("Idle: the fleet runs against the console's own servers");
        status.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SIM_STATUS);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 8, 1));
        failures = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        failures.setHeaderVisible(true);
        failures.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SIM_FAILURES);
        failures.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 8, 1));
        for (String[] c : new String[][] {{"Failed at step", "260"}, {"MTAs", "80"}}) {
            TableColumn col = new TableColumn(failures, SWT.NONE);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        bus = new ServiceAccess<>(TraceBus.class);
    }

    private static Spinner spinner(Composite parent, String label, int min, int max, int value, String id) {
        new Label(parent, SWT.NONE).setText(label);
        Spinner s = new Spinner(parent, SWT.BORDER);
        s.setValues(value, min, max, 0, 1, 10);
        s.setData(UiIds.WIDGET_KEY, id);
        return s;
    }

    /** UI thread: starts the fleet with the values in the form; the Job, or null when one runs. */
    public Job start() {
        if (running != null) {
            return null;
        }
        var ctx = FrameworkUtil.getBundle(SimulatorView.class).getBundleContext();
        SimSettings settings = SimSettings.fromProperties(ctx::getProperty);
        UiBatcher<FleetRun.Snapshot> ui = new UiBatcher<>(bar.getDisplay(), batch -> show(batch.get(batch.size() - 1)));
        FleetRun run = new FleetRun(settings, bus.get().orElse(null), baseMac.getText().strip(), count.getSelection(),
                concurrency.getSelection(), rate.getSelection(), faultShare.getSelection() / 100.0,
                faults(fault.getSelectionIndex()), s -> ui.offerAll(List.of(s)));
        running = run;
        last = null;
        start.setEnabled(false);
        stop.setEnabled(true);
        bar.setMaximum(count.getSelection());
        bar.setSelection(0);
        failures.removeAll();
        status.setText("Starting " + count.getSelection() + " MTAs...");
        run.schedule();
        return run;
    }

    static Faults faults(int index) {
        return switch (index) {
            case 1 -> Faults.NONE.withDroppedSets(Integer.MAX_VALUE);
            case 2 -> Faults.NONE.withVanishAfterDhcp(true);
            case 3 -> Faults.NONE.withTftpTimeout(true);
            default -> Faults.NONE.withWrongHash(true);
        };
    }

    private void show(FleetRun.Snapshot s) {
        if (bar.isDisposed()) {
            return;
        }
        last = s;
        bar.setSelection(s.finished());
        int failed = s.finished() - s.completed();
        String text = s.finished() + " of " + s.total() + " finished, " + s.completed() + " provisioned, " + failed
                + " failed, " + String.format("%.1f", s.rate()) + " MTAs/s";
        if (s.report() != null) {
            text = (s.cancelled() ? "Stopped: " : "Done: ") + text + ", median "
                    + Math.round(s.report().perMta().p50()) + " ms per MTA";
            running = null;
            start.setEnabled(true);
            stop.setEnabled(false);
        }
        status.setText(text);
        failures.removeAll();
        for (Map.Entry<ProvisioningStep, Integer> e : new java.util.TreeMap<>(s.failedByStep()).entrySet()) {
            TableItem item = new TableItem(failures, SWT.NONE);
            item.setText(new String[] {e.getKey().number() + " " + e.getKey().title(), e.getValue().toString()});
        }
    }

    /** UI thread: the latest counts, null before a run reported. */
    public FleetRun.Snapshot lastSnapshot() {
        return last;
    }

    /** UI thread: whether a fleet is running. */
    public boolean isRunning() {
        return running != null;
    }

    @Override
    public void setFocus() {
        start.setFocus();
    }

    @Override
    public void dispose() {
        if (running != null) {
            running.cancel();
        }
        bus.close();
        super.dispose();
    }
}
