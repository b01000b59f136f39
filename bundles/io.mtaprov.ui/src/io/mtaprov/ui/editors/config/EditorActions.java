package io.mtaprov.ui.editors.config;

import io.mtaprov.protocol.config.HashDialect;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.Messages;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ControlContribution;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * The config editor's header toolbar: the hash dialect (CableLabs, IETF, Euro-PacketCable),
 * insert/recompute and verify the hash, save as binary and save as text. UI thread only.
 */
final class EditorActions {
    private static final String[] DIALECT_LABELS = {"CableLabs", "IETF", "Euro-PacketCable"};
    private final ConfigFileEditor editor;
    private Combo dialectCombo;

    EditorActions(ConfigFileEditor editor) {
        this.editor = editor;
    }

    void fill(IToolBarManager tb) {
        tb.add(new ControlContribution("io.mtaprov.ui.config.hashDialect") {
            @Override
            protected Control createControl(Composite parent) {
                Composite c = new Composite(parent, SWT.NONE);
                GridLayout layout = new GridLayout(2, false);
                layout.marginHeight = 0;
                c.setLayout(layout);
                new Label(c, SWT.NONE).setText(Messages.ConfigEditor_hashDialect);
                dialectCombo = new Combo(c, SWT.READ_ONLY | SWT.DROP_DOWN);
                dialectCombo.setItems(DIALECT_LABELS);
                dialectCombo.select(editor.hashDialect().ordinal());
                dialectCombo.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_CONFIG_DIALECT);
                dialectCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
                dialectCombo.addListener(SWT.Selection,
                        e -> editor.setHashDialect(HashDialect.values()[dialectCombo.getSelectionIndex()]));
                return c;
            }
        });
        tb.add(new Separator());
        tb.add(action(Messages.ConfigEditor_recomputeHash, Messages.ConfigEditor_recomputeHashTip, editor::recomputeHash));
        tb.add(new Separator());
        tb.add(action(Messages.ConfigEditor_verifyHash, Messages.ConfigEditor_verifyHashTip, editor::verifyHash));
        tb.add(new Separator());
        tb.add(action(Messages.ConfigEditor_saveAsBinary, null, () -> editor.saveAsWithDialog(ConfigFormat.BINARY)));
        tb.add(new Separator());
        tb.add(action(Messages.ConfigEditor_saveAsText, null, () -> editor.saveAsWithDialog(ConfigFormat.TEXT)));
        tb.add(new Separator());
        tb.add(action("Compare With...", "Line diff of this file and another config file (binary or text)",
                editor::compareWithDialog));
    }

    /** Shows {@code d} in the combo (after a load picked the file's dialect). */
    void dialectChanged(HashDialect d) {
        if (dialectCombo != null && !dialectCombo.isDisposed() && dialectCombo.getSelectionIndex() != d.ordinal()) {
            dialectCombo.select(d.ordinal());
        }
    }

    private static Action action(String text, String tip, Runnable run) {
        Action a = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        if (tip != null) {
            a.setToolTipText(tip);
        }
        return a;
    }
}
