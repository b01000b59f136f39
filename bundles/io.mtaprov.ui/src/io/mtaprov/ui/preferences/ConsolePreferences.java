package io.mtaprov.ui.preferences;

import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerRegistry;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.server.ServerState;
import io.mtaprov.protocol.config.HashDialect;
import io.mtaprov.ui.internal.ServerJobs;
import io.mtaprov.ui.internal.ServiceAccess;
import java.util.Optional;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * The console's preferences (instance scope of io.mtaprov.ui, kept in the workspace): per server
 * bind address, port and autostart ({@code server.<id>.bind|port|autostart}), the rows the Trace
 * view keeps, the hash dialect the config-file editor uses. A server preference that was never set
 * leaves the server's own settings (system properties, defaults) alone. UI thread, except
 * {@link #traceRows()} and {@link #hashDialect()} which only read.
 */
public final class ConsolePreferences {
    public static final String QUALIFIER = "io.mtaprov.ui";
    public static final String TRACE_ROWS = "trace.maxRows";
    public static final int TRACE_ROWS_DEFAULT = 20_000;
    public static final String HASH_DIALECT = "config.hashDialect";
    /** The value of {@link #HASH_DIALECT} that takes the dialect from the file (its hash TLV or MIB tree). */
    public static final String HASH_AUTO = "AUTO";
    /** The servers whose settings the preferences hold, in the order of the sequence. */
    public static final String[] SERVERS = {"dhcp", "dns", "kdc", "mps", "tftp"};

    private static ScopedPreferenceStore store;

    private ConsolePreferences() {
    }

    public static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, QUALIFIER);
            store.setDefault(TRACE_ROWS, TRACE_ROWS_DEFAULT);
            store.setDefault(HASH_DIALECT, HASH_AUTO);
        }
        return store;
    }

    public static String key(String server, String field) {
        return "server." + server + "." + field;
    }

    /** Rows the Trace view keeps before dropping the oldest. */
    public static int traceRows() {
        int n = store().getInt(TRACE_ROWS);
        return n < 100 ? TRACE_ROWS_DEFAULT : n;
    }

    /** The dialect chosen for config files, empty for "from the file". */
    public static Optional<HashDialect> hashDialect() {
        String v = store().getString(HASH_DIALECT);
        try {
            return HASH_AUTO.equals(v) ? Optional.empty() : Optional.of(HashDialect.valueOf(v));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Gives every server the settings its preferences hold (when set); a running server whose
     * settings changed is restarted in a Job (stop, then start on the new address). Returns the
     * started Jobs' count.
     */
    public static int applyToServers() {
        int restarted = 0;
        try (ServiceAccess<ServerRegistry> registry = new ServiceAccess<>(ServerRegistry.class)) {
            ServerRegistry r = registry.get().orElse(null);
            if (r == null) {
                return 0;
            }
            IPreferenceStore s = store();
            for (String id : SERVERS) {
                ManagedServer server = r.server(id).orElse(null);
                if (server == null) {
                    continue;
                }
                ServerSettings now = server.settings();
                String bind = key(id, "bind");
                String port = key(id, "port");
                String auto = key(id, "autostart");
                ServerSettings wanted = new ServerSettings(
                        s.contains(bind) ? s.getString(bind).strip() : now.bindAddress(),
                        s.contains(port) ? s.getInt(port) : now.port(),
                        s.contains(auto) ? s.getBoolean(auto) : now.autoStart());
                if (wanted.equals(now)) {
                    continue;
                }
                server.configure(wanted);
                if (server.status().state() == ServerState.RUNNING) {
                    Job stop = ServerJobs.stop(server);
                    ServerJobs.startAfter(server, stop);
                    restarted++;
                }
            }
        }
        return restarted;
    }
}
