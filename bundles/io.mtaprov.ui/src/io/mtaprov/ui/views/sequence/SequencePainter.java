package io.mtaprov.ui.views.sequence;

import java.time.Duration;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Display;

/**
 * Draws the sequence diagram with a GC: lifelines, one row per {@link Arrow} (the time since the
 * previous message on the left, the label above the arrow, a failure's reason below it in red) and
 * the lifeline header on top, which stays in place when scrolling vertically. Stateless apart from
 * the geometry constants; UI thread.
 */
final class SequencePainter {
    static final int TIME_W = 76;
    static final int LANE_W = 132;
    static final int HEADER_H = 44;
    static final int ROW_H = 34;
    static final int REASON_H = 16;
    static final int LINE_Y = 21;
    static final int NOTE_W = 22;

    private SequencePainter() {
    }

    static int laneX(Lifeline l) {
        return TIME_W + l.ordinal() * LANE_W + LANE_W / 2;
    }

    static int contentWidth() {
        return TIME_W + Lifeline.values().length * LANE_W + 8;
    }

    static int rowHeight(Arrow a) {
        return a.failed() ? ROW_H + REASON_H : ROW_H;
    }

    /** Paints rows {@code first..last} (inclusive) whose tops are {@code tops}, scrolled by (ox, oy). */
    static void paint(GC gc, Display d, List<Arrow> arrows, int[] tops, int first, int last, int selected, int ox,
            int oy, int width, int height) {
        gc.setBackground(d.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(0, 0, width, height);
        gc.setForeground(d.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.setLineStyle(SWT.LINE_DASH);
        for (Lifeline l : Lifeline.values()) {
            gc.drawLine(laneX(l) - ox, HEADER_H, laneX(l) - ox, height);
        }
        gc.setLineStyle(SWT.LINE_SOLID);
        for (int i = first; i <= last && i < arrows.size(); i++) {
            row(gc, d, arrows.get(i), HEADER_H + tops[i] - oy, i == selected, ox, width);
        }
        header(gc, d, ox, width);
    }

    private static void row(GC gc, Display d, Arrow a, int y, boolean selected, int ox, int width) {
        if (selected) {
            gc.setBackground(d.getSystemColor(SWT.COLOR_LIST_SELECTION));
            gc.setAlpha(60);
            gc.fillRectangle(0, y, width, rowHeight(a));
            gc.setAlpha(255);
        }
        Color fg = d.getSystemColor(a.failed() || a.event().outcome() == io.mtaprov.core.model.Outcome.REJECTED ? SWT.COLOR_RED
                : a.problem() ? SWT.COLOR_DARK_YELLOW : SWT.COLOR_LIST_FOREGROUND);
        gc.setForeground(d.getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawString(since(a.sincePrevious()), 4 - ox, y + LINE_Y - gc.getFontMetrics().getHeight() / 2, true);
        gc.setForeground(fg);
        gc.setBackground(fg);
        int x1 = laneX(a.from()) - ox;
        int x2 = laneX(a.to()) - ox;
        int ly = y + LINE_Y;
        int textX;
        int textW;
        if (a.isNote()) {
            gc.drawPolyline(new int[] {x1, ly - 4, x1 + NOTE_W, ly - 4, x1 + NOTE_W, ly + 4, x1 + 6, ly + 4});
            gc.fillPolygon(new int[] {x1, ly + 4, x1 + 6, ly + 1, x1 + 6, ly + 7});
            textX = x1 + 4;
            textW = LANE_W * 2;
        } else {
            gc.drawLine(x1, ly, x2, ly);
            int dir = x2 > x1 ? -1 : 1;
            gc.fillPolygon(new int[] {x2, ly, x2 + dir * 8, ly - 4, x2 + dir * 8, ly + 4});
            textX = Math.min(x1, x2) + 6;
            textW = Math.max(Math.abs(x2 - x1) - 10, LANE_W - 10);
        }
        gc.drawString(fit(gc, a.label(), textW), textX, y + 2, true);
        if (a.failed()) {
            String reason = "\u2717 " + (a.event().detail().isBlank() ? a.event().summary() : a.event().detail());
            gc.drawString(fit(gc, reason.replace('\n', ' '), width - textX - 8 + ox), textX, ly + 6, true);
        }
    }

    private static void header(GC gc, Display d, int ox, int width) {
        gc.setBackground(d.getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(0, 0, width, HEADER_H);
        gc.setForeground(d.getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        for (Lifeline l : Lifeline.values()) {
            int x = laneX(l) - ox - (LANE_W - 12) / 2;
            gc.setBackground(d.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
            gc.fillRoundRectangle(x, 4, LANE_W - 12, HEADER_H - 8, 6, 6);
            gc.drawRoundRectangle(x, 4, LANE_W - 12, HEADER_H - 8, 6, 6);
            lines(gc, l.label(), x, LANE_W - 12);
        }
    }

    /** A lifeline's name centred in its box, on two lines when one is too narrow. */
    private static void lines(GC gc, String label, int x, int w) {
        int h = gc.getFontMetrics().getHeight();
        int space = label.indexOf(' ');
        boolean two = gc.textExtent(label).x > w - 4 && space > 0;
        String[] parts = two ? new String[] {label.substring(0, space), label.substring(space + 1)} : new String[] {label};
        int y = 4 + (HEADER_H - 8 - parts.length * h) / 2;
        for (String p : parts) {
            String t = fit(gc, p, w - 4);
            gc.drawString(t, x + (w - gc.textExtent(t).x) / 2, y, true);
            y += h;
        }
    }

    /** "+12 ms", "+1.204 s", "" for the first message. */
    static String since(Duration d) {
        long ms = d.toMillis();
        if (d.isZero()) {
            return "";
        }
        return ms < 1_000 ? "+" + ms + " ms" : String.format(java.util.Locale.ROOT, "+%.3f s", ms / 1000.0);
    }

    /** The text cut with an ellipsis to fit {@code width} pixels. */
    static String fit(GC gc, String s, int width) {
        if (width <= 0) {
            return "";
        }
        if (gc.textExtent(s).x <= width) {
            return s;
        }
        int avg = Math.max(1, (int) gc.getFontMetrics().getAverageCharacterWidth());
        int n = Math.min(s.length(), Math.max(0, width / avg));
        while (n > 0 && gc.textExtent(s.substring(0, n) + "\u2026").x > width) {
            n--;
        }
        return s.substring(0, n) + "\u2026";
    }
}
