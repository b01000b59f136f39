package io.mtaprov.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.sim.demo.DemoMta;
import io.mtaprov.tests.support.Await;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.views.enrollment.EnrollmentColumn;
import io.mtaprov.ui.views.enrollment.EnrollmentRow;
import io.mtaprov.ui.views.enrollment.EnrollmentView;
import io.mtaprov.ui.views.sequence.Arrow;
import io.mtaprov.ui.views.sequence.Lifeline;
import io.mtaprov.ui.views.sequence.SequenceView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The MTA Enrollment and Sequence views in the running console: the demo MTA's row (complete, pass,
 * its flow), its attempt drawn as a sequence diagram when selected, screenshots for the README, and
 * 100,000 synthetic MTAs that the table counts, filters and sorts while the UI thread stays
 * responsive. Runs off the UI thread; widgets are read with syncExec.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnrollmentUiTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final int SYNTHETIC = 100_000;
    static final String MAC = DemoMta.DEMO_MAC;
    static final List<String> syntheticMacs = new ArrayList<>();

    @BeforeAll
    static void openPerspective() {
        Await.until("the workbench window", WAIT, () -> Widgets.onUi(
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null));
        Widgets.onUi(() -> {
            try {
                PlatformUI.getWorkbench().showPerspective(UiIds.PERSPECTIVE,
                        PlatformUI.getWorkbench().getActiveWorkbenchWindow());
            } catch (WorkbenchException e) {
                throw new AssertionError(e);
            }
            return null;
        });
    }

    @AfterAll
    static void forgetSyntheticMtas() {
        EnrollmentView view = enrollment();
        view.model().remove(syntheticMacs);
        Widgets.onUi(() -> {
            ((Text) Widgets.find(UiIds.WIDGET_ENROLLMENT_FILTER).orElseThrow()).setText("");
            return null;
        });
        view.requery();
        Await.until("the synthetic rows gone", WAIT, () -> Widgets.onUi(() -> view.isSettled()
                && view.indexOf(syntheticMacs.isEmpty() ? "-" : syntheticMacs.get(0)) < 0));
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    static EnrollmentView enrollment() {
        return Widgets.onUi(() -> (EnrollmentView) page().findView(UiIds.VIEW_ENROLLMENT));
    }

    static SequenceView sequence() {
        return Widgets.onUi(() -> (SequenceView) page().findView(UiIds.VIEW_SEQUENCE));
    }

    static Table table() {
        return (Table) Widgets.find(UiIds.WIDGET_ENROLLMENT_TABLE).orElseThrow();
    }

    /** UI thread: the cells of the table item of the MTA, materialised through the virtual table. */
    static List<String> cells(EnrollmentView view, String mac) {
        int i = view.indexOf(mac);
        if (i < 0) {
            return List.of();
        }
        Table t = table();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < t.getColumnCount(); c++) {
            out.add(t.getItem(i).getText(c));
        }
        return out;
    }

    static void awaitDemoMta() {
        DemoMta demo = ConsoleUiTest.service(DemoMta.class);
        Await.until("the demo MTA's run", WAIT, () -> demo.result() != null);
        assertThat(demo.result().completed()).as(demo.result().toString()).isTrue();
    }

    @Test
    @Order(1)
    void theDemoMtaIsListedCompleteWithPassAndItsFlow() {
        awaitDemoMta();
        EnrollmentView view = enrollment();
        assertThat(view).isNotNull();
        Await.until("the demo MTA's row COMPLETE / pass", WAIT, () -> Widgets.onUi(() -> {
            List<String> row = cells(view, MAC);
            return !row.isEmpty() && row.get(EnrollmentColumn.STATE.ordinal()).equals("COMPLETE / pass");
        }));
        List<String> row = Widgets.onUi(() -> cells(view, MAC));
        assertThat(row.get(EnrollmentColumn.MAC.ordinal())).isEqualTo(MAC);
        assertThat(row.get(EnrollmentColumn.FLOW.ordinal())).matches("BASIC\\.[12]|HYBRID\\.[12]|SECURE");
        assertThat(row.get(EnrollmentColumn.IP.ordinal())).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(row.get(EnrollmentColumn.STEP.ordinal())).startsWith("10 ");
        assertThat(row.get(EnrollmentColumn.TIME_TO_PROVISION.ordinal())).endsWith(" s");
    }

    @Test
    @Order(2)
    void selectingTheDemoMtaDrawsItsAttemptAsASequenceDiagram() {
        awaitDemoMta();
        EnrollmentView view = enrollment();
        Await.until("the demo MTA's row", WAIT, () -> Widgets.onUi(() -> view.indexOf(MAC) >= 0));
        select(view, MAC);
        SequenceView seq = sequence();
        Await.until("the demo MTA's attempt drawn up to step 10", WAIT, () -> Widgets.onUi(
                () -> seq.mta().equals(MAC) && seq.arrows().stream().anyMatch(a -> a.event().step().number() == 10)));
        List<Arrow> arrows = Widgets.onUi(seq::arrows);
        List<Integer> steps = new ArrayList<>();
        for (Arrow a : arrows) {
            int n = a.event().step().number();
            // the provisioning server notes "download seen" under step 10 (it now awaits the status)
            // as the transfer starts: that races the TFTP server's step 9, so it does not count here
            boolean awaitingStatus = n == 10 && a.isNote() && a.from() == Lifeline.MPS;
            if (!steps.contains(n) && !awaitingStatus) {
                steps.add(n);
            }
            assertThat(a.label()).startsWith(n + " " + a.event().step().specFlows() + ": ");
        }
        String drawn = "steps in the order drawn: " + Widgets.onUi(seq::attemptText);
        assertThat(steps).as(drawn).containsExactlyInAnyOrder(1, 2, 4, 5, 6, 7, 8, 9, 10);
        // the TFTP server traces step 9 when the last ACK arrives, which can be the same millisecond
        // as the provisioning server's receipt of the status INFORM (step 10): only 1..8 have an order
        assertThat(steps.subList(0, 7)).as(drawn).containsExactly(1, 2, 4, 5, 6, 7, 8);
        Arrow first = arrows.get(0);
        assertThat(List.of(first.from(), first.to())).as(first.label()).containsExactly(Lifeline.MTA, Lifeline.DHCP);
        assertThat(arrows).anyMatch(a -> a.from() == Lifeline.MPS && a.to() == Lifeline.MTA)
                .anyMatch(a -> a.from() == Lifeline.MTA && a.to() == Lifeline.TFTP)
                .anyMatch(a -> a.isNote() && a.from() == Lifeline.MPS)
                .noneMatch(Arrow::failed);
        assertThat(Widgets.onUi(seq::attemptText)).contains("MTA " + MAC).contains("MTA -> DHCP");

        int enrollmentInform = indexOfStep(arrows, 4);
        Widgets.onUi(() -> {
            seq.selectArrow(enrollmentInform);
            return null;
        });
        String summary = Widgets.onUi(() -> ((Text) Widgets.find(UiIds.WIDGET_SEQUENCE_SUMMARY).orElseThrow()).getText());
        assertThat(summary).startsWith("step 4 Enrollment Request / PKT-SP-PROV MTA-15");
    }

    static int indexOfStep(List<Arrow> arrows, int step) {
        for (int i = 0; i < arrows.size(); i++) {
            if (arrows.get(i).event().step().number() == step) {
                return i;
            }
        }
        return 0;
    }

    static void select(EnrollmentView view, String mac) {
        Widgets.onUi(() -> {
            Table t = table();
            int i = view.indexOf(mac);
            t.setSelection(i);
            Event e = new Event();
            e.item = t.getItem(i);
            t.notifyListeners(SWT.Selection, e);
            return null;
        });
    }

    @Test
    @Order(3)
    void screenshotsOfEnrollmentAndSequenceForTheReadme() throws IOException {
        String docs = System.getProperty("mtaprov.docs");
        assertThat(docs).as("-Dmtaprov.docs").isNotNull();
        awaitDemoMta();
        EnrollmentView view = enrollment();
        Await.until("the demo MTA's row", WAIT, () -> Widgets.onUi(() -> view.indexOf(MAC) >= 0));
        select(view, MAC);
        SequenceView seq = sequence();
        Await.until("the attempt drawn", WAIT, () -> Widgets.onUi(() -> seq.arrows().size() > 8));
        Widgets.onUi(() -> {
            seq.selectArrow(indexOfStep(seq.arrows(), 7));
            return null;
        });
        Path enrollmentPng = Path.of(docs, "enrollment.png");
        Screenshots.ofWorkbench(enrollmentPng);
        assertThat(Files.size(enrollmentPng)).isGreaterThan(10_000);

        Path sequencePng = Path.of(docs, "sequence.png");
        Widgets.onUi(() -> {
            page().setPartState(page().findViewReference(UiIds.VIEW_SEQUENCE), IWorkbenchPage.STATE_MAXIMIZED);
            return null;
        });
        try {
            Screenshots.ofWorkbench(sequencePng);
        } finally {
            Widgets.onUi(() -> {
                page().setPartState(page().findViewReference(UiIds.VIEW_SEQUENCE), IWorkbenchPage.STATE_RESTORED);
                return null;
            });
        }
        assertThat(Files.size(sequencePng)).isGreaterThan(10_000);
    }

    static String syntheticMac(int i) {
        return String.format(Locale.ROOT, "02:aa:00:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
    }

    @Test
    @Order(4)
    void aHundredThousandMtasAreCountedFilteredAndSortedWhileTheUiStaysResponsive() {
        EnrollmentView view = enrollment();
        int before = view.model().size();
        Instant t0 = Instant.now();
        List<Object> inputs = new ArrayList<>(2 * SYNTHETIC);
        for (int i = 0; i < SYNTHETIC; i++) {
            String mac = syntheticMac(i);
            syntheticMacs.add(mac);
            String ip = "10." + (100 + (i >> 16)) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
            inputs.add(new Lease(mac, ip, "lab", "pktc", "pktc1.5:051f", "mta" + i + ".lab.example", "",
                    Lease.State.BOUND, t0, t0.plusSeconds(3600)));
            boolean fails = i % 10 == 0;
            inputs.add(new TraceEvent(t0.plusMillis(i), mac,
                    fails ? ProvisioningStep.CONFIG_FILE_LOCATION : ProvisioningStep.DHCP_OPTIONS_TRANSFER,
                    fails ? "mps" : "dhcp", Direction.OUT, ip + ":68", fails ? "SET unanswered" : "DHCPACK " + ip,
                    fails ? "no answer to the SET" : "", fails ? Outcome.FAILED : Outcome.OK));
        }
        view.model().offer(inputs);
        int total = before + SYNTHETIC;
        long worst = awaitResponsive("all rows in the table", () -> table().getItemCount() == total && view.isSettled());

        long failedExpected = view.model().rows().stream().filter(r -> r.state().equals("FAILED")).count();
        assertThat(failedExpected).isGreaterThanOrEqualTo(SYNTHETIC / 10);
        setFilter("02:aa:00:00:");
        worst = Math.max(worst, awaitResponsive("the MAC filter", () -> view.isSettled() && table().getItemCount() == 65_536));
        setFilter("failed");
        worst = Math.max(worst, awaitResponsive("the state filter",
                () -> view.isSettled() && table().getItemCount() == failedExpected));
        setFilter("10.101.");
        worst = Math.max(worst, awaitResponsive("the IP filter",
                () -> view.isSettled() && table().getItemCount() >= SYNTHETIC - 65_536));

        setFilter("");
        Widgets.onUi(() -> {
            Table t = table();
            t.getColumn(EnrollmentColumn.MAC.ordinal()).notifyListeners(SWT.Selection, new Event()); // ascending
            t.getColumn(EnrollmentColumn.MAC.ordinal()).notifyListeners(SWT.Selection, new Event()); // descending
            return null;
        });
        worst = Math.max(worst, awaitResponsive("the descending MAC sort", () -> view.isSettled()
                && table().getItemCount() == total && table().getSortDirection() == SWT.DOWN));
        List<EnrollmentRow> shown = Widgets.onUi(view::shownRows);
        assertThat(shown.get(0).mac()).isGreaterThanOrEqualTo(syntheticMac(SYNTHETIC - 1));
        assertThat(shown).isSortedAccordingTo(EnrollmentColumn.MAC.order().reversed());
        String middle = Widgets.onUi(() -> {
            Table t = table();
            t.setTopIndex(SYNTHETIC / 2);
            return t.getItem(SYNTHETIC / 2).getText(EnrollmentColumn.MAC.ordinal());
        });
        assertThat(middle).isEqualTo(shown.get(SYNTHETIC / 2).mac());
        assertThat(worst).as("slowest UI round trip (ms) while loading, filtering and sorting").isLessThan(1_000);
    }

    static void setFilter(String text) {
        Widgets.onUi(() -> {
            ((Text) Widgets.find(UiIds.WIDGET_ENROLLMENT_FILTER).orElseThrow()).setText(text);
            return null;
        });
    }

    /** Waits for the condition (checked on the UI thread), measuring syncExec round trips; the slowest in ms. */
    static long awaitResponsive(String what, java.util.function.Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long worst = 0;
        while (true) {
            long t = System.nanoTime();
            boolean done = Widgets.onUi(condition);
            worst = Math.max(worst, (System.nanoTime() - t) / 1_000_000);
            if (done) {
                return worst;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
