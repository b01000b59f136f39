package io.mtaprov.ui.editors.config;

import io.mtaprov.protocol.config.Finding;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.Messages;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

/**
 * The validation findings below the text: severity, line, message; a double-click (or Enter)
 * jumps to the line. UI thread only.
 */
final class FindingsTable {
    private final TableViewer viewer;

    FindingsTable(Composite parent, IntConsumer goToLine) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(UiIds.WIDGET_KEY, UiIds.WIDGET_CONFIG_FINDINGS);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Findings_severity, 80, f -> f.severity().name());
        column(Messages.Findings_line, 60, f -> Integer.toString(f.location().value()));
        column(Messages.Findings_message, 700, Finding::message);
        viewer.addDoubleClickListener(e -> {
            if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Finding f) {
                goToLine.accept(f.location().value());
            }
        });
    }

    private void column(String title, int width, Function<Finding, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object e) {
                return text.apply((Finding) e);
            }

            @Override
            public Color getForeground(Object e) {
                Finding.Severity s = ((Finding) e).severity();
                return s == Finding.Severity.ERROR ? Display.getCurrent().getSystemColor(SWT.COLOR_DARK_RED) : null;
            }
        });
    }

    void show(List<Finding> findings) {
        viewer.setInput(findings);
    }

    Composite control() {
        return viewer.getTable();
    }
}
