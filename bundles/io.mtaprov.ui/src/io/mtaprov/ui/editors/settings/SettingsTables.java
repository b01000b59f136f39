package io.mtaprov.ui.editors.settings;

import io.mtaprov.core.provisioning.ConfigInputs;
import io.mtaprov.core.provisioning.ConfigTemplate;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.core.provisioning.TemplateException;
import io.mtaprov.core.provisioning.VoiceLine;
import io.mtaprov.core.settings.CareCsv;
import io.mtaprov.core.settings.CmtsScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The four tables of the settings editor, their columns and their checks: device classes (the
 * store's class layer), CMTS scopes (the DHCP scopes file plus the store's CMTS layer; row "*" is
 * the layer of every scope), voice lines (the store's per-MTA layer) and the customer-care CSV.
 */
final class SettingsTables {
    static final String CLASSES = "Device classes";
    static final String SCOPES = "CMTS scopes";
    static final String LINES = "Voice lines";
    static final String CARE = "Customer care";
    /** How a scope without its own realm key (the network's realm applies) is shown. */
    static final String NETWORK_REALM = "(network)";
    static final String VARIABLES = "variables";

    private SettingsTables() {
    }

    static SettingsTableModel deviceClasses() {
        return new SettingsTableModel(CLASSES, List.of(SettingsColumn.of("id", "Id", 110),
                SettingsColumn.of("priority", "Priority", 60), SettingsColumn.of("vendor", "Vendor", 90),
                SettingsColumn.of("model", "Model", 90), SettingsColumn.of("deviceType", "Device type", 90),
                SettingsColumn.of("mibTree", "MIB tree", 90), SettingsColumn.of("getOids", "5a GETs", 120),
                SettingsColumn.of(VARIABLES, "Defaults (name=value; ...)", 320)),
                SettingsTables::checkClass, Map.of("id", "new-class", "priority", "0", "mibTree", "CABLELABS",
                        "template", "Main\n{\n    MtaConfigDelimiter 1;\n    MtaConfigDelimiter 255;\n}\n"));
    }

    static SettingsTableModel scopes() {
        return new SettingsTableModel(SCOPES, List.of(SettingsColumn.of("name", "Scope", 80),
                SettingsColumn.of("relays", "Relays (giaddr)", 110), SettingsColumn.of("subnet", "Subnet", 110),
                SettingsColumn.of("router", "Router", 90), SettingsColumn.of("leaseTime", "Lease s", 60),
                SettingsColumn.of("pool.pktc", "Pool MTA", 170), SettingsColumn.of("pool.docsis", "Pool CM", 150),
                SettingsColumn.of("pool.other", "Pool other", 110), SettingsColumn.of("realm", "Realm (122.6)", 90),
                SettingsColumn.of(VARIABLES, "Config layer (name=value; ...)", 300)),
                SettingsTables::checkScope, Map.of("name", "cmts", "subnet", "10.20.0.0/16", "realm", NETWORK_REALM));
    }

    static SettingsTableModel voiceLines() {
        return new SettingsTableModel(LINES, List.of(SettingsColumn.of("mac", "MTA", 130),
                SettingsColumn.of("line", "Line", 45), SettingsColumn.of("ifIndex", "ifIndex", 60),
                SettingsColumn.of("callAgent", "Call agent", 140), SettingsColumn.of("port", "Port", 60),
                SettingsColumn.of("number", "Number", 130), SettingsColumn.of("enabled", "Enabled", 60)),
                SettingsTables::checkLine, Map.of("line", "1", "enabled", "true"));
    }

    static SettingsTableModel care() {
        return new SettingsTableModel(CARE, List.of(SettingsColumn.of("mac", "MTA", 130),
                SettingsColumn.of(VARIABLES, "Variables (name=value; ...)", 520)),
                SettingsTables::checkCare, Map.of());
    }

    /** Whether a scope row is the layer of every scope (only its variables apply). */
    static boolean allScopes(SettingsRow r) {
        return ProvisioningStore.ALL_SCOPES.equals(r.get("name"));
    }

    /** The scopes-file form of a scope row. */
    static CmtsScope scope(SettingsRow r) {
        String realm = r.get("realm");
        return new CmtsScope(r.get("name"), r.get("relays"), r.get("subnet"), r.get("router"), r.get("leaseTime"),
                r.get("pool.pktc"), r.get("pool.docsis"), r.get("pool.other"),
                NETWORK_REALM.equals(realm.strip()) ? null : realm);
    }

    static List<SettingsProblem> checkClass(SettingsRow r, List<SettingsRow> all) {
        List<SettingsProblem> out = new ArrayList<>();
        String id = r.get("id");
        if (!id.matches("[A-Za-z0-9_.\\-]+")) {
            out.add(error(CLASSES, id, "id: letters, digits, '.', '_' and '-'"));
        }
        duplicate(out, CLASSES, "id", r, all);
        integer(out, CLASSES, id, "priority", r.get("priority"), Integer.MIN_VALUE, Integer.MAX_VALUE, false);
        if (!List.of("", "CABLELABS", "IETF").contains(r.get("mibTree"))) {
            out.add(error(CLASSES, id, "MIB tree must be CABLELABS, IETF or empty (either)"));
        }
        Map<String, String> vars = variables(out, CLASSES, id, r);
        String template = r.get("template");
        try {
            Map<String, String> sample = new HashMap<>();
            ConfigTemplate.placeholders(template).forEach(p -> sample.put(p, "1"));
            sample.putAll(vars);
            ConfigTemplate.render(template, new ConfigInputs(sample,
                    List.of(new VoiceLine(1, 9, "[127.0.0.1]", 2727, "1"))));
        } catch (TemplateException | RuntimeException e) {
            out.add(error(CLASSES, id, "template: " + e.getMessage()));
        }
        return out;
    }

    static List<SettingsProblem> checkScope(SettingsRow r, List<SettingsRow> all) {
        List<SettingsProblem> out = new ArrayList<>();
        String name = r.get("name");
        duplicate(out, SCOPES, "name", r, all);
        variables(out, SCOPES, name, r);
        if (allScopes(r)) {
            return out;
        }
        CmtsScope s = scope(r);
        s.problems().forEach(p -> out.add(error(SCOPES, name, p)));
        if (s.withoutRealm()) {
            out.add(new SettingsProblem(false, SCOPES, name, "no option 122 realm (sub-option 6):"
                    + " MTAs behind this CMTS get no lease and cannot be provisioned"));
        }
        return out;
    }

    static List<SettingsProblem> checkLine(SettingsRow r, List<SettingsRow> all) {
        List<SettingsProblem> out = new ArrayList<>();
        String mac = r.get("mac");
        String name = mac + " line " + r.get("line");
        if (!CareCsv.isMac(mac)) {
            out.add(error(LINES, name, "MTA '" + mac + "' is not a MAC address (aa:bb:cc:dd:ee:ff)"));
        }
        integer(out, LINES, name, "line", r.get("line"), 1, 64, false);
        long same = all.stream().filter(o -> o.get("mac").equalsIgnoreCase(mac) && o.get("line").equals(r.get("line")))
                .count();
        if (same > 1) {
            out.add(error(LINES, name, "line " + r.get("line") + " appears " + same + " times"));
        }
        integer(out, LINES, name, "ifIndex", r.get("ifIndex"), 1, Integer.MAX_VALUE, true);
        // RFC 768: a UDP port is 16 bits; 0 is not a port to send to
        integer(out, LINES, name, "port", r.get("port"), 1, 65535, true);
        String agent = r.get("callAgent");
        if (!agent.isEmpty() && !agent.matches("[A-Za-z0-9.\\-@\\[\\]:]+")) {
            out.add(error(LINES, name, "call agent '" + agent + "': a host name or [IPv4 address]"));
        }
        if (!r.get("number").matches("\\+?[0-9*#]*")) {
            out.add(error(LINES, name, "number '" + r.get("number") + "': digits, '+' in front, '*' and '#'"));
        }
        if (!List.of("true", "false").contains(r.get("enabled"))) {
            out.add(error(LINES, name, "enabled must be true or false"));
        }
        return out;
    }

    static List<SettingsProblem> checkCare(SettingsRow r, List<SettingsRow> all) {
        List<SettingsProblem> out = new ArrayList<>();
        String mac = r.get("mac");
        if (!CareCsv.isMac(mac)) {
            out.add(error(CARE, mac, "MTA '" + mac + "' is not a MAC address (aa:bb:cc:dd:ee:ff)"));
        }
        duplicate(out, CARE, "mac", r, all);
        Map<String, String> vars = variables(out, CARE, mac, r);
        vars.values().stream().filter(v -> v.contains("\n")).findFirst()
                .ifPresent(v -> out.add(error(CARE, mac, "values cannot span lines")));
        return out;
    }

    private static Map<String, String> variables(List<SettingsProblem> out, String page, String row, SettingsRow r) {
        try {
            return VariablesText.parse(r.get(VARIABLES));
        } catch (IllegalArgumentException e) {
            out.add(error(page, row, "variables: " + e.getMessage()));
            return Map.of();
        }
    }

    private static void duplicate(List<SettingsProblem> out, String page, String key, SettingsRow r,
            List<SettingsRow> all) {
        long n = all.stream().filter(o -> Objects.equals(o.get(key).toLowerCase(), r.get(key).toLowerCase())).count();
        if (n > 1) {
            out.add(error(page, r.get(key), key + " '" + r.get(key) + "' is used by " + n + " rows"));
        }
    }

    private static void integer(List<SettingsProblem> out, String page, String row, String field, String text, long min,
            long max, boolean emptyAllowed) {
        if (text.isEmpty() && emptyAllowed) {
            return;
        }
        try {
            long v = Long.parseLong(text.strip());
            if (v < min || v > max) {
                out.add(error(page, row, field + " " + v + " is outside " + min + ".." + max));
            }
        } catch (NumberFormatException e) {
            out.add(error(page, row, field + " '" + text + "' is not a number"));
        }
    }

    private static SettingsProblem error(String page, String row, String message) {
        return new SettingsProblem(true, page, row, message);
    }
}
