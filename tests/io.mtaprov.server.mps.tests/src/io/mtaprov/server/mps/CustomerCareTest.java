package io.mtaprov.server.mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.provisioning.CustomerCareException;
import io.mtaprov.core.provisioning.ProvisioningState;
import io.mtaprov.core.provisioning.SessionSnapshot;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.tests.support.Await;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step 5c: the CSV file (watched) and the HTTP/JSON endpoint. */
class CustomerCareTest {
    @TempDir
    Path dir;
    HttpServer http;

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    HttpServer http(String body, long delayMs) throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/mta/", ex -> {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            boolean known = !ex.getRequestURI().getRawPath().endsWith("00%3A10%3A95%3A00%3A00%3A02");
            ex.sendResponseHeaders(known ? 200 : 404, known ? b.length : -1);
            if (known) {
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        http.start();
        return http;
    }

    @Test
    void csvChangesArePickedUpWithoutRestart() throws Exception {
        Path csv = dir.resolve("care.csv");
        Files.writeString(csv, "# customer care export\nmac,line.1.number,deviceClass\n00:10:95:00:00:01,555-0101,default\n");
        try (CsvCustomerCareSource src = new CsvCustomerCareSource(csv)) {
            assertThat(src.lookup("00:10:95:00:00:01")).containsEntry("line.1.number", "555-0101")
                    .containsEntry("deviceClass", "default");
            assertThat(src.lookup("00:10:95:00:00:99")).isEmpty();
            long before = src.reloads();
            Files.writeString(csv, "mac,line.1.number,line.2.number\n00:10:95:00:00:01,555-0199,\"55\"\"5\"\n");
            Await.until("the edit is read", Duration.ofSeconds(20),
                    () -> src.reloads() > before && lookup(src).getOrDefault("line.1.number", "").equals("555-0199"));
            assertThat(src.lookup("00:10:95:00:00:01")).containsEntry("line.2.number", "55\"5")
                    .doesNotContainKey("deviceClass");
            Files.writeString(csv, "nomac,x\n");
            Await.until("the broken edit is reported", Duration.ofSeconds(20), () -> {
                try {
                    src.lookup("00:10:95:00:00:01");
                    return false;
                } catch (CustomerCareException e) {
                    return e.getMessage().contains("header must start with 'mac'");
                }
            });
        }
    }

    static Map<String, String> lookup(CsvCustomerCareSource s) {
        try {
            return s.lookup("00:10:95:00:00:01");
        } catch (CustomerCareException e) {
            return Map.of();
        }
    }

    @Test
    void httpAnswerIsFlattenedAndUnknownMacIsEmpty() throws Exception {
        http("{\"line\": {\"1\": {\"number\": \"555-0101\", \"callAgent\": \"[10.0.0.9]\"}}, \"lines\": 1}", 0);
        HttpCustomerCareSource src = new HttpCustomerCareSource(
                "http://127.0.0.1:" + http.getAddress().getPort() + "/mta/{mac}", Duration.ofSeconds(2));
        assertThat(src.lookup("00:10:95:00:00:01")).containsEntry("line.1.number", "555-0101")
                .containsEntry("line.1.callAgent", "[10.0.0.9]").containsEntry("lines", "1");
        assertThat(src.lookup("00:10:95:00:00:02")).isEmpty();
    }

    @Test
    void httpTimeoutIsTracedAndProvisioningGoesOn() throws Exception {
        http("{}", 3000);
        try (MpsFixture f = new MpsFixture()) {
            MpsSettings s = f.settings("HYBRID.2");
            s = new MpsSettings(s.community(), s.mtaSnmpPort(), false, s.tftpPort(), s.network(), s.timers(), List.of(),
                    "", "http://127.0.0.1:" + http.getAddress().getPort() + "/mta/{mac}", Duration.ofMillis(300),
                    Duration.ofMillis(100), false);
            f.start(s, List.of());
            TestMta m = f.mta();
            m.inform(m.enrollment(MibTree.CABLELABS, 1), f.mpsPort, MpsSettings.DEFAULT_COMMUNITY);
            SessionSnapshot snap = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
            assertThat(snap.fileName()).isNotEmpty();
            assertThat(f.trace.events()).anyMatch(e -> e.outcome() == Outcome.WARNING
                    && e.summary().startsWith("5c customer care HTTP") && e.summary().contains("failed after")
                    && e.detail().contains("within 300 ms"));
        }
    }

    @Test
    void slowButSuccessfulCareIsMarkedSlow() throws Exception {
        http("{\"line\": [{\"callAgent\": \"[10.7.7.7]\"}]}", 250);
        try (MpsFixture f = new MpsFixture()) {
            MpsSettings s = f.settings("HYBRID.2");
            s = new MpsSettings(s.community(), s.mtaSnmpPort(), false, s.tftpPort(), s.network(), s.timers(), List.of(),
                    "", "http://127.0.0.1:" + http.getAddress().getPort() + "/mta/{mac}", Duration.ofSeconds(3),
                    Duration.ofMillis(100), true);
            f.start(s, List.of());
            TestMta m = f.mta();
            m.inform(m.enrollment(MibTree.CABLELABS, 1), f.mpsPort, MpsSettings.DEFAULT_COMMUNITY);
            SessionSnapshot snap = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
            assertThat(f.trace.events()).anyMatch(e -> e.outcome() == Outcome.WARNING
                    && e.summary().startsWith("5c customer care HTTP") && e.summary().endsWith("(slow)"));
            assertThat(new String(f.files.content(snap.fileName()).orElseThrow(), StandardCharsets.ISO_8859_1))
                    .contains("[10.7.7.7]");
        }
    }

    @Test
    void jsonReaderIsStrict() {
        assertThat(JsonReader.flatten("{\"a\":[1,{\"b\":true}],\"c\":null,\"d\":\"\\u0041\\n\"}"))
                .containsExactly(Map.entry("a.1", "1"), Map.entry("a.2.b", "true"), Map.entry("d", "A\n"));
        assertThatThrownBy(() -> JsonReader.flatten("{\"a\":1,}")).hasMessageContaining("offset");
        assertThatThrownBy(() -> JsonReader.flatten("{\"a\":tru}")).hasMessageContaining("unexpected value");
        assertThatThrownBy(() -> JsonReader.flatten("[".repeat(40))).hasMessageContaining("nested deeper");
    }
}
