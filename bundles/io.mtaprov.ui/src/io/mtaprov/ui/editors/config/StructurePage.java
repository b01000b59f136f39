package io.mtaprov.ui.editors.config;

import io.mtaprov.protocol.config.ConfigDocument;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.Messages;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerEditor;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationStrategy;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.viewers.TreeViewerEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * The Structure page: the file's TLVs as a tree (TLV 38/43 with their sub-TLVs) with the MIB name
 * and index, SYNTAX, type, value and byte offset. Varbind values are edited in place (double-click
 * or F2 on the Value cell; {@link VarbindValueEditing}); the selection drives the Hex page's
 * highlight. UI thread only.
 */
final class StructurePage {
    private final ConfigFileEditor editor;
    private TreeViewer viewer;

    StructurePage(ConfigFileEditor editor) {
        this.editor = editor;
    }

    /** A sub-TLV line under its TLV. @param parent the TLV row @param text the statement */
    record SubRow(TlvRow parent, String text) {
    }

    Control create(Composite parent) {
        viewer = new TreeViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        viewer.getTree().setData(UiIds.WIDGET_KEY, UiIds.WIDGET_CONFIG_TREE);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object e) {
                return e instanceof TlvRow r ? r.children().stream().map(s -> new SubRow(r, s)).toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object e) {
                return e instanceof SubRow s ? s.parent() : null;
            }

            @Override
            public boolean hasChildren(Object e) {
                return e instanceof TlvRow r && !r.children().isEmpty();
            }
        });
        column(Messages.Structure_tlv, 210, TlvRow::label, SubRow::text);
        column(Messages.Structure_object, 320, TlvRow::object, s -> "");
        column(Messages.Structure_syntax, 230, TlvRow::syntax, s -> "");
        column(Messages.Structure_type, 90, r -> r.type() == null ? "" : r.type(), s -> "");
        TreeViewerColumn value = column(Messages.Structure_value, 330, TlvRow::display, s -> "");
        column(Messages.Structure_offset, 70, r -> Integer.toString(r.offset()), s -> "");
        value.setEditingSupport(new VarbindValueEditing(viewer, editor,
                problem -> editor.showProblem(problem == null ? null : NLS.bind(Messages.Structure_invalidValue, problem))));
        TreeViewerEditor.create(viewer, new ColumnViewerEditorActivationStrategy(viewer) {
            @Override
            protected boolean isEditorActivationEvent(ColumnViewerEditorActivationEvent e) {
                return e.eventType == ColumnViewerEditorActivationEvent.MOUSE_DOUBLE_CLICK_SELECTION
                        || e.eventType == ColumnViewerEditorActivationEvent.PROGRAMMATIC
                        || (e.eventType == ColumnViewerEditorActivationEvent.KEY_PRESSED && e.keyCode == SWT.F2);
            }
        }, ColumnViewerEditor.KEYBOARD_ACTIVATION | ColumnViewerEditor.TABBING_HORIZONTAL);
        viewer.addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            TlvRow row = first instanceof SubRow s ? s.parent() : (TlvRow) first;
            editor.tlvSelected(row == null ? -1 : row.index());
        });
        return viewer.getControl();
    }

    private TreeViewerColumn column(String title, int width, Function<TlvRow, String> row, Function<SubRow, String> sub) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object e) {
                return e instanceof TlvRow r ? row.apply(r) : sub.apply((SubRow) e);
            }
        });
        return c;
    }

    /** Shows {@code doc}, keeping the selected TLV selected. */
    void refresh(ConfigDocument doc) {
        Object first = viewer.getStructuredSelection().getFirstElement();
        int selected = first instanceof TlvRow r ? r.index() : first instanceof SubRow s ? s.parent().index() : -1;
        List<TlvRow> rows = TlvRow.of(doc);
        viewer.setInput(rows);
        viewer.expandAll();
        if (selected >= 0 && selected < rows.size()) {
            viewer.setSelection(new StructuredSelection(rows.get(selected)), true);
        }
    }
}
