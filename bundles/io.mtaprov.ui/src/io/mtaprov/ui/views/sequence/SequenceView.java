package io.mtaprov.ui.views.sequence;

import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.core.trace.TraceStore;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.Attempts;
import io.mtaprov.ui.internal.Messages;
import io.mtaprov.ui.internal.ServiceAccess;
import io.mtaprov.ui.internal.UiBatcher;
import io.mtaprov.ui.views.enrollment.EnrollmentRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;

/**
 * The selected MTA's latest provisioning attempt as a live sequence diagram (lifelines MTA, DHCP,
 * DNS, KDC, Provisioning Server, TFTP), following the selection of the Enrollment and Trace views.
 * The MTA's stored events are read in a Job; its live events come from the TraceBus through a
 * {@link UiBatcher}. Selecting an arrow shows its decoded detail below. "Copy as text" and "Export
 * Text..." give the attempt as text; "Export pcap..." writes the datagrams the servers captured for
 * it (DHCP, DNS, TFTP; see {@link AttemptExport}) for Wireshark.
 */
public class SequenceView extends ViewPart {
    static final int MAX_EVENTS = 5_000;

    private final Set<TraceEvent> events = new LinkedHashSet<>();
    private final ISelectionListener onSelection = this::selectionChanged;
    private ServiceAccess<TraceBus> bus;
    private ServiceAccess<TraceStore> store;
    private TraceBus.Subscription subscription;
    private SequenceCanvas canvas;
    private DetailPane detail;
    private volatile String mac = "";
    private boolean mtaSide;
    private int loads;
    private String lastExport = "";

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        canvas = new SequenceCanvas(sash, i -> detail.show(canvas.arrows().get(i)));
        detail = new DetailPane(sash);
        sash.setWeights(70, 30);
        setContentDescription(Messages.Sequence_noMta);

