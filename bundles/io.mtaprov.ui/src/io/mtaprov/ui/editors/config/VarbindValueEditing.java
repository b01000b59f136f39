package io.mtaprov.ui.editors.config;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.config.ConfigDocument;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigText;
import io.mtaprov.protocol.config.ConfigTlv;
import io.mtaprov.protocol.config.ConfigValidator;
import io.mtaprov.protocol.config.DelimiterTlv;
import io.mtaprov.protocol.config.Finding;
import io.mtaprov.protocol.config.VarbindTlv;
import io.mtaprov.protocol.mib.MibRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.ICellEditorListener;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.viewers.TreeViewer;

/**
 * In-place editing of a varbind's value on the Structure page. The text is the value literal of
 * the docsis form ({@code 1}, {@code "text"}, {@code 0x00ff}, {@code 10.0.0.1}); it is parsed with
 * the row's type and checked against the object's SYNTAX by {@link ConfigValidator} (a problem the
 * old value did not have rejects the edit, with the reason shown). UI thread only.
 */
final class VarbindValueEditing extends EditingSupport {
    private final TextCellEditor cellEditor;
    private final ConfigFileEditor editor;

    VarbindValueEditing(TreeViewer viewer, ConfigFileEditor editor, Consumer<String> problem) {
        super(viewer);
        this.editor = editor;
        this.cellEditor = new TextCellEditor(viewer.getTree());
        cellEditor.addListener(new ICellEditorListener() {
            @Override
            public void editorValueChanged(boolean oldValidState, boolean newValidState) {
                problem.accept(cellEditor.getErrorMessage());
            }

            @Override
            public void cancelEditor() {
                problem.accept(null);
            }

            @Override
            public void applyEditorValue() {
                problem.accept(cellEditor.getErrorMessage());
            }
        });
    }

    @Override
    protected boolean canEdit(Object element) {
        return element instanceof TlvRow r && r.literal() != null;
    }

    @Override
    protected CellEditor getCellEditor(Object element) {
        TlvRow row = (TlvRow) element;
        cellEditor.setValidator(value -> {
            try {
                build(row, String.valueOf(value));
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        });
        return cellEditor;
    }

    @Override
    protected Object getValue(Object element) {
        return ((TlvRow) element).literal();
    }

    @Override
    protected void setValue(Object element, Object value) {
        TlvRow row = (TlvRow) element;
        if (value == null || value.equals(row.literal())) {
            return; // invalid (the cell editor withholds it) or unchanged
        }
        VarbindTlv edited = build(row, (String) value);
        // after the cell editor has finished with the old row: the edit re-creates all rows
        getViewer().getControl().getDisplay().asyncExec(() -> editor.replaceTlv(row.index(), edited));
    }

    /**
     * The TLV of {@code row} with the value {@code literal}.
     *
     * @throws IllegalArgumentException with a reason if it does not parse or breaks the SYNTAX
     */
    static VarbindTlv build(TlvRow row, String literal) {
        String keyword = row.tlv().type() == ConfigTlv.TYPE_SNMP_LONG ? "SnmpMibObjectLong " : "SnmpMibObject ";
        String statement = keyword + row.object() + " " + row.type() + " " + literal.strip() + ";";
        ConfigDocument doc;
        try {
            doc = ConfigText.parse("Main\n{\n" + statement + "\n}\n");
        } catch (DecodeException e) {
            throw new IllegalArgumentException(ConfigWorkingCopy.reason(e));
        }
        if (doc.entries().size() != 1 || !(doc.entries().get(0).tlv() instanceof VarbindTlv v)) {
            throw new IllegalArgumentException("not a single " + row.type() + " value");
        }
        List<String> added = valueErrors(v);
        added.removeAll(valueErrors(row.tlv()));
        if (!added.isEmpty()) {
            throw new IllegalArgumentException(added.get(0));
        }
        return v;
    }

    /** The validator's errors about {@code tlv} alone (inside a minimal file). */
    private static List<String> valueErrors(ConfigTlv tlv) {
        ConfigFile file = new ConfigFile(List.of(DelimiterTlv.BEGIN, tlv, DelimiterTlv.END));
        List<String> out = new ArrayList<>();
        for (Finding f : new ConfigValidator(MibRegistry.standard()).check(file, new int[] {0, 1, 2},
                Finding.Location.Kind.OFFSET)) {
            if (f.severity() == Finding.Severity.ERROR && f.location().value() == 1) {
                out.add(f.message());
            }
        }
        return out;
    }
}
