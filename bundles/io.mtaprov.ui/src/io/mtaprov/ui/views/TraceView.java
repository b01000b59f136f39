package io.mtaprov.ui.views;

import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.core.trace.TraceStore;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.ServiceAccess;
import io.mtaprov.ui.internal.UiBatcher;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

/**
 * The live Provisioning Trace: one row per traced exchange, newest at the bottom, failures in red,
 * the selected row's detail below. Events arrive from the TraceBus on its dispatcher thread and are
 * handed to the UI thread in coalesced batches ({@link UiBatcher}); the history is read from the
 * store in a Job.
 */
public class TraceView extends ViewPart {
    static final int MAX_ROWS = 20_000;
    static final int HISTORY = 1_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final List<TraceEvent> rows = new ArrayList<>();
    private TableViewer viewer;
    private Text detail;
    private ServiceAccess<TraceBus> bus;
    private ServiceAccess<TraceStore> store;
    private TraceBus.Subscription subscription;
    private UiBatcher<TraceEvent> batcher;

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        viewer = new TableViewer(sash, SWT.FULL_SELECTION | SWT.MULTI | SWT.BORDER | SWT.VIRTUAL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(UiIds.WIDGET_KEY, UiIds.WIDGET_TRACE_TABLE);
        viewer.setUseHashlookup(true);
        viewer.setContentProvider((IStructuredContentProvider) input -> rows.toArray());
        column("Time", 95, e -> TIME.format(e.time()));
        column("MTA", 130, TraceEvent::mtaMac);
        column("Step", 210, e -> e.step() + " (" + e.step().specFlows() + ")");
        column("Server", 55, TraceEvent::source);
        column("Dir", 60, e -> e.direction().name());
        column("Peer", 130, TraceEvent::peer);
        column("Summary", 520, TraceEvent::summary);
        column("Outcome", 80, e -> e.outcome().name());
        detail = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        detail.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_TRACE_DETAIL);
        sash.setWeights(80, 20);
        viewer.addSelectionChangedListener(e -> showDetail((IStructuredSelection) e.getSelection()));
        viewer.setInput(rows);

        batcher = new UiBatcher<>(parent.getDisplay(), this::append);
        bus = new ServiceAccess<>(TraceBus.class);
        store = new ServiceAccess<>(TraceStore.class);
        bus.get().ifPresent(b -> subscription = b.subscribe(batcher::offerAll));
        loadHistory();
        getSite().setSelectionProvider(viewer);
    }

    private void loadHistory() {
        store.get().ifPresent(s -> {
            Job job = Job.create("Loading provisioning trace", monitor -> {
                List<TraceEvent> history = s.recent(HISTORY);
                Display d = viewer.getControl().getDisplay();
                d.asyncExec(() -> prepend(history));
                return Status.OK_STATUS;
            });
            job.setSystem(true);
            job.schedule();
        });
    }

    private void column(String title, int width, Function<TraceEvent, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object e) {
                return text.apply((TraceEvent) e);
            }

            @Override
            public Color getForeground(Object e) {
                return ((TraceEvent) e).outcome().isProblem()
                        ? Display.getCurrent().getSystemColor(SWT.COLOR_RED) : null;
            }
        });
    }

    /** UI thread: history goes before live rows that may already have arrived. */
    private void prepend(List<TraceEvent> history) {
        if (viewer.getControl().isDisposed() || history.isEmpty()) {
            return;
        }
        List<TraceEvent> live = new ArrayList<>(rows);
        rows.clear();
        rows.addAll(history);
        for (TraceEvent e : live) {
            if (!history.contains(e)) {
                rows.add(e);
            }
        }
        trim();
        viewer.refresh();
    }

    /** UI thread: a batch of live events. */
    private void append(List<TraceEvent> batch) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        rows.addAll(batch);
        trim();
        viewer.refresh();
        viewer.getTable().showItem(viewer.getTable().getItem(rows.size() - 1));
    }

    private void trim() {
        int max = io.mtaprov.ui.preferences.ConsolePreferences.traceRows();
        if (rows.size() > max) {
            rows.subList(0, rows.size() - max).clear();
        }
    }

    /** UI thread: selects and reveals the newest row of the MTA, if the table has one. */
    public boolean selectMta(String mac) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).mtaMac().equals(mac)) {
                viewer.setSelection(new StructuredSelection(rows.get(i)), true);
                return true;
            }
        }
        return false;
    }

    private void showDetail(IStructuredSelection sel) {
        if (sel.getFirstElement() instanceof TraceEvent e) {
            detail.setText(e.summary() + "\n" + e.detail() + "\n\nstep " + e.step().number() + " "
                    + e.step().title() + " / PKT-SP-PROV " + e.step().specFlows() + ", " + e.source() + " "
                    + e.direction() + " " + e.peer() + ", " + e.outcome());
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (subscription != null) {
            subscription.close();
        }
        if (bus != null) {
            bus.close();
        }
        if (store != null) {
            store.close();
        }
        super.dispose();
    }
}
