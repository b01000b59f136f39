package io.mtaprov.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.sim.demo.DemoMta;
import io.mtaprov.tests.support.Await;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.views.sequence.SequenceView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sequence view exports the demo MTA's attempt as text and as a pcap of the datagrams the
 * servers captured; tshark reads the pcap (the console's ports decoded as DHCP, DNS and TFTP) and
 * finds DHCP, DNS and TFTP in it and no malformed packet or expert error.
 */
class AttemptExportUiTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final int DHCP_PORT = Integer.getInteger("mtaprov.dhcp.port", 10067);
    static final int DNS_PORT = Integer.getInteger("mtaprov.dns.port", 10053);
    static final int TFTP_PORT = Integer.getInteger("mtaprov.tftp.port", 10069);

    @TempDir
    static Path dir;

    static SequenceView view;

    @BeforeAll
    static void demoProvisionedAndShown() {
        Await.until("the workbench window", WAIT, () -> Widgets.onUi(
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null));
        DemoMta demo = ConsoleUiTest.service(DemoMta.class);
        Await.until("the demo MTA's run", WAIT, () -> demo.result() != null);
        view = Widgets.onUi(() -> {
            try {
                SequenceView v = (SequenceView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                        .showView(UiIds.VIEW_SEQUENCE);
                v.showMta(DemoMta.DEMO_MAC);
                return v;
            } catch (PartInitException e) {
                throw new AssertionError(e);
            }
        });
        Await.until("the demo's attempt up to step 10", WAIT, () -> Widgets.onUi(() -> view.arrows().stream()
                .anyMatch(a -> a.event().step().number() == 10)));
    }

    @Test
    void exportsTheAttemptAsText() throws IOException {
        Path file = dir.resolve("demo.txt");
        Widgets.onUi(() -> view.exportText(file));
        Await.until("the text file", WAIT, () -> Widgets.onUi(() -> view.lastExport().contains("demo.txt")));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("MTA " + DemoMta.DEMO_MAC).contains("DHCP").contains("[OK]");
        assertThat(text).isEqualTo(Widgets.onUi(view::attemptText));
    }

    @Test
    void exportsThePacketsAsAPcapThatTsharkReadsCleanly() throws IOException, InterruptedException {
        Path file = dir.resolve("demo.pcap");
        Widgets.onUi(() -> view.exportPcap(file));
        Await.until("the pcap export", WAIT, () -> Widgets.onUi(() -> view.lastExport().contains("demo.pcap")
                || view.lastExport().startsWith("Export failed")));
        assertThat(Widgets.onUi(view::lastExport)).contains("packets of " + DemoMta.DEMO_MAC);

        List<String> protocols = tshark(file, "-T", "fields", "-e", "_ws.col.Protocol");
        assertThat(protocols).contains("DHCP", "DNS", "TFTP");
        List<String> bad = tshark(file, "-Y", "_ws.malformed || _ws.expert.severity >= 8388608", "-T", "fields",
                "-e", "frame.number", "-e", "_ws.col.Info");
        assertThat(bad).as("malformed packets or expert errors").isEmpty();
        List<String> macs = tshark(file, "-Y", "dhcp", "-T", "fields", "-e", "dhcp.hw.mac_addr");
        // chaddr, and option 61 (client identifier) where the message has one
        assertThat(macs).isNotEmpty().allMatch(m -> java.util.Arrays.stream(m.split(","))
                .allMatch(DemoMta.DEMO_MAC::equals));
    }

    /** tshark's output lines with the console's test ports decoded as their protocols. */
    static List<String> tshark(Path file, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(),
                "-d", "udp.port==" + DHCP_PORT + ",dhcp", "-d", "udp.port==" + DNS_PORT + ",dns",
                "-d", "udp.port==" + TFTP_PORT + ",tftp"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("tshark " + cmd + ": " + err).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
