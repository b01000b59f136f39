package io.mtaprov.ui.views.failures;

import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.core.trace.TraceStore;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.ServiceAccess;
import io.mtaprov.ui.internal.UiBatcher;
import java.time.Instant;
import java.util.List;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;

/**
 * Where attempts fail, fleet-wide: a histogram of failed messages by step (1-10, with the distinct
 * MTAs), a timeline of failures over the last {@value #TIMELINE_BUCKETS} x 10 s, and the reasons
 * with their counts. History is read from the trace store in a Job ({@value #HISTORY} newest
 * events), then the view follows the TraceBus (coalesced on the UI thread).
 */
public class FailuresView extends ViewPart {
    static final int HISTORY = 50_000;
    static final int TIMELINE_BUCKETS = 60;

    private final FailureStats stats = new FailureStats();
    private ServiceAccess<TraceBus> bus;
    private ServiceAccess<TraceStore> store;
    private TraceBus.Subscription subscription;
    private Canvas histogram;
    private Canvas timeline;
    private Table reasons;

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        histogram = new Canvas(sash, SWT.DOUBLE_BUFFERED);
        histogram.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_FAILURES_HISTOGRAM);
        histogram.addPaintListener(e -> paintHistogram(e.gc, histogram.getClientArea()));
        timeline = new Canvas(sash, SWT.DOUBLE_BUFFERED);
        timeline.addPaintListener(e -> paintTimeline(e.gc, timeline.getClientArea()));
        reasons = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION);
        reasons.setHeaderVisible(true);
        reasons.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_FAILURES_REASONS);
        for (String[] c : new String[][] {{"Step", "220"}, {"Reason", "380"}, {"Messages", "80"}, {"MTAs", "60"}}) {
            TableColumn col = new TableColumn(reasons, SWT.NONE);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        sash.setWeights(40, 20, 40);
        bus = new ServiceAccess<>(TraceBus.class);
        store = new ServiceAccess<>(TraceStore.class);
        Display d = parent.getDisplay();
        UiBatcher<TraceEvent> batcher = new UiBatcher<>(d, this::add);
        bus.get().ifPresent(b -> subscription = b.subscribe(batch -> {
            List<TraceEvent> failed = batch.stream()
                    .filter(e -> e.outcome() == io.mtaprov.core.model.Outcome.FAILED).toList();
            if (!failed.isEmpty()) {
                batcher.offerAll(failed);
            }
        }));
        store.get().ifPresent(s -> {
            Job job = Job.create("Reading failed attempts", monitor -> {
                List<TraceEvent> history = s.recent(HISTORY);
                batcher.offerAll(history.stream()
                        .filter(e -> e.outcome() == io.mtaprov.core.model.Outcome.FAILED).toList());
                return Status.OK_STATUS;
            });
            job.setSystem(true);
            job.schedule();
        });
    }

    private void add(List<TraceEvent> batch) {
        if (histogram.isDisposed() || !stats.addAll(batch)) {
            return;
        }
        histogram.redraw();
        timeline.redraw();
        reasons.removeAll();
        for (FailureStats.Reason r : stats.reasons()) {
            TableItem item = new TableItem(reasons, SWT.NONE);
            item.setText(new String[] {r.step().toString(), r.reason(), Integer.toString(r.events()),
                Integer.toString(r.mtas())});
        }
        setContentDescription(stats.total() + " failed messages");
    }

    private void paintHistogram(GC gc, Rectangle area) {
        int[] counts = stats.eventsByStep();
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        int labelHeight = gc.getFontMetrics().getHeight() + 4;
        int footer = 2 * labelHeight;
        int slot = Math.max(1, area.width / counts.length);
        int plot = Math.max(1, area.height - labelHeight - footer);
        Color red = histogram.getDisplay().getSystemColor(SWT.COLOR_RED);
        for (int i = 0; i < counts.length; i++) {
            int h = counts[i] * plot / max;
            int x = area.x + i * slot + slot / 6;
            int w = slot * 2 / 3;
            int y = area.y + labelHeight + plot - h;
            gc.setBackground(red);
            gc.fillRectangle(x, y, w, h);
            String n = Integer.toString(counts[i]);
            Point ext = gc.textExtent(n);
            gc.drawText(n, x + (w - ext.x) / 2, y - ext.y - 2, true);
            ProvisioningStep step = ProvisioningStep.ofNumber(i + 1);
            String label = "step " + (i + 1) + (stats.mtas(step) > 0 ? "\n" + stats.mtas(step) + " MTAs" : "");
            gc.drawText(label, x, area.y + labelHeight + plot + 2, SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT);
        }
    }

    private void paintTimeline(GC gc, Rectangle area) {
        int[] b = stats.timeline(Instant.now(), TIMELINE_BUCKETS);
        int max = 1;
        for (int c : b) {
            max = Math.max(max, c);
        }
        int labelHeight = gc.getFontMetrics().getHeight() + 2;
        int plot = Math.max(1, area.height - labelHeight);
        int w = Math.max(1, area.width / b.length);
        gc.setBackground(timeline.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        for (int i = 0; i < b.length; i++) {
            int h = b[i] * plot / max;
            gc.fillRectangle(area.x + i * w, area.y + plot - h, Math.max(1, w - 1), h);
        }
        gc.drawText("failures per 10 s, last " + TIMELINE_BUCKETS * 10 / 60 + " minutes (max " + max + ")",
                area.x + 2, area.y + plot, true);
    }

    /** UI thread: the counts the view shows. */
    public FailureStats stats() {
        return stats;
    }

    @Override
    public void setFocus() {
        reasons.setFocus();
    }

    @Override
    public void dispose() {
        if (subscription != null) {
            subscription.close();
        }
        bus.close();
        store.close();
        super.dispose();
    }
}
