package io.mtaprov.ui.preferences;

import io.mtaprov.ui.UiIds;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/**
 * Window > Preferences > MTA Provisioning: how many rows the Provisioning Trace view keeps (older
 * ones are dropped; the store keeps them all) and the hash dialect of the config-file editor
 * (from the file, or always CableLabs, IETF or Euro-PacketCable).
 */
public class ConsolePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    public static final String ID = "io.mtaprov.ui.preferences.console";

    public ConsolePreferencePage() {
        super(GRID);
        setDescription("Console views and the config-file editor.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(ConsolePreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        IntegerFieldEditor rows = new IntegerFieldEditor(ConsolePreferences.TRACE_ROWS,
                "Trace view keeps (rows):", getFieldEditorParent());
        rows.setValidRange(100, 1_000_000);
        rows.getTextControl(getFieldEditorParent()).setData(UiIds.WIDGET_KEY, "prefs.trace.maxRows");
        addField(rows);
        addField(new ComboFieldEditor(ConsolePreferences.HASH_DIALECT, "Config file hash dialect:", new String[][] {
            {"From the file (hash TLV, else MIB tree)", ConsolePreferences.HASH_AUTO},
            {"CableLabs (PKTC-MTA-MIB)", "CABLELABS"}, {"IETF (RFC 4682)", "IETF"},
            {"Euro-PacketCable", "EURO"}}, getFieldEditorParent()));
    }
}
