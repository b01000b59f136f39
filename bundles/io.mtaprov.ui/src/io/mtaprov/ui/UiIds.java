package io.mtaprov.ui;

/** View, perspective and widget ids, defined once (a test checks them against plugin.xml). */
public final class UiIds {
    public static final String PERSPECTIVE = "io.mtaprov.ui.perspective.provisioning";
    public static final String VIEW_SERVERS = "io.mtaprov.ui.views.servers";
    public static final String VIEW_TRACE = "io.mtaprov.ui.views.trace";
    /** Key of {@code Widget.setData(key, id)} by which UI tests find widgets. */
    public static final String WIDGET_KEY = "io.mtaprov.widget";
    public static final String WIDGET_SERVERS_TABLE = "servers.table";
    public static final String WIDGET_TRACE_TABLE = "trace.table";
    public static final String WIDGET_TRACE_DETAIL = "trace.detail";

    private UiIds() {
    }
}
