package io.mtaprov.ui.views.sequence;

import static io.mtaprov.ui.views.sequence.SequencePainter.HEADER_H;

import io.mtaprov.ui.UiIds;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;

/**
 * The sequence diagram control: a double-buffered Canvas with its own scroll bars that paints only
 * the visible rows ({@link SequencePainter}), so long attempts scroll smoothly. A click or the
 * up/down keys select an arrow and tell the listener its index. UI thread only.
 */
final class SequenceCanvas {
    private final Canvas canvas;
    private final IntConsumer onSelect;
    private List<Arrow> arrows = List.of();
    private int[] tops = new int[0];
    private int contentHeight;
    private int selected = -1;
    private int ox;
    private int oy;

    SequenceCanvas(Composite parent, IntConsumer onSelect) {
        this.onSelect = onSelect;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.V_SCROLL | SWT.H_SCROLL | SWT.NO_BACKGROUND);
        canvas.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SEQUENCE_CANVAS);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Resize, e -> updateBars());
        canvas.addListener(SWT.MouseDown, this::click);
        canvas.addListener(SWT.KeyDown, this::key);
        canvas.addListener(SWT.Traverse, e -> e.doit = e.detail != SWT.TRAVERSE_ARROW_NEXT
                && e.detail != SWT.TRAVERSE_ARROW_PREVIOUS);
        canvas.getVerticalBar().addListener(SWT.Selection, e -> scrollTo(ox, canvas.getVerticalBar().getSelection()));
        canvas.getHorizontalBar().addListener(SWT.Selection,
                e -> scrollTo(canvas.getHorizontalBar().getSelection(), oy));
    }

    Canvas control() {
        return canvas;
    }

    List<Arrow> arrows() {
        return arrows;
    }

    int selected() {
        return selected;
    }

    /** Shows new arrows; keeps the selected index if asked, follows the end if it was in view. */
    void setArrows(List<Arrow> next, boolean keepSelection) {
        boolean atEnd = oy + visibleHeight() >= contentHeight - 4;
        arrows = List.copyOf(next);
        tops = new int[arrows.size()];
        int y = 0;
        for (int i = 0; i < arrows.size(); i++) {
            tops[i] = y;
            y += SequencePainter.rowHeight(arrows.get(i));
        }
        contentHeight = y + 8;
        selected = keepSelection && selected < arrows.size() ? selected : -1;
        if (!keepSelection) {
            oy = 0;
        }
        updateBars();
        if (keepSelection && atEnd) {
            scrollTo(ox, Math.max(0, contentHeight - visibleHeight()));
        }
        canvas.redraw();
    }

    /** Selects the arrow, reveals it and tells the listener. */
    void select(int index) {
        if (index < 0 || index >= arrows.size()) {
            return;
        }
        selected = index;
        int top = tops[index];
        int bottom = top + SequencePainter.rowHeight(arrows.get(index));
        if (top < oy) {
            scrollTo(ox, top);
        } else if (bottom > oy + visibleHeight()) {
            scrollTo(ox, bottom - visibleHeight());
        }
        canvas.redraw();
        onSelect.accept(index);
    }

    private int visibleHeight() {
        return Math.max(0, canvas.getClientArea().height - HEADER_H);
    }

    private void updateBars() {
        Rectangle area = canvas.getClientArea();
        ScrollBar v = canvas.getVerticalBar();
        v.setValues(Math.min(oy, Math.max(0, contentHeight - visibleHeight())), 0, Math.max(contentHeight, 1),
                Math.max(1, Math.min(visibleHeight(), contentHeight)), SequencePainter.ROW_H, Math.max(1, visibleHeight()));
        ScrollBar h = canvas.getHorizontalBar();
        int width = SequencePainter.contentWidth();
        h.setValues(Math.min(ox, Math.max(0, width - area.width)), 0, width, Math.max(1, Math.min(area.width, width)),
                20, Math.max(1, area.width));
        oy = v.getSelection();
        ox = h.getSelection();
    }

    private void scrollTo(int x, int y) {
        canvas.getVerticalBar().setSelection(y);
        canvas.getHorizontalBar().setSelection(x);
        oy = canvas.getVerticalBar().getSelection();
        ox = canvas.getHorizontalBar().getSelection();
        canvas.redraw();
    }

    private void paint(Event e) {
        Rectangle area = canvas.getClientArea();
        int first = rowAt(oy);
        int last = rowAt(oy + visibleHeight());
        SequencePainter.paint(e.gc, canvas.getDisplay(), arrows, tops, Math.max(0, first),
                last < 0 ? arrows.size() - 1 : last, selected, ox, oy, area.width, area.height);
    }

    /** The row at content offset y (below the header), -1 beyond the last. */
    private int rowAt(int y) {
        int i = Arrays.binarySearch(tops, y);
        int row = i >= 0 ? i : -i - 2;
        return row >= arrows.size() || y >= contentHeight ? -1 : Math.max(0, row);
    }

    private void click(Event e) {
        canvas.setFocus();
        if (e.y > HEADER_H) {
            int row = rowAt(e.y - HEADER_H + oy);
            if (row >= 0) {
                select(row);
            }
        }
    }

    private void key(Event e) {
        if (e.keyCode == SWT.ARROW_DOWN) {
            select(Math.min(arrows.size() - 1, selected + 1));
        } else if (e.keyCode == SWT.ARROW_UP) {
            select(Math.max(0, selected - 1));
        }
    }
}
