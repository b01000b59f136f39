package io.mtaprov.ui.views.enrollment;

import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * The Enrollment view's virtual table: shows a {@link RowQuery.Result} computed by a Job from the
 * model's rows ({@link #requery}, debounced) and swapped in on the UI thread; small live batches
 * also replace their rows in place at once. Selection survives a swap by MAC. When the row count
 * drops sharply the table widget is replaced ({@link #onViewer} attaches menus again). UI thread
 * only, except the query Job.
 */
final class EnrollmentTable {
    /** Live batches above this size only requery (no per-row work on the UI thread). */
    static final int IN_PLACE_MAX = 500;
    static final long DEBOUNCE_MS = 150;
    /** Dropping more rows than this replaces the table widget (see {@link #swap}). */
    static final int RECREATE_BELOW = 5_000;

    private final Composite holder;
    private final Display display;
    private final Consumer<TableViewer> onViewer;
    private final SelectionForwarder selection = new SelectionForwarder();
    private TableViewer viewer;
    private final Supplier<List<EnrollmentRow>> source;
    private final Job queryJob;
    private final AtomicInteger requested = new AtomicInteger();
    private volatile RowQuery query = new RowQuery("", null, true);
    private EnrollmentRow[] shown = new EnrollmentRow[0];
    private Map<String, Integer> index = Map.of();
    private int appliedGeneration;

    EnrollmentTable(Composite parent, Supplier<List<EnrollmentRow>> source, Consumer<TableViewer> onViewer) {
        this.source = source;
        this.onViewer = onViewer;
        this.display = parent.getDisplay();
        holder = new Composite(parent, SWT.NONE);
        holder.setLayout(new FillLayout());
        viewer = createViewer();
        queryJob = Job.create(Messages.Enrollment_queryJob, monitor -> {
            int generation = requested.get();
            RowQuery q = query;
            RowQuery.Result r = q.run(source.get());
            Display d = display;
            if (!d.isDisposed()) {
                d.asyncExec(() -> swap(r, generation));
            }
            return Status.OK_STATUS;
        });
        queryJob.setSystem(true);
    }

    private TableViewer createViewer() {
        TableViewer v = new TableViewer(holder, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.MULTI | SWT.BORDER);
        Table table = v.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_ENROLLMENT_TABLE);
        v.setContentProvider(new ILazyContentProvider() {
            @Override
            public void updateElement(int i) {
                if (i < shown.length) {
                    v.replace(shown[i], i);
                }
            }

            @Override
            public void inputChanged(Viewer in, Object oldInput, Object newInput) {
                // the rows live in this class, not in the input
            }
        });
        for (EnrollmentColumn c : EnrollmentColumn.values()) {
            column(v, c);
        }
        v.setInput(this);
        v.setItemCount(0);
        RowQuery q = query;
        if (q.sort() != null) {
            table.setSortColumn(table.getColumn(q.sort().ordinal()));
            table.setSortDirection(q.ascending() ? SWT.UP : SWT.DOWN);
        }
        selection.setViewer(v);
        onViewer.accept(v);
        holder.layout(true);
        return v;
    }

    private void column(TableViewer v, EnrollmentColumn c) {
        TableViewerColumn vc = new TableViewerColumn(v, SWT.NONE);
        TableColumn col = vc.getColumn();
        col.setText(c.title());
        col.setWidth(c.width());
        col.setData(c);
        col.addListener(SWT.Selection, e -> sortBy(col, c));
        vc.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object e) {
                return c.text((EnrollmentRow) e);
            }

            @Override
            public Color getForeground(Object e) {
                return ((EnrollmentRow) e).failed() ? Display.getCurrent().getSystemColor(SWT.COLOR_RED) : null;
            }
        });
    }

    private void sortBy(TableColumn col, EnrollmentColumn c) {
        Table t = viewer.getTable();
        boolean ascending = t.getSortColumn() != col || t.getSortDirection() != SWT.UP;
        t.setSortColumn(col);
        t.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
        setQuery(new RowQuery(query.filter(), c, ascending));
    }

    TableViewer viewer() {
        return viewer;
    }

    /** The control to lay out in the view (holds the table, which may be replaced). */
    Composite control() {
        return holder;
    }

    /** The site's selection provider: the current viewer's selection. */
    SelectionForwarder selectionProvider() {
        return selection;
    }

    RowQuery query() {
        return query;
    }

    void setQuery(RowQuery q) {
        query = q;
        requery(0);
    }

    /** Any thread: recompute the shown rows in the query Job after {@code delayMs}. */
    void requery(long delayMs) {
        requested.incrementAndGet();
        queryJob.schedule(delayMs);
    }

    /** UI thread: rows the model changed. Known rows are replaced at once, then the Job requeries. */
    void changed(List<EnrollmentRow> rows) {
        if (holder.isDisposed()) {
            return;
        }
        if (rows.size() <= IN_PLACE_MAX) {
            for (EnrollmentRow r : rows) {
                Integer i = index.get(r.mac());
                if (i != null && i < shown.length && query.matches(r)) {
                    shown[i] = r;
                    viewer.getTable().clear(i);
                }
            }
        }
        requery(DEBOUNCE_MS);
    }

    private void swap(RowQuery.Result r, int generation) {
        Table t = viewer.getTable();
        if (holder.isDisposed() || generation < appliedGeneration) {
            return;
        }
        appliedGeneration = generation;
        List<String> selected = selectedMacs();
        int top = t.getTopIndex();
        int before = shown.length;
        shown = r.rows();
        index = r.index();
        if (before - shown.length > RECREATE_BELOW) {
            // GTK removes rows one by one, in time that grows with the square of their number
            // (seconds for 50,000): a new table that appends the remaining rows is far faster
            boolean focus = t.isFocusControl();
            t.dispose();
            viewer = createViewer();
            t = viewer.getTable();
            if (focus) {
                t.setFocus();
            }
        }
        viewer.setItemCount(shown.length);
        t.clearAll();
        if (top > 0 && top < shown.length) {
            t.setTopIndex(top);
        }
        int[] keep = selected.stream().map(index::get).filter(i -> i != null).mapToInt(Integer::intValue).toArray();
        if (keep.length > 0) {
            t.setSelection(keep);
        } else if (!selected.isEmpty()) {
            t.deselectAll();
        }
    }

    /** UI thread: whether the shown rows reflect the latest request. */
    boolean isSettled() {
        return appliedGeneration == requested.get() && queryJob.getState() == Job.NONE;
    }

    /** UI thread: the shown rows, in order. */
    List<EnrollmentRow> shown() {
        return List.copyOf(Arrays.asList(shown));
    }

    /** UI thread: the index of the MAC among the shown rows, or -1. */
    int indexOf(String mac) {
        Integer i = index.get(mac);
        return i == null ? -1 : i;
    }

    List<EnrollmentRow> selection() {
        List<EnrollmentRow> out = new ArrayList<>();
        for (Object o : ((IStructuredSelection) viewer.getSelection()).toList()) {
            if (o instanceof EnrollmentRow r) {
                out.add(r);
            }
        }
        return out;
    }

    private List<String> selectedMacs() {
        Table t = viewer.getTable();
        List<String> out = new ArrayList<>();
        for (int i : t.getSelectionIndices()) {
            if (i < shown.length) {
                out.add(shown[i].mac());
            }
        }
        return out;
    }

    void dispose() {
        queryJob.cancel();
    }
}
