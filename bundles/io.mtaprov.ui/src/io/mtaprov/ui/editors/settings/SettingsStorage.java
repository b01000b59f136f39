package io.mtaprov.ui.editors.settings;

import io.mtaprov.core.provisioning.DeviceClass;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.core.settings.CareCsv;
import io.mtaprov.core.settings.CmtsScope;
import io.mtaprov.core.settings.CmtsScopesFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the settings into table rows and writes changed rows back, through the
 * {@link ProvisioningStore} (device classes, CMTS and MTA layers) and the two files the servers
 * read (the DHCP scopes file, the customer-care CSV). Every method does I/O: call it from a Job,
 * never from the UI thread. Only what changed is written.
 */
final class SettingsStorage {
    /** The rows of each table by its name. */
    record Tables(Map<String, List<Map<String, String>>> rows) {
        Tables {
            rows = Map.copyOf(rows);
        }

        List<Map<String, String>> of(String table) {
            return rows.getOrDefault(table, List.of());
        }
    }

    /**
     * What saving needs besides the rows.
     *
     * @param scopesFile   the DHCP scopes file (null: no data directory, scopes cannot be saved)
     * @param scopesBase   its properties as read (keys the editor does not model are kept)
     * @param careFile     the customer-care CSV (null: none)
     * @param mtaVariables the MTA layers read, by MAC (voice lines are merged into them)
     */
    record Sources(Path scopesFile, Properties scopesBase, Path careFile, Map<String, Map<String, String>> mtaVariables) {
    }

    record Loaded(Tables tables, Sources sources) {
    }

    private final ProvisioningStore store;

    SettingsStorage(ProvisioningStore store) {
        this.store = store;
    }

    /** Reads everything; voice lines of the MTAs in {@code macs}. */
    Loaded load(Path scopesFile, Path careFile, Set<String> macs) throws IOException {
        Map<String, List<Map<String, String>>> t = new HashMap<>();
        List<Map<String, String>> classes = new ArrayList<>();
        for (DeviceClass d : store.deviceClasses()) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("id", d.id());
            r.put("priority", Integer.toString(d.priority()));
            r.put("vendor", d.vendor());
            r.put("model", d.model());
            r.put("deviceType", d.deviceType());
            r.put("mibTree", d.mibTree());
            r.put("getOids", String.join(",", d.getOids()));
            r.put(SettingsTables.VARIABLES, VariablesText.format(d.variables()));
            r.put("template", d.template());
            classes.add(r);
        }
        t.put(SettingsTables.CLASSES, classes);

        Properties base = new Properties();
        if (scopesFile != null && Files.exists(scopesFile)) {
            try (Reader r = Files.newBufferedReader(scopesFile, StandardCharsets.UTF_8)) {
                base.load(r);
            }
        }
        List<Map<String, String>> scopes = new ArrayList<>();
        scopes.add(scopeRow(ProvisioningStore.ALL_SCOPES, null));
        for (CmtsScope s : CmtsScopesFile.read(base)) {
            scopes.add(scopeRow(s.name(), s));
        }
        t.put(SettingsTables.SCOPES, scopes);

        Map<String, Map<String, String>> mtaVars = new LinkedHashMap<>();
        List<Map<String, String>> lines = new ArrayList<>();
        for (String mac : macs) {
            String m = mac.toLowerCase(Locale.ROOT);
            Map<String, String> vars = store.mtaVariables(m);
            mtaVars.put(m, vars);
            lines.addAll(lineRows(m, vars));
        }
        t.put(SettingsTables.LINES, lines);

