package io.mtaprov.ui.editors.settings;

import io.mtaprov.core.provisioning.ProvisioningActions;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.core.provisioning.SessionSnapshot;
import io.mtaprov.core.settings.CareCsv;
import io.mtaprov.core.settings.SettingsLocations;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.ServiceAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.operations.RedoActionHandler;
import org.eclipse.ui.operations.UndoActionHandler;
import org.eclipse.ui.part.EditorPart;
import org.osgi.framework.FrameworkUtil;

/**
 * The console's settings as an editor: device classes and their defaults, CMTS scopes (relays,
 * subnet, pools, option 122 realm, and their config-file layer), per-MTA voice lines and the
 * customer-care CSV, one tab each. Edits are operations on the workbench history (Ctrl+Z/Ctrl+Y,
 * Edit menu); the editor is dirty while its rows differ from what was last read or saved, so
 * undoing back to the saved state clears the marker. Every change is checked at once; errors are
 * listed under the tabs and block saving, warnings (a scope without an option 122 realm) do not.
 * Reading and writing run in Jobs through the {@link ProvisioningStore} and the files the DHCP
 * and provisioning servers read; the UI thread never waits on them.
 */
public class ProvisioningSettingsEditor extends EditorPart {
    private final IUndoContext undoContext = new ObjectUndoContext(this, "Provisioning Settings");
    private final List<SettingsTableModel> models = List.of(SettingsTables.deviceClasses(), SettingsTables.scopes(),
            SettingsTables.voiceLines(), SettingsTables.care());
    private final List<SettingsPage> pages = new ArrayList<>();
    private final List<Consumer<List<SettingsProblem>>> problemListeners = new CopyOnWriteArrayList<>();
    private ServiceAccess<ProvisioningStore> store;
    private ServiceAccess<ProvisioningActions> actions;
    private SettingsStorage.Tables baseline;
    private SettingsStorage.Sources sources;
    private List<SettingsProblem> problems = List.of();
    private boolean saving;
    private Label summary;
    private org.eclipse.swt.widgets.List problemList;
    private UndoActionHandler undo;
    private RedoActionHandler redo;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof SettingsEditorInput)) {
            throw new PartInitException("not a settings input: " + input);
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        store = new ServiceAccess<>(ProvisioningStore.class);
        actions = new ServiceAccess<>(ProvisioningActions.class);
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.WRAP);
        summary.setText("Loading...");
        summary.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SETTINGS_SUMMARY);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        CTabFolder tabs = new CTabFolder(parent, SWT.BORDER | SWT.TOP);
        tabs.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SETTINGS_TABS);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        String[] ids = {UiIds.WIDGET_SETTINGS_CLASSES, UiIds.WIDGET_SETTINGS_SCOPES, UiIds.WIDGET_SETTINGS_LINES,
            UiIds.WIDGET_SETTINGS_CARE};
        for (int i = 0; i < models.size(); i++) {
            SettingsTableModel m = models.get(i);
            CTabItem item = new CTabItem(tabs, SWT.NONE);
            item.setText(m.name());
            Composite holder = new Composite(tabs, SWT.NONE);
            holder.setLayout(new GridLayout(1, false));
            if (m.name().equals(SettingsTables.LINES)) {
                linesHeader(holder);
            }
            SettingsPage page = new SettingsPage(holder, m, ids[i], () -> addRow(m), r -> removeRow(m, r), this::edit);
            page.viewer().getTable().getParent().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            if (m.name().equals(SettingsTables.CLASSES)) {
                page.addDetail("template", "Template of the selected class (docsis text form with ${...}):",
                        this::edit);
            }
            pages.add(page);
            item.setControl(holder);
        }
        tabs.setSelection(0);
        problemList = new org.eclipse.swt.widgets.List(parent, SWT.BORDER | SWT.V_SCROLL);
        problemList.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SETTINGS_PROBLEMS);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, false);
        gd.heightHint = 70;
        problemList.setLayoutData(gd);

        undo = new UndoActionHandler(getSite(), undoContext);
        redo = new RedoActionHandler(getSite(), undoContext);
        getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
        getEditorSite().getActionBars().updateActionBars();
        load();
    }

    private void linesHeader(Composite holder) {
        Composite row = new Composite(holder, SWT.NONE);
        row.setLayout(new GridLayout(3, false));
        new Label(row, SWT.NONE).setText("Show the lines of MTA:");
        Text mac = new Text(row, SWT.BORDER);
        mac.setMessage("aa:bb:cc:dd:ee:ff");
        mac.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SETTINGS_LINES + ".mac");
        mac.setLayoutData(new GridData(160, SWT.DEFAULT));
        Button show = new Button(row, SWT.PUSH);
        show.setText("Show");
        show.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SETTINGS_LINES + ".show");
        show.addListener(SWT.Selection, e -> showLinesOf(mac.getText().strip()));
        mac.addListener(SWT.DefaultSelection, e -> showLinesOf(mac.getText().strip()));
    }

    private static UnaryOperator<String> properties() {
        var ctx = FrameworkUtil.getBundle(ProvisioningSettingsEditor.class).getBundleContext();
        return ctx::getProperty;
    }

    private void load() {
        Display display = getSite().getShell().getDisplay();
        Path scopes = SettingsLocations.scopesFile(properties()).orElse(null);
        Path care = SettingsLocations.careCsv(properties()).orElse(null);
        Job job = Job.create("Reading the provisioning settings", monitor -> {
            ProvisioningStore s = store.get().orElse(null);
            if (s == null) {
                display.asyncExec(() -> showSummary("No provisioning store: the settings cannot be read."));
                return Status.error("no ProvisioningStore service");
            }
            try {
                // the voice lines of the first MTAs the provisioning server knows (snapshots of every
                // session: taken here, not on the UI thread)
                Set<String> macs = new LinkedHashSet<>();
                actions.get().ifPresent(a -> a.sessions().stream().limit(50).map(SessionSnapshot::enrollment)
                        .forEach(e -> macs.add(e.mac())));
                SettingsStorage.Loaded loaded = new SettingsStorage(s).load(scopes, care, macs);
                display.asyncExec(() -> loaded(loaded));
                return Status.OK_STATUS;
            } catch (Exception e) {
                display.asyncExec(() -> showSummary("Cannot read the settings: " + e.getMessage()));
                return Status.error("cannot read the settings", e);
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    private void loaded(SettingsStorage.Loaded loaded) {
        if (summary.isDisposed()) {
            return;
        }
        for (SettingsTableModel m : models) {
            List<SettingsRow> rows = new ArrayList<>();
            for (Map<String, String> r : loaded.tables().of(m.name())) {
                rows.add(new SettingsRow(r, fixedKeys(m, r)));
            }
            m.replaceAll(rows);
        }
        baseline = snapshot();
        sources = loaded.sources();
        changed();
    }

    private static Set<String> fixedKeys(SettingsTableModel m, Map<String, String> r) {
        if (m.name().equals(SettingsTables.CLASSES)) {
            return Set.of("id"); // the store cannot delete a class, so a stored one keeps its id
        }
        if (m.name().equals(SettingsTables.SCOPES) && ProvisioningStore.ALL_SCOPES.equals(r.get("name"))) {
            return Set.of("name", "relays", "subnet", "router", "leaseTime", "pool.pktc", "pool.docsis",
                    "pool.other", "realm");
        }
        return Set.of();
    }

    /** Loads one more MTA's lines (not an edit: nothing to undo, not dirty). */
    private void showLinesOf(String mac) {
        if (!CareCsv.isMac(mac) || sources == null) {
            showSummary("'" + mac + "' is not a MAC address (aa:bb:cc:dd:ee:ff)");
            return;
        }
        Display display = getSite().getShell().getDisplay();
        SettingsStorage.Sources src = sources;
        Job.create("Reading the voice lines of " + mac, monitor -> {
            ProvisioningStore s = store.get().orElse(null);
            if (s != null) {
                SettingsStorage.Loaded more = new SettingsStorage(s).loadLines(mac, src);
                display.asyncExec(() -> linesLoaded(mac, more));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void linesLoaded(String mac, SettingsStorage.Loaded more) {
        if (summary.isDisposed() || sources.mtaVariables().containsKey(mac.toLowerCase())) {
            return;
        }
        SettingsTableModel lines = models.get(2);
        List<Map<String, String>> rows = more.tables().of(SettingsTables.LINES);
        rows.forEach(r -> lines.rows().add(new SettingsRow(r, Set.of())));
        Map<String, List<Map<String, String>>> base = new LinkedHashMap<>(baseline.rows());
        List<Map<String, String>> baseLines = new ArrayList<>(baseline.of(SettingsTables.LINES));
        baseLines.addAll(rows);
        base.put(SettingsTables.LINES, baseLines);
        baseline = new SettingsStorage.Tables(base);
        sources = more.sources();
        changed();
    }

    /** UI thread: sets one field as an undoable operation (what cell editing calls). */
    public void edit(SettingsRow row, String key, String value) {
        execute(new SettingsOperations.SetField(undoContext, row, key, value, this::changed));
    }

    private void addRow(SettingsTableModel m) {
        if (baseline != null) {
            execute(new SettingsOperations.AddOrRemoveRow(undoContext, m, m.newRow(), true, this::changed));
        }
    }

    private void removeRow(SettingsTableModel m, SettingsRow r) {
        if (r.fixedKeys().isEmpty()) {
            execute(new SettingsOperations.AddOrRemoveRow(undoContext, m, r, false, this::changed));
        } else {
            showSummary("This row cannot be removed (the store keeps device classes; '*' is every scope's layer).");
        }
    }

    private void execute(IUndoableOperation op) {
        try {
            history().execute(op, null, null);
        } catch (org.eclipse.core.commands.ExecutionException e) {
            showSummary("Edit failed: " + e.getMessage());
        }
    }

    private static IOperationHistory history() {
        return PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
    }

    /** After every edit, undo, redo, load and save: refresh, check, dirty marker, listeners. */
    private void changed() {
        if (summary == null || summary.isDisposed()) {
            return;
        }
        pages.forEach(SettingsPage::refresh);
        List<SettingsProblem> found = new ArrayList<>();
        models.forEach(m -> found.addAll(m.problems()));
        problems = List.copyOf(found);
        problemList.setItems(problems.stream().map(SettingsProblem::toString).toArray(String[]::new));
        long errors = problems.stream().filter(SettingsProblem::error).count();
        showSummary((saving ? "Saving... " : "") + errors + " error(s), " + (problems.size() - errors)
                + " warning(s)" + (isDirty() ? "; unsaved changes" : "") + (errors > 0 ? ": fix the errors to save" : ""));
        firePropertyChange(PROP_DIRTY);
        problemListeners.forEach(l -> l.accept(problems));
    }

    private void showSummary(String text) {
        if (!summary.isDisposed()) {
            summary.setText(text);
            summary.getParent().layout(true);
        }
    }

    private SettingsStorage.Tables snapshot() {
        Map<String, List<Map<String, String>>> t = new LinkedHashMap<>();
        models.forEach(m -> t.put(m.name(), m.snapshot()));
        return new SettingsStorage.Tables(t);
    }

    /** The current problems (UI thread). */
    public List<SettingsProblem> problems() {
        return problems;
    }

    /** Notified on the UI thread with the problems after every change (the Problems view markers). */
    public void addProblemListener(Consumer<List<SettingsProblem>> l) {
        problemListeners.add(l);
        l.accept(problems);
    }

    public IUndoContext undoContext() {
        return undoContext;
    }

    @Override
    public boolean isDirty() {
        return baseline != null && !snapshot().equals(baseline);
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (problems.stream().anyMatch(SettingsProblem::error) || saving || baseline == null) {
            changed();
            monitor.setCanceled(true);
            return;
        }
        SettingsStorage.Tables before = baseline;
        SettingsStorage.Tables after = snapshot();
        SettingsStorage.Sources src = sources;
        Display display = getSite().getShell().getDisplay();
        saving = true;
        changed();
        Job job = new Job("Saving the provisioning settings") {
            @Override
            protected IStatus run(IProgressMonitor m) {
                ProvisioningStore s = store.get().orElse(null);
                try {
                    if (s == null) {
                        throw new IllegalStateException("no provisioning store");
                    }
                    SettingsStorage.Sources next = new SettingsStorage(s).save(before, after, src);
                    display.asyncExec(() -> saved(after, next, null));
                    return Status.OK_STATUS;
                } catch (Exception e) {
                    display.asyncExec(() -> saved(before, src, e.getMessage()));
                    return Status.error("cannot save the settings: " + e.getMessage(), e);
                }
            }
        };
        job.setUser(false);
        job.schedule();
    }

    private void saved(SettingsStorage.Tables savedState, SettingsStorage.Sources next, String error) {
        saving = false;
        baseline = savedState;
        sources = next;
        changed();
        if (error != null) {
            showSummary("Not saved: " + error);
        }
    }

    /** Whether a save is running (tests wait for it). */
    public boolean isSaving() {
        return saving;
    }

    @Override
    public void doSaveAs() {
        // settings have one place
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void setFocus() {
        if (!pages.isEmpty()) {
            pages.get(0).viewer().getTable().setFocus();
        }
    }

    /** The page of a table (tests and the Problems view's "go to"). */
    SettingsPage page(String tableName) {
        return pages.stream().filter(p -> p.model().name().equals(tableName)).findFirst().orElseThrow();
    }

    @Override
    public void dispose() {
        history().dispose(undoContext, true, true, true);
        if (undo != null) {
            undo.dispose();
            redo.dispose();
        }
        store.close();
        actions.close();
        super.dispose();
    }
}
