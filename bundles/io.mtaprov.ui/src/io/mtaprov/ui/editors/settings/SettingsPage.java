package io.mtaprov.ui.editors.settings;

import io.mtaprov.ui.UiIds;
import java.util.function.Consumer;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerEditor;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationStrategy;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TableViewerEditor;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/**
 * One page of the settings editor: Add/Remove buttons and a table whose cells are edited in place
 * (double-click or F2; Enter applies). Every change goes to {@code edit} (row, key, value), which
 * runs it as an undoable operation; the page itself never changes the model. An optional
 * multi-line field under the table edits one more field of the selected row (the device class
 * template), applied when it loses focus.
 */
final class SettingsPage {
    private final SettingsTableModel model;
    private final TableViewer viewer;
    private Text detail;
    private String detailKey;

    SettingsPage(Composite parent, SettingsTableModel model, String widgetId, Runnable add,
            Consumer<SettingsRow> remove, EditCall edit) {
        this.model = model;
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        Button addButton = new Button(c, SWT.PUSH);
        addButton.setText("Add");
        addButton.setData(UiIds.WIDGET_KEY, widgetId + ".add");
        addButton.addListener(SWT.Selection, e -> add.run());
        Button removeButton = new Button(c, SWT.PUSH);
        removeButton.setText("Remove");
        removeButton.setData(UiIds.WIDGET_KEY, widgetId + ".remove");
        removeButton.addListener(SWT.Selection, e -> selected().ifPresent(remove));
        viewer = new TableViewer(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(UiIds.WIDGET_KEY, widgetId);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        TableViewerEditor.create(viewer, new ColumnViewerEditorActivationStrategy(viewer) {
            @Override
            protected boolean isEditorActivationEvent(
                    org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent event) {
                return event.eventType == org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent.TRAVERSAL
                        || event.eventType == org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent
                                .MOUSE_DOUBLE_CLICK_SELECTION
                        || event.eventType == org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent
                                .PROGRAMMATIC
                        || event.eventType == org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent
                                .KEY_PRESSED && event.keyCode == SWT.F2;
            }
        }, ColumnViewerEditor.TABBING_HORIZONTAL | ColumnViewerEditor.KEYBOARD_ACTIVATION);
        for (SettingsColumn col : model.columns()) {
            TableViewerColumn tc = new TableViewerColumn(viewer, SWT.NONE);
            tc.getColumn().setText(col.label());
            tc.getColumn().setWidth(col.width());
            tc.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return ((SettingsRow) element).get(col.key());
                }
            });
            if (col.editable()) {
                tc.setEditingSupport(new CellEdit(viewer, col.key(), edit));
            }
        }
        viewer.setInput(model.rows());
    }

    /** Adds a multi-line field under the table for {@code key} of the selected row. */
    void addDetail(String key, String label, EditCall edit) {
        detailKey = key;
        Composite c = viewer.getTable().getParent();
        org.eclipse.swt.widgets.Label l = new org.eclipse.swt.widgets.Label(c, SWT.NONE);
        l.setText(label);
        l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        detail = new Text(c, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        detail.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        detail.setData(UiIds.WIDGET_KEY, viewer.getTable().getData(UiIds.WIDGET_KEY) + "." + key);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        gd.heightHint = 160;
        detail.setLayoutData(gd);
        detail.setEnabled(false);
        viewer.addSelectionChangedListener(e -> showDetail());
        detail.addListener(SWT.FocusOut, e -> selected().ifPresent(r -> {
            if (!r.get(key).equals(detail.getText())) {
                edit.apply(r, key, detail.getText());
            }
        }));
    }

    private void showDetail() {
        if (detail == null) {
            return;
        }
        var row = selected();
        detail.setEnabled(row.isPresent());
        String text = row.map(r -> r.get(detailKey)).orElse("");
        if (!detail.getText().equals(text)) {
            detail.setText(text);
        }
    }

    java.util.Optional<SettingsRow> selected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return java.util.Optional.ofNullable((SettingsRow) o);
    }

    void refresh() {
        if (!viewer.getTable().isDisposed()) {
            viewer.refresh();
            showDetail();
        }
    }

    TableViewer viewer() {
        return viewer;
    }

    SettingsTableModel model() {
        return model;
    }

    /** Applies one cell's new value (as an operation). */
    @FunctionalInterface
    interface EditCall {
        void apply(SettingsRow row, String key, String value);
    }

    private static final class CellEdit extends EditingSupport {
        private final String key;
        private final TextCellEditor editor;
        private final EditCall edit;

        CellEdit(TableViewer viewer, String key, EditCall edit) {
            super(viewer);
            this.key = key;
            this.edit = edit;
            this.editor = new TextCellEditor(viewer.getTable());
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            return editor;
        }

        @Override
        protected boolean canEdit(Object element) {
            return !((SettingsRow) element).fixedKeys().contains(key);
        }

        @Override
        protected Object getValue(Object element) {
            return ((SettingsRow) element).get(key);
        }

        @Override
        protected void setValue(Object element, Object value) {
            SettingsRow r = (SettingsRow) element;
            if (!r.get(key).equals(value)) {
                edit.apply(r, key, String.valueOf(value));
            }
        }
    }

}
