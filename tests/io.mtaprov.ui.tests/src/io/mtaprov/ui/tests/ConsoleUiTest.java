package io.mtaprov.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.sim.MtaRunResult;
import io.mtaprov.sim.demo.DemoMta;
import io.mtaprov.core.files.GeneratedFileStore;
import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerRegistry;
import io.mtaprov.tests.support.Await;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.ServerJobs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The console as an engineer sees it: the Provisioning perspective with the Servers and Trace views
 * as real widgets; a TFTP fetch on loopback shows up in the Trace view; a screenshot for the README.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleUiTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final int TFTP_PORT = Integer.getInteger("mtaprov.tftp.port", 10069);

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

    static <T> T service(Class<T> type) {
        BundleContext ctx = FrameworkUtil.getBundle(ConsoleUiTest.class).getBundleContext();
        ServiceTracker<T, T> t = new ServiceTracker<>(ctx, type, null);
        t.open();
        try {
            return t.waitForService(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            t.close();
        }
    }

    @Test
    @Order(1)
    void perspectiveShowsServersAndTraceViews() {
        List<String> views = Widgets.onUi(() -> {
            IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            return List.of(page.getPerspective().getId(), String.valueOf(page.findView(UiIds.VIEW_SERVERS) != null),
                    String.valueOf(page.findView(UiIds.VIEW_TRACE) != null));
        });
        assertThat(views).containsExactly(UiIds.PERSPECTIVE, "true", "true");
        assertThat(Widgets.onUi(() -> Widgets.find(UiIds.WIDGET_SERVERS_TABLE).isPresent())).isTrue();
        assertThat(Widgets.onUi(() -> Widgets.find(UiIds.WIDGET_TRACE_TABLE).isPresent())).isTrue();
    }

    @Test
    @Order(2)
    void serversViewShowsTheRunningTftpServerAndItsPort() {
        Await.until("TFTP row RUNNING", WAIT, () -> Widgets.rows(UiIds.WIDGET_SERVERS_TABLE).stream()
                .anyMatch(r -> r.get(0).equals("TFTP server") && r.get(1).equals("RUNNING")
                        && r.get(3).equals("127.0.0.1") && r.get(4).equals(Integer.toString(TFTP_PORT))));
    }

    @Test
    @Order(3)
    void theDemoMtaProvisionsAndEveryStepAppearsInTheTraceTable() {
        DemoMta demo = service(DemoMta.class);
        Await.until("the demo MTA's run", WAIT, () -> demo.result() != null);
        MtaRunResult r = demo.result();
        assertThat(r.completed()).as(r.toString()).isTrue();
        String mac = DemoMta.DEMO_MAC;
        for (String step : List.of("1 Device Action Request", "2 DHCP Options Transfer", "4 Enrollment Request",
                "5 Generation of Configuration File", "6 Configuration File Upload", "7 Configuration File Location",
                "8 Request for Configuration File", "9 Configuration File Download", "10 Provisioning Status Update")) {
            Await.until("step '" + step + "' of the demo MTA in the Trace view", WAIT,
                    () -> Widgets.rows(UiIds.WIDGET_TRACE_TABLE).stream()
                            .anyMatch(row -> row.get(1).equals(mac) && row.get(2).startsWith(step)));
        }
        assertThat(Widgets.rows(UiIds.WIDGET_TRACE_TABLE)).filteredOn(row -> row.get(1).equals(mac))
                .noneMatch(row -> row.get(7).equals("FAILED"));
    }

    @Test
    @Order(4)
    void tftpFetchOnLoopbackAppearsInTheTraceTable() throws IOException {
        GeneratedFileStore files = service(GeneratedFileStore.class);
        GeneratedFile file = files.recent(1).get(0);
        byte[] expected = files.content(file.name()).orElseThrow();

        TFTPClient client = new TFTPClient();
        client.setDefaultTimeout(Duration.ofSeconds(3));
        client.open();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            client.receiveFile(file.name(), TFTP.BINARY_MODE, got, InetAddress.getLoopbackAddress(), TFTP_PORT);
        } finally {
            client.close();
        }
        assertThat(got.toByteArray()).isEqualTo(expected);
        // the demo MTA fetched this file once; our fetch adds the second transfer row
        Await.until("the transfer row in the Trace view", WAIT, () -> Widgets.rows(UiIds.WIDGET_TRACE_TABLE).stream()
                .filter(r -> r.get(6).startsWith("sent " + file.name()) && r.get(7).equals("OK")).count() >= 2);
        Await.until("the counter in the Servers view", WAIT, () -> Widgets.rows(UiIds.WIDGET_SERVERS_TABLE).stream()
                .anyMatch(r -> r.get(0).equals("TFTP server") && Long.parseLong(r.get(6)) >= 2));
    }

    @Test
    @Order(5)
    void stopAndStartFromTheConsoleUpdateTheServersView() {
        ManagedServer tftp = service(ServerRegistry.class).server("tftp").orElseThrow();
        ServerJobs.stop(tftp);
        Await.until("TFTP row STOPPED", WAIT, () -> Widgets.rows(UiIds.WIDGET_SERVERS_TABLE).stream()
                .anyMatch(r -> r.get(0).equals("TFTP server") && r.get(1).equals("STOPPED")));
        ServerJobs.start(tftp);
        Await.until("TFTP row RUNNING again", WAIT, () -> Widgets.rows(UiIds.WIDGET_SERVERS_TABLE).stream()
                .anyMatch(r -> r.get(0).equals("TFTP server") && r.get(1).equals("RUNNING")));
    }

    @Test
    @Order(6)
    void screenshotOfTheConsoleForTheReadme() throws IOException {
        String docs = System.getProperty("mtaprov.docs");
        assertThat(docs).as("-Dmtaprov.docs").isNotNull();
        Path target = Path.of(docs, "console.png");
        Files.createDirectories(target.getParent());
        Widgets.onUi(() -> {
            Table trace = (Table) Widgets.find(UiIds.WIDGET_TRACE_TABLE).orElseThrow();
            for (int i = trace.getItemCount() - 1; i >= 0; i--) {
                if (trace.getItem(i).getText(6).startsWith("sent ")) {
                    trace.setFocus();
                    trace.setSelection(i);
                    org.eclipse.swt.widgets.Event selected = new org.eclipse.swt.widgets.Event();
                    selected.item = trace.getItem(i);
                    trace.notifyListeners(SWT.Selection, selected);
                    break;
                }
            }
            return null;
        });
        Await.until("the selected transfer's detail below the table", WAIT, () -> Widgets.onUi(
                () -> ((org.eclipse.swt.widgets.Text) Widgets.find(UiIds.WIDGET_TRACE_DETAIL).orElseThrow()).getText()
                        .contains("blksize 512")));
        Screenshots.ofWorkbench(target);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }
}
