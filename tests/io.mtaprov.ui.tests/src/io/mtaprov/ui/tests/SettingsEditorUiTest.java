package io.mtaprov.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.provisioning.DeviceClass;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.core.settings.SettingsLocations;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.server.dhcp.DhcpConfig;
import io.mtaprov.server.dhcp.DhcpConfigLoader;
import io.mtaprov.server.dhcp.Scope;
import io.mtaprov.sim.demo.DemoMta;
import io.mtaprov.tests.support.Await;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.editors.settings.ProvisioningSettingsEditor;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.core.commands.common.CommandException;
import org.eclipse.jface.util.Policy;
import org.eclipse.jface.viewers.ViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The settings editor in the running console, driven through its real widgets: cells are edited
 * with the table's cell editor (Enter applies), Add is pressed, Undo and Save are the workbench
 * commands (what Ctrl+Z and Ctrl+S run). Checks the dirty marker, the check (errors block saving, a
 * scope without an option 122 realm is a warning), undo back to clean, the save prompt on close,
 * and that what is saved is what the store and the DHCP server's loader read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsEditorUiTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String CARE_MAC = "02:4d:54:00:00:99";
    static ProvisioningSettingsEditor editor;

    @BeforeAll
    static void workbench() {
        Await.until("the workbench window", WAIT, () -> Widgets.onUi(
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null));
    }

    @AfterAll
    static void closeEditors() {
        Widgets.onUi(() -> page().closeAllEditors(false));
        Widgets.onUi(() -> {
            page().setEditorAreaVisible(false);
            return null;
        });
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    static void command(String id) {
        Widgets.onUi(() -> {
            try {
                PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(id, null);
            } catch (CommandException e) {
                throw new AssertionError(id, e);
            }
            return null;
        });
    }

    static ProvisioningSettingsEditor openEditor() {
        command(UiIds.COMMAND_OPEN_SETTINGS);
        ProvisioningSettingsEditor e = Widgets.onUi(() -> (ProvisioningSettingsEditor) page().findEditor(
                io.mtaprov.ui.editors.settings.SettingsEditorInput.INSTANCE));
        Await.until("the settings read by the load Job", WAIT,
                () -> Widgets.rows(UiIds.WIDGET_SETTINGS_CLASSES).size() >= 2);
        return e;
    }

    static void showTab(int index) {
        Widgets.onUi(() -> {
            CTabFolder tabs = (CTabFolder) Widgets.find(UiIds.WIDGET_SETTINGS_TABS).orElseThrow();
            tabs.setSelection(index);
            return null;
        });
    }

    /** Edits a cell as a user does: the table's cell editor opens, gets the text, Enter applies it. */
    static void editCell(String tableId, int row, String columnLabel, String value) {
        Widgets.onUi(() -> {
            Table t = (Table) Widgets.find(tableId).orElseThrow();
            int col = columnIndex(t, columnLabel);
            ViewerColumn vc = (ViewerColumn) t.getColumn(col).getData(Policy.JFACE + ".columnViewer");
            t.setSelection(row);
            vc.getViewer().editElement(t.getItem(row).getData(), col);
            Control focus = Display.getDefault().getFocusControl();
            assertThat(focus).as("the cell editor of " + columnLabel).isInstanceOf(Text.class);
            ((Text) focus).setText(value);
            focus.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
            return null;
        });
    }

    static int columnIndex(Table t, String label) {
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumn(i).getText().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no column " + label);
    }

    static String cell(String tableId, int row, String columnLabel) {
        return Widgets.onUi(() -> {
            Table t = (Table) Widgets.find(tableId).orElseThrow();
            return t.getItem(row).getText(columnIndex(t, columnLabel));
        });
    }

    static int rowOf(String tableId, int column, String text) {
        List<List<String>> rows = Widgets.rows(tableId);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(column).equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no row '" + text + "' in " + tableId + ": " + rows);
    }

    static void press(String buttonId) {
        Widgets.onUi(() -> {
            Button b = (Button) Widgets.find(buttonId).orElseThrow();
            b.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            return null;
        });
    }

    static List<String> problems() {
        return Widgets.onUi(() -> Arrays.asList(((org.eclipse.swt.widgets.List) Widgets
                .find(UiIds.WIDGET_SETTINGS_PROBLEMS).orElseThrow()).getItems()));
    }

    static String summary() {
        return Widgets.onUi(() -> ((Label) Widgets.find(UiIds.WIDGET_SETTINGS_SUMMARY).orElseThrow()).getText());
    }

    static boolean dirty() {
        return Widgets.onUi(() -> editor.isDirty()
                && Arrays.asList(page().getDirtyEditors()).contains(editor));
    }

    static void saveAndWait() {
        command("org.eclipse.ui.file.save");
        Await.until("the save Job", WAIT, () -> Widgets.onUi(() -> !editor.isSaving() && !editor.isDirty()));
    }

    @Test
    @Order(1)
    void opensFromTheCommandWithTheStoredClassesAndTheEveryScopeLayer() {
        editor = openEditor();
        assertThat(Widgets.rows(UiIds.WIDGET_SETTINGS_CLASSES)).extracting(r -> r.get(0))
                .contains(io.mtaprov.core.provisioning.DefaultLayers.CABLELABS_CLASS,
                        io.mtaprov.core.provisioning.DefaultLayers.IETF_CLASS);
        assertThat(Widgets.rows(UiIds.WIDGET_SETTINGS_SCOPES)).extracting(r -> r.get(0)).contains("*");
        int all = rowOf(UiIds.WIDGET_SETTINGS_SCOPES, 0, "*");
        assertThat(cell(UiIds.WIDGET_SETTINGS_SCOPES, all, "Config layer (name=value; ...)"))
                .contains("callAgent=[127.0.0.1]").contains("realm.name=MTAPROV.LAB");
        assertThat(dirty()).isFalse();
        assertThat(problems()).isEmpty();
    }

    @Test
    @Order(2)
    void aBadPriorityIsAnErrorThatBlocksSavingAndUndoMakesTheEditorCleanAgain() {
        showTab(0);
        int row = rowOf(UiIds.WIDGET_SETTINGS_CLASSES, 0, "default");
        editCell(UiIds.WIDGET_SETTINGS_CLASSES, row, "Priority", "high");
        assertThat(cell(UiIds.WIDGET_SETTINGS_CLASSES, row, "Priority")).isEqualTo("high");
        assertThat(dirty()).isTrue();
        assertThat(Widgets.onUi(() -> page().getActiveEditor().getTitle())).isEqualTo("Provisioning Settings");
        assertThat(problems()).anyMatch(p -> p.contains("'default'") && p.contains("priority 'high' is not a number"));

        command("org.eclipse.ui.file.save");
        assertThat(dirty()).as("an error blocks saving").isTrue();
        assertThat(summary()).contains("1 error(s)").contains("fix the errors to save");

        command("org.eclipse.ui.edit.undo");
        assertThat(cell(UiIds.WIDGET_SETTINGS_CLASSES, row, "Priority")).isEqualTo("0");
        assertThat(dirty()).isFalse();
        assertThat(problems()).isEmpty();
        command("org.eclipse.ui.edit.redo");
        assertThat(cell(UiIds.WIDGET_SETTINGS_CLASSES, row, "Priority")).isEqualTo("high");
        command("org.eclipse.ui.edit.undo");
        assertThat(dirty()).isFalse();
    }

    @Test
    @Order(3)
    void aNewScopeWithoutRealmIsAWarningAndIsSavedWhereTheDhcpServerReadsIt() throws IOException {
        showTab(1);
        press(UiIds.WIDGET_SETTINGS_SCOPES + ".add");
        int row = rowOf(UiIds.WIDGET_SETTINGS_SCOPES, 0, "cmts");
        assertThat(dirty()).isTrue();
        editCell(UiIds.WIDGET_SETTINGS_SCOPES, row, "Scope", "cmts7");
        editCell(UiIds.WIDGET_SETTINGS_SCOPES, row, "Relays (giaddr)", "192.168.7.1");
        editCell(UiIds.WIDGET_SETTINGS_SCOPES, row, "Pool MTA", "10.20.0.10-10.20.0.99");
        editCell(UiIds.WIDGET_SETTINGS_SCOPES, row, "Pool CM", "10.30.0.10-10.30.0.99");
        assertThat(problems()).anyMatch(p -> p.contains("'cmts7'") && p.contains("pool docsis")
                && p.contains("outside the subnet"));
        command("org.eclipse.ui.edit.undo");
        assertThat(problems()).noneMatch(p -> p.contains("outside"));
        editCell(UiIds.WIDGET_SETTINGS_SCOPES, row, "Realm (122.6)", "");
        editCell(UiIds.WIDGET_SETTINGS_SCOPES, row, "Config layer (name=value; ...)", "callAgent=[10.20.0.2]");
        assertThat(problems()).singleElement().asString().startsWith("Warning in CMTS scopes 'cmts7'")
                .contains("no option 122 realm");

        saveAndWait();
        assertThat(summary()).contains("0 error(s), 1 warning(s)");
        ProvisioningStore store = ConsoleUiTest.service(ProvisioningStore.class);
        assertThat(store.cmtsVariables("cmts7")).containsExactlyEntriesOf(java.util.Map.of("callAgent", "[10.20.0.2]"));

        Path file = SettingsLocations.scopesFile(k -> ctxProperty(k)).orElseThrow();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        DhcpConfig config = DhcpConfigLoader.fromProperties(p, ProvisioningNetwork.LOOPBACK_DEFAULTS,
                Ipv4Address.parse("127.0.0.1"), 10, 30_000);
        Scope scope = config.relayScopes().get(0);
        assertThat(scope.name()).isEqualTo("cmts7");
        assertThat(scope.realm()).as("empty: no option 122 on this CMTS").isEmpty();
        assertThat(config.scopeFor(Ipv4Address.parse("192.168.7.1").bits())).contains(scope);
    }

    @Test
    @Order(4)
    void voiceLinesOfAnMtaAreSavedIntoItsLayer() {
        showTab(2);
        String mac = DemoMta.DEMO_MAC;
        Widgets.onUi(() -> {
            ((Text) Widgets.find(UiIds.WIDGET_SETTINGS_LINES + ".mac").orElseThrow()).setText(mac);
            return null;
        });
        press(UiIds.WIDGET_SETTINGS_LINES + ".show");
        press(UiIds.WIDGET_SETTINGS_LINES + ".add");
        int row = Widgets.rows(UiIds.WIDGET_SETTINGS_LINES).size() - 1;
        assertThat(problems()).anyMatch(p -> p.contains("is not a MAC address"));
        editCell(UiIds.WIDGET_SETTINGS_LINES, row, "MTA", mac);
        editCell(UiIds.WIDGET_SETTINGS_LINES, row, "Line", "2");
        editCell(UiIds.WIDGET_SETTINGS_LINES, row, "Port", "70000");
        assertThat(problems()).anyMatch(p -> p.contains("port 70000 is outside 1..65535"));
        editCell(UiIds.WIDGET_SETTINGS_LINES, row, "Port", "2427");
        editCell(UiIds.WIDGET_SETTINGS_LINES, row, "Number", "+15551230002");
        assertThat(problems()).noneMatch(p -> p.startsWith("Error"));
        saveAndWait();
        ProvisioningStore store = ConsoleUiTest.service(ProvisioningStore.class);
        assertThat(store.mtaVariables(mac)).containsEntry("line.2.number", "+15551230002")
                .containsEntry("line.2.port", "2427").containsEntry("lines", "2");
    }

    @Test
    @Order(5)
    void closingWithUnsavedChangesPromptsAndNoKeepsTheStoreAsItWas() {
        showTab(3);
        press(UiIds.WIDGET_SETTINGS_CARE + ".add");
        editCell(UiIds.WIDGET_SETTINGS_CARE, 0, "MTA", CARE_MAC);
        editCell(UiIds.WIDGET_SETTINGS_CARE, 0, "Variables (name=value; ...)", "line.1.number=5550001; deviceClass=default");
        assertThat(dirty()).isTrue();
        Display.getDefault().asyncExec(() -> page().closeEditor(editor, true));
        Await.until("the save prompt", WAIT, () -> Widgets.onUi(() -> dontSave().isPresent()));
        String prompt = Widgets.onUi(() -> dontSave().orElseThrow().getShell().getText());
        Widgets.onUi(() -> {
            Button no = dontSave().orElseThrow();
            no.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
            return null;
        });
        Await.until("the editor closed", WAIT, () -> Widgets.onUi(() -> page().findEditor(
                io.mtaprov.ui.editors.settings.SettingsEditorInput.INSTANCE) == null));
        assertThat(prompt).isNotBlank();
        Path care = SettingsLocations.careCsv(SettingsEditorUiTest::ctxProperty).orElseThrow();
        assertThat(care).doesNotExist();
    }

    @Test
    @Order(6)
    void reopenedItShowsWhatWasSavedAndAScreenshotForTheReadme() {
        editor = openEditor();
        showTab(1);
        Await.until("the saved scope", WAIT, () -> Widgets.rows(UiIds.WIDGET_SETTINGS_SCOPES).stream()
                .anyMatch(r -> r.get(0).equals("cmts7") && r.get(1).equals("192.168.7.1")));
        assertThat(problems()).anyMatch(p -> p.contains("no option 122 realm"));
        ProvisioningStore store = ConsoleUiTest.service(ProvisioningStore.class);
        assertThat(store.deviceClasses()).extracting(DeviceClass::priority).containsOnly(0);
        String docs = System.getProperty("mtaprov.docs");
        if (docs != null) {
            Widgets.onUi(() -> {
                page().setPartState(page().getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
                return null;
            });
            Screenshots.ofWorkbench(Path.of(docs, "settings.png"));
            Widgets.onUi(() -> {
                page().setPartState(page().getReference(editor), IWorkbenchPage.STATE_RESTORED);
                return null;
            });
        }
    }

    /** The "No" / "Don't Save" button of the workbench's save prompt, once it is open. */
    static Optional<Button> dontSave() {
        return promptButton("No").or(() -> promptButton("Don't Save"));
    }

    static Optional<Button> promptButton(String label) {
        for (Shell s : Display.getDefault().getShells()) {
            if (s.isVisible() && s != PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()) {
                Optional<Button> b = button(s, label);
                if (b.isPresent()) {
                    return b;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Button> button(Control c, String label) {
        if (c instanceof Button b && b.getText().replace("&", "").equals(label)) {
            return Optional.of(b);
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (Control child : comp.getChildren()) {
                Optional<Button> f = button(child, label);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    static String ctxProperty(String key) {
        return org.osgi.framework.FrameworkUtil.getBundle(SettingsEditorUiTest.class).getBundleContext()
                .getProperty(key);
    }

    static IEditorPart active() {
        return Widgets.onUi(() -> page().getActiveEditor());
    }
}
