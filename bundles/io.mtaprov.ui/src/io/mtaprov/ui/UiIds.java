package io.mtaprov.ui;

/** View, editor, command, perspective and widget ids, defined once (a test checks them against plugin.xml). */
public final class UiIds {
    public static final String PERSPECTIVE = "io.mtaprov.ui.perspective.provisioning";
    public static final String VIEW_SERVERS = "io.mtaprov.ui.views.servers";
    public static final String VIEW_TRACE = "io.mtaprov.ui.views.trace";
    /** Every MTA with its latest attempt (virtual table, filter, sort). */
    public static final String VIEW_ENROLLMENT = "io.mtaprov.ui.views.enrollment";
    /** The selected MTA's latest attempt as a sequence diagram. */
    public static final String VIEW_SEQUENCE = "io.mtaprov.ui.views.sequence";
    /** Starts a fleet of simulated MTAs against the console's servers. */
    public static final String VIEW_SIMULATOR = "io.mtaprov.ui.views.simulator";
    /** Where attempts fail, fleet-wide (histogram by step, timeline, reasons). */
    public static final String VIEW_FAILURES = "io.mtaprov.ui.views.failures";
    /** The MTA configuration file editor. */
    public static final String EDITOR_CONFIG = "io.mtaprov.ui.editors.config";
    /** Command "Open Config File..." (File menu). */
    public static final String COMMAND_OPEN_CONFIG = "io.mtaprov.ui.commands.openConfigFile";
    /** The provisioning settings editor (device classes, CMTS scopes, voice lines, customer care). */
    public static final String EDITOR_SETTINGS = "io.mtaprov.ui.editors.settings";
    /** Command "Provisioning Settings" (File menu, Ctrl+Shift+P). */
    public static final String COMMAND_OPEN_SETTINGS = "io.mtaprov.ui.commands.openSettings";
    public static final String WIDGET_SETTINGS_SUMMARY = "settings.summary";
    public static final String WIDGET_SETTINGS_TABS = "settings.tabs";
    public static final String WIDGET_SETTINGS_PROBLEMS = "settings.problems";
    public static final String WIDGET_SETTINGS_CLASSES = "settings.classes";
    public static final String WIDGET_SETTINGS_SCOPES = "settings.scopes";
    public static final String WIDGET_SETTINGS_LINES = "settings.lines";
    public static final String WIDGET_SETTINGS_CARE = "settings.care";
    public static final String WIDGET_SIM_COUNT = "sim.count";
    public static final String WIDGET_SIM_FAULT_SHARE = "sim.faultShare";
    public static final String WIDGET_SIM_START = "sim.start";
    public static final String WIDGET_SIM_STATUS = "sim.status";
    public static final String WIDGET_SIM_FAILURES = "sim.failures";
    public static final String WIDGET_FAILURES_HISTOGRAM = "failures.histogram";
    public static final String WIDGET_FAILURES_REASONS = "failures.reasons";
    /** Key of {@code Widget.setData(key, id)} by which UI tests find widgets. */
    public static final String WIDGET_KEY = "io.mtaprov.widget";
    public static final String WIDGET_SERVERS_TABLE = "servers.table";
    public static final String WIDGET_TRACE_TABLE = "trace.table";
    public static final String WIDGET_TRACE_DETAIL = "trace.detail";
    public static final String WIDGET_ENROLLMENT_TABLE = "enrollment.table";
    public static final String WIDGET_ENROLLMENT_FILTER = "enrollment.filter";
    public static final String WIDGET_SEQUENCE_CANVAS = "sequence.canvas";
    public static final String WIDGET_SEQUENCE_SUMMARY = "sequence.summary";
    public static final String WIDGET_SEQUENCE_DETAIL_TREE = "sequence.detailTree";
    public static final String WIDGET_SEQUENCE_DETAIL_TEXT = "sequence.detailText";
    public static final String WIDGET_CONFIG_LOADING = "config.loading";
    public static final String WIDGET_CONFIG_ERROR = "config.error";
    public static final String WIDGET_CONFIG_TEXT = "config.text";
    public static final String WIDGET_CONFIG_FINDINGS = "config.findings";
    public static final String WIDGET_CONFIG_COMPLETION = "config.completion";
    public static final String WIDGET_CONFIG_TREE = "config.tree";
    public static final String WIDGET_CONFIG_HEX = "config.hex";
    public static final String WIDGET_CONFIG_DIALECT = "config.hashDialect";
    public static final String WIDGET_CONFIG_DIFF = "config.diff";

    private UiIds() {
    }
}