        List<Map<String, String>> care = new ArrayList<>();
        if (careFile != null && Files.exists(careFile)) {
            CareCsv.parse(Files.readAllLines(careFile, StandardCharsets.UTF_8)).forEach((mac, vars) -> care.add(
                    Map.of("mac", mac, SettingsTables.VARIABLES, VariablesText.format(vars))));
        }
        t.put(SettingsTables.CARE, care);
        return new Loaded(new Tables(t), new Sources(scopesFile, base, careFile, mtaVars));
    }

    /** The voice lines of one more MTA (its rows and its layer), for the Voice lines page. */
    Loaded loadLines(String mac, Sources sources) {
        String m = mac.toLowerCase(Locale.ROOT);
        Map<String, String> vars = store.mtaVariables(m);
        Map<String, Map<String, String>> mtaVars = new LinkedHashMap<>(sources.mtaVariables());
        mtaVars.put(m, vars);
        return new Loaded(new Tables(Map.of(SettingsTables.LINES, lineRows(m, vars))),
                new Sources(sources.scopesFile(), sources.scopesBase(), sources.careFile(), mtaVars));
    }

    private Map<String, String> scopeRow(String name, CmtsScope s) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("name", name);
        if (s != null) {
            r.put("relays", s.relays());
            r.put("subnet", s.subnet());
            r.put("router", s.router());
            r.put("leaseTime", s.leaseTime());
            r.put("pool.pktc", s.poolPktc());
            r.put("pool.docsis", s.poolDocsis());
            r.put("pool.other", s.poolOther());
            r.put("realm", s.realm() == null ? SettingsTables.NETWORK_REALM : s.realm());
        }
        r.put(SettingsTables.VARIABLES, VariablesText.format(store.cmtsVariables(name)));
        return r;
    }

    static List<Map<String, String>> lineRows(String mac, Map<String, String> vars) {
        Map<Integer, Map<String, String>> byLine = new TreeMap<>();
        int count = 0;
        try {
            count = Integer.parseInt(vars.getOrDefault("lines", "0").strip());
        } catch (NumberFormatException e) {
            count = 0;
        }
        for (int n = 1; n <= Math.min(count, 64); n++) {
            byLine.computeIfAbsent(n, k -> new LinkedHashMap<>());
        }
        for (Map.Entry<String, String> e : vars.entrySet()) {
            String[] parts = e.getKey().split("\\.", 3);
            if (parts.length == 3 && parts[0].equals("line") && parts[1].matches("\\d{1,2}")) {
                byLine.computeIfAbsent(Integer.parseInt(parts[1]), k -> new LinkedHashMap<>()).put(parts[2],
                        e.getValue());
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        byLine.forEach((n, f) -> {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("mac", mac);
            r.put("line", Integer.toString(n));
            for (String k : List.of("ifIndex", "callAgent", "port", "number")) {
                r.put(k, f.getOrDefault(k, ""));
            }
            r.put("enabled", f.getOrDefault("enabled", "true"));
            rows.add(r);
        });
        return rows;
    }

    /** Writes what differs between {@code before} and {@code after}; returns the sources to save against next. */
    Sources save(Tables before, Tables after, Sources src) throws IOException {
        saveClasses(before.of(SettingsTables.CLASSES), after.of(SettingsTables.CLASSES));
        Properties base = saveScopes(before.of(SettingsTables.SCOPES), after.of(SettingsTables.SCOPES), src);
        Map<String, Map<String, String>> mtaVars = saveLines(before.of(SettingsTables.LINES),
                after.of(SettingsTables.LINES), src.mtaVariables());
        List<Map<String, String>> care = after.of(SettingsTables.CARE);
        if (!care.equals(before.of(SettingsTables.CARE))) {
            if (src.careFile() == null) {
                throw new IOException("no customer-care CSV location: set mtaprov.mps.care.csv or a workspace");
            }
            Map<String, Map<String, String>> byMac = new LinkedHashMap<>();
            care.forEach(r -> byMac.put(r.get("mac").toLowerCase(Locale.ROOT),
                    VariablesText.parse(r.get(SettingsTables.VARIABLES))));
            writeAtomically(src.careFile(), CareCsv.format(byMac));
        }
        return new Sources(src.scopesFile(), base, src.careFile(), mtaVars);
    }

    private void saveClasses(List<Map<String, String>> before, List<Map<String, String>> after) {
        for (Map<String, String> r : after) {
            if (before.contains(r)) {
                continue;
            }
            String oids = r.getOrDefault("getOids", "");
            store.saveDeviceClass(new DeviceClass(r.get("id"), Integer.parseInt(r.get("priority").strip()),
                    r.get("vendor"), r.get("model"), r.get("deviceType"), r.get("mibTree"), r.get("template"),
                    oids.isBlank() ? List.of() : Arrays.stream(oids.split(",")).map(String::strip).toList(),
                    VariablesText.parse(r.getOrDefault(SettingsTables.VARIABLES, ""))));
        }
    }

    private Properties saveScopes(List<Map<String, String>> before, List<Map<String, String>> after, Sources src)
            throws IOException {
        Set<String> names = new LinkedHashSet<>();
        List<CmtsScope> scopes = new ArrayList<>();
        for (Map<String, String> r : after) {
            String name = r.get("name");
            names.add(name);
            SettingsRow row = new SettingsRow(r, Set.of());
            if (!SettingsTables.allScopes(row)) {
                scopes.add(SettingsTables.scope(row));
            }
            Map<String, String> vars = VariablesText.parse(r.getOrDefault(SettingsTables.VARIABLES, ""));
            Map<String, String> old = before.stream().filter(b -> b.get("name").equals(name)).findFirst()
                    .map(b -> VariablesText.parse(b.getOrDefault(SettingsTables.VARIABLES, ""))).orElse(null);
            if (!vars.equals(old)) {
                store.saveCmtsVariables(name, vars);
            }
        }
        for (Map<String, String> b : before) {
            if (!names.contains(b.get("name"))) {
                store.saveCmtsVariables(b.get("name"), Map.of()); // the layer of a removed or renamed scope
            }
        }
        List<CmtsScope> old = new ArrayList<>();
        before.stream().map(r -> new SettingsRow(r, Set.of())).filter(r -> !SettingsTables.allScopes(r))
                .forEach(r -> old.add(SettingsTables.scope(r)));
        if (old.equals(scopes)) {
            return src.scopesBase();
        }
        if (src.scopesFile() == null) {
            throw new IOException("no DHCP scopes file location: set mtaprov.dhcp.scopes or a workspace");
        }
        Properties out = CmtsScopesFile.write(scopes, src.scopesBase());
        String text = CmtsScopesFile.format(out);
        Properties check = new Properties();
        check.load(new StringReader(text));
        if (!check.equals(out)) {
            throw new IOException("the scopes file would not read back as written");
        }
        writeAtomically(src.scopesFile(), text);
        return out;
    }

    private Map<String, Map<String, String>> saveLines(List<Map<String, String>> before,
            List<Map<String, String>> after, Map<String, Map<String, String>> loaded) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>(loaded);
        Set<String> macs = new LinkedHashSet<>(loaded.keySet());
        after.forEach(r -> macs.add(r.get("mac").toLowerCase(Locale.ROOT)));
        for (String mac : macs) {
            List<Map<String, String>> rows = after.stream()
                    .filter(r -> r.get("mac").toLowerCase(Locale.ROOT).equals(mac)).toList();
            List<Map<String, String>> old = before.stream()
                    .filter(r -> r.get("mac").toLowerCase(Locale.ROOT).equals(mac)).toList();
            if (rows.equals(old) && loaded.containsKey(mac)) {
                continue;
            }
            Map<String, String> vars = new TreeMap<>(loaded.containsKey(mac) ? loaded.get(mac) : store.mtaVariables(mac));
            vars.keySet().removeIf(k -> k.equals("lines") || k.startsWith("line."));
            int max = 0;
            for (Map<String, String> r : rows) {
                int n = Integer.parseInt(r.get("line").strip());
                max = Math.max(max, n);
                for (String k : List.of("ifIndex", "callAgent", "port", "number")) {
                    if (!r.getOrDefault(k, "").isBlank()) {
                        vars.put("line." + n + "." + k, r.get(k).strip());
                    }
                }
                if ("false".equals(r.get("enabled"))) {
                    vars.put("line." + n + ".enabled", "false");
                }
            }
            if (max > 0) {
                vars.put("lines", Integer.toString(max));
            }
            if (!Objects.equals(vars, loaded.get(mac))) {
                store.saveMtaVariables(mac, vars);
            }
            out.put(mac, Map.copyOf(vars));
        }
        return out;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
