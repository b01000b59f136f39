package io.mtaprov.ui.editors.config;

import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.config.ConfigTlv;
import io.mtaprov.protocol.config.HashCheck;
import io.mtaprov.protocol.config.HashDialect;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.SharedHeaderFormEditor;
import org.eclipse.ui.forms.widgets.ScrolledForm;

/**
 * The PacketCable MTA configuration file editor (DESIGN "Editors"): a form editor with a loading
 * page while a Job reads the file, then a Text page (docsis syntax, validated before leaving it),
 * a Structure page (TLV tree, varbind values editable) and a Hex page; an error page if the file
 * cannot be decoded. The shared header shows the file, the hash status and the actions (hash
 * dialect, insert/recompute and verify the hash, save as binary or text).
 *
 * <p>All methods run on the UI thread; files are read and written in Jobs
 * ({@link ConfigFileJobs}). Saving writes asynchronously: the editor turns clean when the write
 * Job reports success.
 */
public class ConfigFileEditor extends SharedHeaderFormEditor {
    /** Page id of the Text page. */
    public static final String PAGE_TEXT = "text";
    /** Page id of the Structure page. */
    public static final String PAGE_STRUCTURE = "structure";
    /** Page id of the Hex page. */
    public static final String PAGE_HEX = "hex";
    private static final String[] PAGE_IDS = {PAGE_TEXT, PAGE_STRUCTURE, PAGE_HEX};

    private final ConfigWorkingCopy copy = new ConfigWorkingCopy();
    private ConfigFileEditorInput input;
    private ConfigFormat format = ConfigFormat.BINARY;
    private HashDialect dialect = HashDialect.CABLELABS;
    private TextPage textPage;
    private StructurePage structurePage;
    private HexPage hexPage;
    private EditorActions actions;
    private boolean loaded;
    private boolean switching;
    private int shownPage = -1;
    private int selectedTlv = -1;

    /**
     * Opens (or activates) the editor on {@code in}, showing the editor area first (the
     * Provisioning perspective hides it until an editor opens).
     */
    public static ConfigFileEditor open(IWorkbenchPage page, ConfigFileEditorInput in) throws PartInitException {
        page.setEditorAreaVisible(true);
        return (ConfigFileEditor) page.openEditor(in, UiIds.EDITOR_CONFIG);
    }

    @Override
    public void init(IEditorSite site, IEditorInput editorInput) throws PartInitException {
        if (!(editorInput instanceof ConfigFileEditorInput in)) {
            throw new PartInitException("not a config file input: " + editorInput);
        }
        super.init(site, editorInput);
        input = in;
        format = in.nameFormat();
        setPartName(in.getName());
        copy.addListener(change -> {
            if (change == ConfigWorkingCopy.Change.DIRTY) {
                firePropertyChange(PROP_DIRTY);
            } else if (change == ConfigWorkingCopy.Change.VALIDATED) {
                showStatus();
            } else if (change == ConfigWorkingCopy.Change.TEXT_REPLACED && loaded) {
                refreshPage(getActivePage());
            }
        });
    }

    @Override
    protected void createHeaderContents(IManagedForm headerForm) {
        ScrolledForm form = headerForm.getForm();
        form.setText(getEditorInput().getName());
        getToolkit().decorateFormHeading(form.getForm());
        actions = new EditorActions(this);
        actions.fill(form.getToolBarManager());
        form.getToolBarManager().update(true);
    }

