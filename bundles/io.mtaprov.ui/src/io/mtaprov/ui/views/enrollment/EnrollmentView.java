package io.mtaprov.ui.views.enrollment;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseEvents;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.provisioning.ProvisioningActions;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.core.trace.TraceStore;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.Messages;
import io.mtaprov.ui.internal.ServiceAccess;
import io.mtaprov.ui.internal.UiBatcher;
import java.util.List;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.osgi.service.event.EventHandler;

/**
 * MTA Enrollment: every MTA the console has seen with its identity and latest attempt, in a
 * virtual table that scrolls, filters (MAC, IP or state substring) and sorts 100,000 rows without
 * blocking the UI thread. Rows come from an {@link EnrollmentModel} fed by TraceBus batches, lease
 * events (workbench event broker) and, at start, the stores (read in a Job); filtering and sorting
 * run in a Job ({@link EnrollmentTable}). The selection is {@link EnrollmentRow}s (the Sequence
 * view follows it). Context menu: {@link EnrollmentActions}.
 */
public class EnrollmentView extends ViewPart {
    private ServiceAccess<TraceBus> bus;
    private ServiceAccess<TraceStore> store;
    private ServiceAccess<LeaseLookup> leases;
    private ServiceAccess<ProvisioningActions> actions;
    private TraceBus.Subscription subscription;
    private IEventBroker broker;
    private EnrollmentModel model;
    private EnrollmentTable table;
    private Text filter;
    private final EventHandler onLease = event -> {
        if (event.getProperty(LeaseEvents.PROP_LEASE) instanceof Lease l && model != null) {
            model.offer(List.of(l));
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.Enrollment_filterHint);
        filter.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_ENROLLMENT_FILTER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);

        bus = new ServiceAccess<>(TraceBus.class);
        store = new ServiceAccess<>(TraceStore.class);
        leases = new ServiceAccess<>(LeaseLookup.class);
        actions = new ServiceAccess<>(ProvisioningActions.class);
        EnrollmentActions menu = new EnrollmentActions(this, actions::get);
        table = new EnrollmentTable(parent, () -> model.rows(), menu::attach);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.control());
        filter.addModifyListener(e -> table.setQuery(new RowQuery(filter.getText(), table.query().sort(),
                table.query().ascending())));

        UiBatcher<EnrollmentRow> batcher = new UiBatcher<>(parent.getDisplay(), table::changed);
        model = new EnrollmentModel(batcher::offerAll, actions::get);
        bus.get().ifPresent(b -> subscription = b.subscribe(model::offer));
        broker = getSite().getService(IEventBroker.class);
        broker.subscribe(LeaseEvents.TOPIC_CHANGED, onLease);
        model.load(store::get, leases::get);

        getSite().setSelectionProvider(table.selectionProvider());
        menu.register(getSite(), table);
    }

    /** The rows behind the table (tests feed synthetic MTAs through {@link EnrollmentModel#offer}). */
    public EnrollmentModel model() {
        return model;
    }

    /** UI thread: the rows the table shows, in order. */
    public List<EnrollmentRow> shownRows() {
        return table.shown();
    }

    /** UI thread: whether the shown rows reflect the latest filter, sort and model change. */
    public boolean isSettled() {
        return table.isSettled();
    }

    /** UI thread: the index of the MTA's row in the table, or -1 (filtered out, not known). */
    public int indexOf(String mac) {
        return table.indexOf(mac);
    }

    /** Any thread: recompute the shown rows from the model (after a test removed rows). */
    public void requery() {
        table.requery(0);
    }

    @Override
    public void setFocus() {
        table.viewer().getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (subscription != null) {
            subscription.close();
        }
        if (broker != null) {
            broker.unsubscribe(onLease);
        }
        if (table != null) {
            table.dispose();
        }
        for (ServiceAccess<?> s : new ServiceAccess<?>[] {bus, store, leases, actions}) {
            if (s != null) {
                s.close();
            }
        }
        super.dispose();
    }
}
