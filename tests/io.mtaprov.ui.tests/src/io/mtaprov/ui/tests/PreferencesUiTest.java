package io.mtaprov.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.sim.demo.DemoMta;
import io.mtaprov.tests.support.Await;
import io.mtaprov.tests.support.FreePorts;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.preferences.ConsolePreferences;
import io.mtaprov.ui.preferences.ServersPreferencePage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.views.properties.PropertySheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Preferences, the Properties view and key bindings in the running console: the Servers
 * preference page refuses a port outside 1..65535, and OK moves the running TFTP server to the new
 * port (the Servers view shows it); a trace event selected in the Trace view shows its fields in
 * the Properties view; the main commands have their keys.
 */
class PreferencesUiTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final int TFTP_PORT = Integer.getInteger("mtaprov.tftp.port", 10069);

    @BeforeAll
    static void workbench() {
        Await.until("the workbench window", WAIT, () -> Widgets.onUi(
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null));
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @Test
    void theServersPageRefusesABadPortAndOkMovesTheRunningServer() {
        int newPort = FreePorts.udp();
        PreferenceDialog dialog = Widgets.onUi(() -> {
            PreferenceDialog d = PreferencesUtil.createPreferenceDialogOn(
                    PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), ServersPreferencePage.ID, null,
                    null);
            d.setBlockOnOpen(false);
            d.open();
            return d;
        });
        try {
            Widgets.onUi(() -> {
                Text port = (Text) find(dialog.getShell(), "prefs.tftp.port").orElseThrow();
                assertThat(port.getText()).isEqualTo(Integer.toString(TFTP_PORT));
                port.setText("70000");
                port.notifyListeners(SWT.KeyUp, new Event()); // the field checks on key release
                return null;
            });
            PreferencePage page = Widgets.onUi(() -> (PreferencePage) dialog.getSelectedPage());
            assertThat(Widgets.onUi(page::isValid)).isFalse();
            assertThat(Widgets.onUi(page::getErrorMessage)).contains("1..65535");
            assertThat(Widgets.onUi(() -> okButton(dialog).isEnabled())).isFalse();
            Widgets.onUi(() -> {
                Text port = (Text) find(dialog.getShell(), "prefs.tftp.port").orElseThrow();
                port.setText(Integer.toString(newPort));
                port.notifyListeners(SWT.KeyUp, new Event());
                Button ok = okButton(dialog);
                assertThat(ok.isEnabled()).isTrue();
                ok.notifyListeners(SWT.Selection, new Event());
                return null;
            });
            Await.until("TFTP RUNNING on port " + newPort, WAIT, () -> Widgets.rows(UiIds.WIDGET_SERVERS_TABLE).stream()
                    .anyMatch(r -> r.get(0).equals("TFTP server") && r.get(1).equals("RUNNING")
                            && r.get(4).equals(Integer.toString(newPort))));
            assertThat(ConsolePreferences.store().getInt(ConsolePreferences.key("tftp", "port"))).isEqualTo(newPort);
        } finally {
            Widgets.onUi(() -> {
                if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                    dialog.close();
                }
                ConsolePreferences.store().setValue(ConsolePreferences.key("tftp", "port"), TFTP_PORT);
                ConsolePreferences.applyToServers();
                return null;
            });
            Await.until("TFTP back on " + TFTP_PORT, WAIT, () -> Widgets.rows(UiIds.WIDGET_SERVERS_TABLE).stream()
                    .anyMatch(r -> r.get(0).equals("TFTP server") && r.get(1).equals("RUNNING")
                            && r.get(4).equals(Integer.toString(TFTP_PORT))));
        }
    }

    @Test
    void aTraceEventSelectedInTheTraceViewShowsItsFieldsInThePropertiesView() {
        Await.until("a trace row of the demo MTA", WAIT, () -> Widgets.rows(UiIds.WIDGET_TRACE_TABLE).stream()
                .anyMatch(r -> r.get(1).equals(DemoMta.DEMO_MAC)));
        PropertySheet sheet = Widgets.onUi(() -> {
            try {
                PropertySheet p = (PropertySheet) page().showView(IPageLayout.ID_PROP_SHEET, null,
                        IWorkbenchPage.VIEW_VISIBLE);
                IViewPart trace = page().showView(UiIds.VIEW_TRACE);
                page().activate(trace);
                Table t = (Table) Widgets.find(UiIds.WIDGET_TRACE_TABLE).orElseThrow();
                for (int i = 0; i < t.getItemCount(); i++) {
                    if (t.getItem(i).getText(1).equals(DemoMta.DEMO_MAC)) {
                        t.setSelection(i);
                        Event e = new Event();
                        e.item = t.getItem(i);
                        t.notifyListeners(SWT.Selection, e);
                        break;
                    }
                }
                return p;
            } catch (PartInitException e) {
                throw new AssertionError(e);
            }
        });
        try {
            Await.until("the event's MAC in the Properties view", WAIT, () -> Widgets.onUi(() -> properties(sheet))
                    .stream().anyMatch(r -> r.equals("MTA MAC=" + DemoMta.DEMO_MAC)));
        } catch (AssertionError timedOut) {
            String why = Widgets.onUi(() -> {
                Object selected = ((org.eclipse.jface.viewers.IStructuredSelection) page().getSelection())
                        .getFirstElement();
                return "page " + sheet.getCurrentPage().getClass().getName() + ", control "
                        + sheet.getCurrentPage().getControl() + ", window selection " + selected + ", adapter "
                        + org.eclipse.core.runtime.Adapters.adapt(selected,
                                org.eclipse.ui.views.properties.IPropertySource.class)
                        + ", active part " + page().getActivePart();
            });
            assertThat(Widgets.onUi(() -> properties(sheet))).as("the Properties view's rows; " + why)
                    .contains("MTA MAC=" + DemoMta.DEMO_MAC);
        }
        assertThat(Widgets.onUi(() -> properties(sheet))).anyMatch(r -> r.startsWith("Step="))
                .anyMatch(r -> r.startsWith("Source=")).anyMatch(r -> r.startsWith("Outcome="));
    }

    @Test
    void theMainCommandsHaveKeys() {
        List<String> keys = Widgets.onUi(() -> {
            IBindingService b = PlatformUI.getWorkbench().getService(IBindingService.class);
            return List.of(b.getBestActiveBindingFormattedFor(UiIds.COMMAND_OPEN_SETTINGS),
                    b.getBestActiveBindingFormattedFor(UiIds.COMMAND_OPEN_CONFIG),
                    b.getBestActiveBindingFormattedFor("org.eclipse.ui.edit.undo"),
                    b.getBestActiveBindingFormattedFor("org.eclipse.ui.file.save"));
        });
        // GTK formats modifiers in its own order ("Shift+Ctrl+P")
        assertThat(keys.get(0)).isIn("Ctrl+Shift+P", "Shift+Ctrl+P");
        assertThat(keys.subList(1, 4)).containsExactly("Ctrl+O", "Ctrl+Z", "Ctrl+S");
    }

    /** "name=value" of every row of the Properties view's tree. */
    static List<String> properties(PropertySheet sheet) {
        List<String> out = new ArrayList<>();
        Control c = sheet.getCurrentPage().getControl();
        if (c instanceof Tree tree) {
            for (TreeItem item : tree.getItems()) {
                collect(item, out);
            }
        }
        return out;
    }

    private static void collect(TreeItem item, List<String> out) {
        item.setExpanded(true);
        out.add(item.getText(0) + "=" + item.getText(1));
        for (TreeItem child : item.getItems()) {
            collect(child, out);
        }
    }

    static Button okButton(PreferenceDialog dialog) {
        return button(dialog.getShell(), "Apply and Close").or(() -> button(dialog.getShell(), "OK")).orElseThrow();
    }

    static Optional<Button> button(Control c, String label) {
        if (c instanceof Button b && b.getText().replace("&", "").equals(label)) {
            return Optional.of(b);
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                Optional<Button> f = button(child, label);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Control> find(Control c, String id) {
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
}
