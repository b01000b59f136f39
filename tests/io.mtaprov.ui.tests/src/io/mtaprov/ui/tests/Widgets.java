package io.mtaprov.ui.tests;

import io.mtaprov.ui.UiIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/** Finds real SWT widgets by the data key the views set, and reads them on the UI thread. */
final class Widgets {
    private Widgets() {
    }

    static <T> T onUi(Supplier<T> s) {
        AtomicReference<T> r = new AtomicReference<>();
        Display.getDefault().syncExec(() -> r.set(s.get()));
        return r.get();
    }

    /** UI thread: the control with {@code setData(WIDGET_KEY, id)} in any open shell. */
    static Optional<Control> find(String id) {
        for (Shell shell : Display.getDefault().getShells()) {
            Optional<Control> c = find(shell, id);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<Control> find(Control c, String id) {
        if (id.equals(c.getData(UiIds.WIDGET_KEY))) {
            return Optional.of(c);
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                Optional<Control> f = find(child, id);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    /** The rows of the table with that id as text cells; empty when it is not (yet) there. */
    static List<List<String>> rows(String tableId) {
        return onUi(() -> {
            List<List<String>> rows = new ArrayList<>();
            find(tableId).map(Table.class::cast).ifPresent(t -> {
                for (TableItem item : t.getItems()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < t.getColumnCount(); i++) {
                        cells.add(item.getText(i));
                    }
                    rows.add(cells);
                }
            });
            return rows;
        });
    }
}
