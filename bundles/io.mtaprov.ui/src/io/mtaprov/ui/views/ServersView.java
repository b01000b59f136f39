package io.mtaprov.ui.views;

import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerEvents;
import io.mtaprov.core.server.ServerRegistry;
import io.mtaprov.core.server.ServerState;
import io.mtaprov.core.server.ServerStatus;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.ServerJobs;
import io.mtaprov.ui.internal.ServiceAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;
import org.osgi.service.event.EventHandler;

/**
 * Each embedded server with its state, address, port and counters, and start/stop. Renders
 * immutable {@link ServerStatus} snapshots delivered on the UI thread by the workbench event
 * broker; start and stop run in Jobs, never on the UI thread.
 */
public class ServersView extends ViewPart {
    private final Map<String, ServerStatus> rows = new LinkedHashMap<>();
    private ServiceAccess<ServerRegistry> registry;
    private IEventBroker broker;
    private TableViewer viewer;
    private final EventHandler onStatus = event -> {
        if (event.getProperty(ServerEvents.PROP_STATUS) instanceof ServerStatus s) {
            update(s);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SERVERS_TABLE);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Server", 130, ServerStatus::name);
        TableViewerColumn state = column("State", 90, s -> s.state().name());
        state.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object e) {
                return ((ServerStatus) e).state().name();
            }

            @Override
            public Color getForeground(Object e) {
                ServerState st = ((ServerStatus) e).state();
                int c = st == ServerState.RUNNING ? SWT.COLOR_DARK_GREEN
                        : st == ServerState.FAILED ? SWT.COLOR_RED : SWT.COLOR_DARK_GRAY;
                return Display.getCurrent().getSystemColor(c);
            }
        });
        column("Protocol", 90, ServerStatus::protocol);
        column("Address", 110, ServerStatus::bindAddress);
        column("Port", 60, s -> Integer.toString(s.port()));
        column("Received", 80, s -> Long.toString(s.received()));
        column("Answered", 80, s -> Long.toString(s.answered()));
        column("Rejected", 80, s -> Long.toString(s.rejected()));
        column("Dropped", 70, s -> Long.toString(s.dropped()));
        column("Last error", 400, ServerStatus::lastError);

        registry = new ServiceAccess<>(ServerRegistry.class);
        registry.get().ifPresent(r -> r.statuses().forEach(s -> rows.put(s.id(), s)));
        viewer.setInput(new ArrayList<>(rows.values()));
        broker = getSite().getService(IEventBroker.class);
        broker.subscribe(ServerEvents.TOPIC_STATUS, onStatus);
        contributeActions(getViewSite().getActionBars().getToolBarManager());
        getSite().setSelectionProvider(viewer);
    }

    private TableViewerColumn column(String title, int width, Function<ServerStatus, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object e) {
                return text.apply((ServerStatus) e);
            }
        });
        return c;
    }

    /** Applies a status snapshot; UI thread only. */
    void update(ServerStatus s) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        rows.put(s.id(), s);
        viewer.setInput(new ArrayList<>(rows.values()));
    }

    private void contributeActions(IToolBarManager tb) {
        tb.add(new Action("Start") {
            @Override
            public void run() {
                selected().ifPresent(s -> ServerJobs.start(s));
            }
        });
        tb.add(new Action("Stop") {
            @Override
            public void run() {
                selected().ifPresent(s -> ServerJobs.stop(s));
            }
        });
    }

    private java.util.Optional<ManagedServer> selected() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (!(first instanceof ServerStatus s)) {
            return java.util.Optional.empty();
        }
        return registry.get().flatMap(r -> r.server(s.id()));
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (broker != null) {
            broker.unsubscribe(onStatus);
        }
        if (registry != null) {
            registry.close();
        }
        super.dispose();
    }
}