    @Override
    protected void addPages() {
        Composite loading = new Composite(getContainer(), SWT.NONE);
        loading.setLayout(new GridLayout());
        Label label = new Label(loading, SWT.NONE);
        label.setText(NLS.bind(Messages.ConfigEditor_loading, input.getName()));
        label.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_CONFIG_LOADING);
        label.setLayoutData(new GridData(SWT.CENTER, SWT.CENTER, true, true));
        addPage(loading);
        setPageText(0, NLS.bind(Messages.ConfigEditor_loading, ""));
        ConfigFileJobs.load(getContainer().getDisplay(), input, this::loadedOnUi);
    }

    private void loadedOnUi(LoadedConfig result) {
        if (getContainer() == null || getContainer().isDisposed()) {
            return;
        }
        format = result.format();
        if (result.error() != null) {
            Composite error = new Composite(getContainer(), SWT.NONE);
            error.setLayout(new GridLayout());
            Label label = new Label(error, SWT.WRAP);
            label.setText(NLS.bind(Messages.ConfigEditor_loadFailed, input.getName(), result.error()));
            label.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_CONFIG_ERROR);
            addPage(error);
            removePage(0);
            setActivePage(0);
            message(NLS.bind(Messages.ConfigEditor_loadFailed, input.getName(), result.error()), IMessageProvider.ERROR);
            return;
        }
        textPage = new TextPage(copy);
        structurePage = new StructurePage(this);
        hexPage = new HexPage();
        IActionBars bars = getEditorSite().getActionBars();
        bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), textPage.undoAction(false));
        bars.setGlobalActionHandler(ActionFactory.REDO.getId(), textPage.undoAction(true));
        bars.updateActionBars();
        setPageText(addPage(textPage.create(getContainer())), Messages.ConfigEditor_pageText);
        setPageText(addPage(structurePage.create(getContainer())), Messages.ConfigEditor_pageStructure);
        setPageText(addPage(hexPage.create(getContainer())), Messages.ConfigEditor_pageHex);
        removePage(0);
        shownPage = -1;
        copy.load(result.text());
        textPage.loaded();
        if (copy.document() != null) {
            dialect = io.mtaprov.ui.preferences.ConsolePreferences.hashDialect()
                    .orElseGet(() -> DocumentEdits.dialectOf(copy.document()));
        }
        actions.dialectChanged(dialect);
        loaded = true;
        setActivePage(0);
        showStatus();
    }

    /** Whether the load Job finished and the pages are there. */
    public boolean isLoaded() {
        return loaded;
    }

    /** The id of the page shown ({@link #PAGE_TEXT} ...), or {@code null} while loading. */
    public String activePageId() {
        int i = getActivePage();
        return loaded && i >= 0 && i < PAGE_IDS.length ? PAGE_IDS[i] : null;
    }

    /** Shows page {@code id}; leaving the Text page needs text that parses. Whether it is shown. */
    public boolean showPage(String id) {
        if (!loaded) {
            return false;
        }
        setActivePage(java.util.Arrays.asList(PAGE_IDS).indexOf(id));
        return id.equals(activePageId());
    }

    @Override
    protected void pageChange(int newPage) {
        if (loaded && !switching && shownPage == 0 && newPage != 0 && !copy.validate()) {
            switching = true;
            try {
                setActivePage(0);
            } finally {
                switching = false;
            }
            textPage.revealError();
            parseErrorMessage(Messages.ConfigEditor_parseErrorStay);
            return;
        }
        shownPage = newPage;
        super.pageChange(newPage);
        if (loaded) {
            refreshPage(newPage);
        }
    }

    private void refreshPage(int page) {
        if (page == 1 && copy.validate()) {
            structurePage.refresh(copy.document());
        } else if (page == 2 && copy.validate()) {
            hexPage.refresh(copy.document().toConfigFile(), selectedTlv);
        }
    }

    /** The Structure page's selection, for the Hex page's highlight. */
    void tlvSelected(int index) {
        selectedTlv = index;
    }

    /** A Structure page edit: TLV {@code index} replaced (the text is reprinted, comments kept). */
    void replaceTlv(int index, ConfigTlv tlv) {
        copy.replaceDocument(DocumentEdits.replace(copy.document(), index, tlv));
    }

    /** The hash dialect used by {@link #recomputeHash()}. */
    public HashDialect hashDialect() {
        return dialect;
    }

    /** Sets the hash dialect. */
    public void setHashDialect(HashDialect d) {
        dialect = d;
        actions.dialectChanged(d);
    }

    /** Inserts or recomputes the hash TLV in the chosen dialect (needs text that parses). */
    public void recomputeHash() {
        if (!loaded || !copy.validate()) {
            parseErrorMessage(Messages.ConfigEditor_fixBeforeBinary);
            return;
        }
        try {
            copy.replaceDocument(DocumentEdits.withHash(copy.document(), dialect));
        } catch (IllegalArgumentException e) {
            message(NLS.bind(Messages.ConfigEditor_hashFailed, e.getMessage()), IMessageProvider.ERROR);
        }
    }

    /** Verifies the hash TLV and shows VALID, ABSENT, MISMATCH ... in the header; {@code null} if the text does not parse. */
    public HashCheck.Status verifyHash() {
        if (!loaded || !copy.validate()) {
            parseErrorMessage(Messages.ConfigEditor_fixBeforeBinary);
            return null;
        }
        return showStatus();
    }

    /** The hash status and finding counts in the header; the hash status, or null. */
    private HashCheck.Status showStatus() {
        if (!loaded || !copy.isCurrent()) {
            if (loaded && copy.parseError() != null) {
                parseErrorMessage(Messages.ConfigEditor_parseErrorStay);
            }
            return null;
        }
        HashCheck check = ConfigHash.verify(copy.document().toConfigFile());
        int errors = 0;
        int warnings = 0;
        for (var f : copy.findings()) {
            errors += f.severity() == io.mtaprov.protocol.config.Finding.Severity.ERROR ? 1 : 0;
            warnings += f.severity() == io.mtaprov.protocol.config.Finding.Severity.WARNING ? 1 : 0;
        }
        String text = NLS.bind(Messages.ConfigEditor_hashStatus, check.status().name(),
                NLS.bind(Messages.ConfigEditor_findingsSummary, errors, warnings));
        int type = switch (check.status()) {
            case VALID -> IMessageProvider.INFORMATION;
            case ABSENT -> IMessageProvider.WARNING;
            default -> IMessageProvider.ERROR;
        };
        message(text, type);
        return check.status();
    }

    /** A problem to show in the header (an invalid cell value), or {@code null} to show the status again. */
    void showProblem(String problem) {
        if (problem == null) {
            showStatus();
        } else {
            message(problem, IMessageProvider.ERROR);
        }
    }

    private void parseErrorMessage(String template) {
        var e = copy.parseError();
        if (e != null) {
            message(NLS.bind(template, e.offset(), ConfigWorkingCopy.reason(e)), IMessageProvider.ERROR);
        }
    }

    private void message(String text, int type) {
        getHeaderForm().getForm().setMessage(text, type);
    }

    /** The message in the header (hash status, parse or save errors). */
    public String headerMessage() {
        return getHeaderForm().getForm().getMessage();
    }

    @Override
    public boolean isDirty() {
        return copy.isDirty();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return loaded;
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (input.path() == null) {
            doSaveAs();
            return;
        }
        if (saveAs(input.path(), format) == null) {
            monitor.setCanceled(true);
        }
    }

    @Override
    public void doSaveAs() {
        saveAsWithDialog(format);
    }

    /** Asks for a file of {@code f} and saves there. */
    void saveAsWithDialog(ConfigFormat f) {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(f.filterExtensions());
        dialog.setOverwrite(true);
        String base = input.getName().replaceFirst("\\.[^.]*$", "");
        dialog.setFileName(base + (f == ConfigFormat.BINARY ? ".bin" : ".txt"));
        String chosen = dialog.open();
        if (chosen != null) {
            saveAs(Path.of(chosen), f);
        }
    }

    /**
     * Writes the file as {@code f} to {@code target} in a Job; the editor then edits that file.
     * Binary needs text that parses; returns {@code null} (and says why in the header) otherwise.
     */
    public Job saveAs(Path target, ConfigFormat f) {
        if (!loaded) {
            return null;
        }
        byte[] content;
        if (f == ConfigFormat.BINARY) {
            if (!copy.validate()) {
                parseErrorMessage(Messages.ConfigEditor_fixBeforeBinary);
                return null;
            }
            content = copy.document().toConfigFile().encode();
        } else {
            content = copy.text().getBytes(StandardCharsets.UTF_8);
        }
        long rev = copy.revision();
        return ConfigFileJobs.write(getContainer().getDisplay(), target, content, error -> saved(target, f, rev, error));
    }

    private void saved(Path target, ConfigFormat f, long rev, String error) {
        if (getContainer() == null || getContainer().isDisposed()) {
            return;
        }
        if (error != null) {
            message(NLS.bind(Messages.ConfigEditor_saveFailed, target, error), IMessageProvider.ERROR);
            return;
        }
        format = f;
        if (!target.toAbsolutePath().normalize().equals(input.path())) {
            input = ConfigFileEditorInput.of(target);
            setInputWithNotify(input);
            setPartName(input.getName());
            getHeaderForm().getForm().setText(input.getName());
        }
        copy.markSaved(rev);
        message(NLS.bind(Messages.ConfigEditor_saved, target), IMessageProvider.INFORMATION);
    }

    /** Asks for another config file and compares with it (see {@link #compareWith}). */
    void compareWithDialog() {
        org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(getSite().getShell(), SWT.OPEN);
        d.setFilterExtensions(new String[] {"*.bin;*.cfg;*.txt;*.conf", "*.*"});
        String chosen = d.open();
        if (chosen != null) {
            compareWith(Path.of(chosen));
        }
    }

    /**
     * Reads {@code other} (binary or text) in a Job and shows a line diff of both files' docsis text
     * forms in a modeless dialog: this editor's current text against the other file.
     */
    public Job compareWith(Path other) {
        String mine = copy.text();
        String name = getPartName();
        org.eclipse.swt.widgets.Display display = getSite().getShell().getDisplay();
        Job job = Job.create("Comparing with " + other.getFileName(), monitor -> {
            LoadedConfig theirs = LoadedConfig.read(ConfigFileEditorInput.of(other));
            java.util.List<LineDiff.Line> diff = theirs.text() == null ? null : LineDiff.diff(mine, theirs.text());
            display.asyncExec(() -> {
                if (diff == null) {
                    org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), "Compare",
                            other + " cannot be read as a config file: " + theirs.error());
                } else {
                    new ConfigDiffDialog(getSite().getShell(), name + " \u2194 " + other.getFileName(), diff).open();
                }
            });
            return org.eclipse.core.runtime.Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }

    @Override
    public void setFocus() {
        super.setFocus();
        if (loaded && getActivePage() == 0) {
            textPage.setFocus();
        }
    }
}