        bus = new ServiceAccess<>(TraceBus.class);
        store = new ServiceAccess<>(TraceStore.class);
        UiBatcher<TraceEvent> batcher = new UiBatcher<>(parent.getDisplay(), this::live);
        bus.get().ifPresent(b -> subscription = b.subscribe(batch -> {
            String m = mac;
            List<TraceEvent> mine = batch.stream().filter(e -> !m.isEmpty() && e.mtaMac().equals(m)).toList();
            if (!mine.isEmpty()) {
                batcher.offerAll(mine);
            }
        }));
        getSite().getPage().addSelectionListener(UiIds.VIEW_ENROLLMENT, onSelection);
        getSite().getPage().addSelectionListener(UiIds.VIEW_TRACE, onSelection);
        contribute(getViewSite().getActionBars().getToolBarManager());
    }

    private void contribute(IToolBarManager tb) {
        tb.add(new Action(Messages.Sequence_copyText) {
            @Override
            public void run() {
                copyAsText();
            }
        });
        Action side = new Action(Messages.Sequence_mtaSide, IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                mtaSide = isChecked();
                redraw(false);
            }
        };
        side.setToolTipText(Messages.Sequence_mtaSideTip);
        tb.add(side);
        tb.add(new Action(Messages.Sequence_exportText) {
            @Override
            public void run() {
                chooseFile("txt").ifPresent(f -> exportText(f));
            }
        });
        Action pcap = new Action(Messages.Sequence_pcap) {
            @Override
            public void run() {
                chooseFile("pcap").ifPresent(f -> exportPcap(f));
            }
        };
        pcap.setToolTipText(Messages.Sequence_pcapTip);
        tb.add(pcap);
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (!(selection instanceof IStructuredSelection s) || s.isEmpty()) {
            return;
        }
        Object first = s.getFirstElement();
        if (first instanceof EnrollmentRow r) {
            showMta(r.mac());
        } else if (first instanceof TraceEvent e && !e.mtaMac().isEmpty()) {
            showMta(e.mtaMac());
            int i = indexOf(e);
            if (i >= 0) {
                canvas.select(i);
            }
        }
    }

    /** UI thread: draws the MTA's latest attempt (read in a Job), then follows it live. */
    public void showMta(String mtaMac) {
        if (mtaMac.equals(mac)) {
            return;
        }
        mac = mtaMac;
        events.clear();
        canvas.setArrows(List.of(), false);
        detail.clear();
        setContentDescription(NLS.bind(Messages.Sequence_loading, mtaMac));
        int load = ++loads;
        store.get().ifPresentOrElse(s -> {
            Display d = canvas.control().getDisplay();
            Job job = Job.create(NLS.bind(Messages.Sequence_loadJob, mtaMac), monitor -> {
                List<TraceEvent> history = s.latestForMta(mtaMac, MAX_EVENTS);
                d.asyncExec(() -> {
                    if (load == loads && !canvas.control().isDisposed()) {
                        events.addAll(history);
                        redraw(false);
                    }
                });
                return Status.OK_STATUS;
            });
            job.setSystem(true);
            job.schedule();
        }, () -> redraw(false));
    }

    private void live(List<TraceEvent> batch) {
        if (canvas.control().isDisposed()) {
            return;
        }
        batch.stream().filter(e -> e.mtaMac().equals(mac)).forEach(events::add);
        redraw(true);
    }

    private void redraw(boolean keepSelection) {
        if (events.size() > MAX_EVENTS) {
            List<TraceEvent> keep = Attempts.latest(new ArrayList<>(events));
            events.clear();
            events.addAll(keep);
        }
        List<TraceEvent> attempt = Attempts.latest(new ArrayList<>(events));
        List<Arrow> arrows = SequenceModel.arrows(attempt, mtaSide);
        canvas.setArrows(arrows, keepSelection);
        setContentDescription(arrows.isEmpty() ? NLS.bind(Messages.Sequence_empty, mac)
                : NLS.bind(Messages.Sequence_attempt, new Object[] {mac, arrows.size(),
                        SequencePainter.since(java.time.Duration.between(attempt.get(0).time(),
                                attempt.get(attempt.size() - 1).time())).replace("+", "")}));
    }

    private int indexOf(TraceEvent e) {
        List<Arrow> arrows = canvas.arrows();
        for (int i = 0; i < arrows.size(); i++) {
            if (arrows.get(i).event().equals(e)) {
                return i;
            }
        }
        return -1;
    }

    private void copyAsText() {
        if (canvas.arrows().isEmpty()) {
            return;
        }
        Clipboard cb = new Clipboard(canvas.control().getDisplay());
        try {
            cb.setContents(new Object[] {AttemptText.format(mac, canvas.arrows())},
                    new Transfer[] {TextTransfer.getInstance()});
        } finally {
            cb.dispose();
        }
    }

    private java.util.Optional<java.nio.file.Path> chooseFile(String extension) {
        if (mac.isEmpty() || canvas.arrows().isEmpty()) {
            return java.util.Optional.empty();
        }
        org.eclipse.swt.widgets.FileDialog d = new org.eclipse.swt.widgets.FileDialog(getSite().getShell(), SWT.SAVE);
        d.setOverwrite(true);
        d.setFileName("mta-" + mac.replace(":", "") + "." + extension);
        d.setFilterExtensions(new String[] {"*." + extension, "*.*"});
        String chosen = d.open();
        return chosen == null ? java.util.Optional.empty() : java.util.Optional.of(java.nio.file.Path.of(chosen));
    }

    /**
     * UI thread: writes the shown attempt's captured datagrams as a pcap file in a Job; the result
     * (packet count or why nothing was written) shows in the view's description.
     */
    public Job exportPcap(java.nio.file.Path file) {
        String m = mac;
        List<TraceEvent> attempt = Attempts.latest(new ArrayList<>(events));
        Display d = canvas.control().getDisplay();
        Job job = Job.create(NLS.bind(Messages.Sequence_pcapJob, m), monitor -> {
            try (ServiceAccess<io.mtaprov.core.trace.PacketCapture> capture = new ServiceAccess<>(
                    io.mtaprov.core.trace.PacketCapture.class);
                    ServiceAccess<io.mtaprov.core.lease.LeaseLookup> leases = new ServiceAccess<>(
                            io.mtaprov.core.lease.LeaseLookup.class)) {
                AttemptExport.PcapResult r = AttemptExport.pcap(file, m, attempt,
                        capture.get().orElseThrow(() -> new java.io.IOException("no packet capture service")),
                        leases.get().orElse(null));
                d.asyncExec(() -> exported(NLS.bind(Messages.Sequence_pcapDone, new Object[] {r.packets(), m, file})));
                return Status.OK_STATUS;
            } catch (java.io.IOException | RuntimeException e) {
                d.asyncExec(() -> exported(NLS.bind(Messages.Sequence_exportFailed, e.getMessage())));
                return Status.warning(e.getMessage());
            }
        });
        job.schedule();
        return job;
    }

    /** UI thread: writes the shown attempt as text (what "Copy as Text" gives) in a Job. */
    public Job exportText(java.nio.file.Path file) {
        String m = mac;
        List<Arrow> arrows = canvas.arrows();
        Display d = canvas.control().getDisplay();
        Job job = Job.create(NLS.bind(Messages.Sequence_pcapJob, m), monitor -> {
            try {
                AttemptExport.text(file, m, arrows);
                d.asyncExec(() -> exported(NLS.bind(Messages.Sequence_textDone, m, file)));
                return Status.OK_STATUS;
            } catch (java.io.IOException e) {
                d.asyncExec(() -> exported(NLS.bind(Messages.Sequence_exportFailed, e.getMessage())));
                return Status.warning(e.getMessage());
            }
        });
        job.schedule();
        return job;
    }

    private void exported(String message) {
        if (!canvas.control().isDisposed()) {
            lastExport = message;
            setContentDescription(message);
        }
    }

    /** UI thread: what the last export said ("" before any). */
    public String lastExport() {
        return lastExport;
    }

    /** UI thread: the MTA shown, "" for none. */
    public String mta() {
        return mac;
    }

    /** UI thread: the arrows drawn, top to bottom (tests assert on from, to and label). */
    public List<Arrow> arrows() {
        return canvas.arrows();
    }

    /** UI thread: selects the arrow as a click would (its detail shows below). */
    public void selectArrow(int index) {
        canvas.select(index);
    }

    /** The attempt as the "Copy as text" action puts it on the clipboard. */
    public String attemptText() {
        return AttemptText.format(mac, canvas.arrows());
    }

    @Override
    public void setFocus() {
        canvas.control().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(UiIds.VIEW_ENROLLMENT, onSelection);
        getSite().getPage().removeSelectionListener(UiIds.VIEW_TRACE, onSelection);
        if (subscription != null) {
            subscription.close();
        }
        if (bus != null) {
            bus.close();
        }
        if (store != null) {
            store.close();
        }
        super.dispose();
    }
}
