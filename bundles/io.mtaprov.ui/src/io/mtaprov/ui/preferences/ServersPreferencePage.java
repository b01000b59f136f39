package io.mtaprov.ui.preferences;

import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerRegistry;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.ServiceAccess;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/**
 * Window > Preferences > MTA Provisioning > Servers: bind address, port and autostart of each
 * embedded server. The defaults are the server's current settings; OK restarts a running server
 * whose settings changed (in a Job). Ports are checked as 1..65535 and addresses as IPv4 literals,
 * so no name lookup runs on the UI thread.
 */
public class ServersPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    public static final String ID = "io.mtaprov.ui.preferences.servers";

    public ServersPreferencePage() {
        super(GRID);
        setDescription("Where each embedded server listens. A running server whose settings change is restarted.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(ConsolePreferences.store());
        try (ServiceAccess<ServerRegistry> registry = new ServiceAccess<>(ServerRegistry.class)) {
            registry.get().ifPresent(r -> {
                for (String id : ConsolePreferences.SERVERS) {
                    r.server(id).map(ManagedServer::settings).ifPresent(s -> defaults(id, s));
                }
            });
        }
    }

    private void defaults(String id, ServerSettings s) {
        var store = getPreferenceStore();
        store.setDefault(ConsolePreferences.key(id, "bind"), s.bindAddress());
        store.setDefault(ConsolePreferences.key(id, "port"), s.port());
        store.setDefault(ConsolePreferences.key(id, "autostart"), s.autoStart());
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        for (String id : ConsolePreferences.SERVERS) {
            if (!getPreferenceStore().contains(ConsolePreferences.key(id, "port"))) {
                continue; // that server is not installed
            }
            Label title = new Label(parent, 0);
            title.setText(id.toUpperCase());
            title.setLayoutData(new org.eclipse.swt.layout.GridData(0, 0, false, false, 2, 1));
            StringFieldEditor bind = new StringFieldEditor(ConsolePreferences.key(id, "bind"), "Bind address:", parent) {
                @Override
                protected boolean doCheckState() {
                    return isIpv4Literal(getStringValue().strip());
                }
            };
            bind.setErrorMessage(id + ": the bind address must be an IPv4 address (0.0.0.0 for all interfaces)");
            bind.getTextControl(parent).setData(UiIds.WIDGET_KEY, "prefs." + id + ".bind");
            addField(bind);
            IntegerFieldEditor port = new IntegerFieldEditor(ConsolePreferences.key(id, "port"), "Port:", parent);
            port.setValidRange(1, 65535);
            port.setErrorMessage(id + ": the port must be 1..65535");
            port.getTextControl(parent).setData(UiIds.WIDGET_KEY, "prefs." + id + ".port");
            addField(port);
            addField(new BooleanFieldEditor(ConsolePreferences.key(id, "autostart"), "Start with the console",
                    parent));
        }
    }

    static boolean isIpv4Literal(String s) {
        if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        try {
            return InetAddress.getByName(s).getAddress().length == 4; // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        if (ok) {
            ConsolePreferences.applyToServers();
        }
        return ok;
    }
}
