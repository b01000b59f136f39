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
    /** The MTA configuration file editor. */
    public static final String EDITOR_CONFIG = "io.mtaprov.ui.editors.config";
    /** Command "Open Config File..." (File menu). */
    public static final String COMMAND_OPEN_CONFIG = "io.mtaprov.ui.commands.openConfigFile";
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

    private UiIds() {
    }
}
