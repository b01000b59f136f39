package io.mtaprov.ui.views.enrollment;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.files.GeneratedFileStore;
import io.mtaprov.core.provisioning.ProvisioningActions;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.editors.config.ConfigFileEditor;
import io.mtaprov.ui.editors.config.ConfigFileEditorInput;
import io.mtaprov.ui.internal.Messages;
import io.mtaprov.ui.internal.ServiceAccess;
import io.mtaprov.ui.views.TraceView;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.PartInitException;

/**
 * The Enrollment view's context menu: show trace, open the generated config file, re-provision,
 * regenerate, copy details. Store reads and the provisioning server's actions run in Jobs; the
 * editor opens on the UI thread with the bytes already read. UI thread, except the Jobs.
 */
final class EnrollmentActions {
    static final int RECENT_FILES = 2_000;

    private final EnrollmentView view;
    private final Supplier<Optional<ProvisioningActions>> actions;
    private final MenuManager menu = new MenuManager();
    private EnrollmentTable table;

    EnrollmentActions(EnrollmentView view, Supplier<Optional<ProvisioningActions>> actions) {
        this.view = view;
        this.actions = actions;
        menu.add(action(Messages.Enrollment_showTrace, this::showTrace));
        menu.add(action(Messages.Enrollment_openConfig, this::openConfig));
        menu.add(new Separator());
        menu.add(action(Messages.Enrollment_reprovision, r -> provision(r, Messages.Enrollment_reprovision,
                a -> a.reprovision(r.mac()))));
        menu.add(action(Messages.Enrollment_regenerate, r -> provision(r, Messages.Enrollment_regenerate,
                a -> a.regenerate(r.mac()))));
        menu.add(new Separator());
        menu.add(new Action(Messages.Enrollment_copyDetails) {
            @Override
            public void run() {
                copy(table.selection());
            }
        });
    }

    /** UI thread: the context menu on a (new) table viewer. */
    void attach(TableViewer v) {
        v.getControl().setMenu(menu.createContextMenu(v.getControl()));
    }

    /** UI thread: once the table exists; registers the menu for contributions. */
    void register(IWorkbenchPartSite site, EnrollmentTable t) {
        this.table = t;
        site.registerContextMenu(menu, t.selectionProvider());
    }

    private Action action(String label, Consumer<EnrollmentRow> run) {
        return new Action(label) {
            @Override
            public void run() {
                table.selection().stream().findFirst().ifPresent(run);
            }
        };
    }

    private IWorkbenchPage page() {
        return view.getSite().getPage();
    }

    private void showTrace(EnrollmentRow r) {
        try {
            page().showView(UiIds.VIEW_SEQUENCE, null, IWorkbenchPage.VIEW_VISIBLE);
            if (page().showView(UiIds.VIEW_TRACE) instanceof TraceView t) {
                t.selectMta(r.mac());
            }
        } catch (PartInitException e) {
            view.getViewSite().getActionBars().getStatusLineManager().setErrorMessage(e.getMessage());
        }
    }

    private void openConfig(EnrollmentRow r) {
        Display display = table.control().getDisplay();
        String name = NLS.bind(Messages.Enrollment_openConfigJob, r.mac());
        Job job = Job.create(name, monitor -> {
            try (ServiceAccess<GeneratedFileStore> files = new ServiceAccess<>(GeneratedFileStore.class)) {
                GeneratedFileStore store = files.get().orElse(null);
                if (store == null) {
                    return Status.error(Messages.Enrollment_noFileStore);
                }
                Optional<String> file = r.fileName().isEmpty() ? store.recent(RECENT_FILES).stream()
                        .filter(f -> f.mtaMac().equals(r.mac())).map(GeneratedFile::name).findFirst()
                        : Optional.of(r.fileName());
                Optional<byte[]> bytes = file.flatMap(store::content);
                if (bytes.isEmpty()) {
                    return Status.error(NLS.bind(Messages.Enrollment_noFile, r.mac()));
                }
                ConfigFileEditorInput in = ConfigFileEditorInput.ofBytes(file.get(), bytes.get());
                display.asyncExec(() -> open(in));
                return Status.OK_STATUS;
            }
        });
        job.setUser(true);
        job.schedule();
    }

    private void open(ConfigFileEditorInput in) {
        try {
            ConfigFileEditor.open(page(), in);
        } catch (PartInitException e) {
            view.getViewSite().getActionBars().getStatusLineManager().setErrorMessage(e.getMessage());
        }
    }

    private void provision(EnrollmentRow r, String what, Function<ProvisioningActions, ?> call) {
        String name = NLS.bind(Messages.Enrollment_actionJob, what.replace("&", ""), r.mac());
        Job job = Job.create(name, monitor -> {
            Optional<ProvisioningActions> a = actions.get();
            if (a.isEmpty()) {
                return Status.error(Messages.Enrollment_noProvisioningServer);
            }
            try {
                call.apply(a.get());
                return Status.OK_STATUS;
            } catch (IllegalArgumentException | IllegalStateException e) {
                return new Status(IStatus.ERROR, "io.mtaprov.ui", name + ": " + e.getMessage(), e);
            }
        });
        job.setUser(true);
        job.schedule();
    }

    private void copy(List<EnrollmentRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (EnrollmentRow r : rows) {
            for (EnrollmentColumn c : EnrollmentColumn.values()) {
                sb.append(c.title()).append(": ").append(c.text(r)).append('\n');
            }
            if (!r.reason().isEmpty()) {
                sb.append(Messages.Enrollment_reason).append(": ").append(r.reason()).append('\n');
            }
            if (!r.fileName().isEmpty()) {
                sb.append(Messages.Enrollment_file).append(": ").append(r.fileName()).append('\n');
            }
            sb.append('\n');
        }
        Clipboard cb = new Clipboard(table.control().getDisplay());
        try {
            cb.setContents(new Object[] {sb.toString().strip()}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            cb.dispose();
        }
    }
}
