package io.mtaprov.server.kdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.pki.CertificateIssuer;
import io.mtaprov.pki.Credential;
import io.mtaprov.pki.LabPki;
import io.mtaprov.pki.MacAddress;
import io.mtaprov.pki.Pem;
import io.mtaprov.tests.support.FreePorts;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with MIT Kerberos 1.20's kinit (Debian 12 packages krb5-user and krb5-pkinit),
 * a peer no one here wrote: RSA-mode PKINIT with a certificate from our PKI, a password principal,
 * and the refusals.
 */
class MitKinitInteropTest {
    static final MacAddress MAC = MacAddress.of("00:10:95:00:00:01");
    static final String MTA = "mta/mta1.mtaprov.lab";
    @TempDir
    static Path dir;
    static LabPki pki;
    static RecordingTraceBus trace = new RecordingTraceBus();
    static KdcServer server;
    static Path krb5conf;

    record Run(int exit, String output) {
    }

    @BeforeAll
    static void start() throws Exception {
        for (String tool : List.of("/usr/bin/kinit", "/usr/bin/klist")) {
            if (Files.notExists(Path.of(tool))) {
                throw new AssertionError("MIT Kerberos is not installed: apt-get install krb5-user krb5-pkinit");
            }
        }
        if (Files.notExists(Path.of("/usr/lib/x86_64-linux-gnu/krb5/plugins/preauth/pkinit.so"))) {
            throw new AssertionError("MIT's PKINIT plugin is not installed: apt-get install krb5-pkinit");
        }
        pki = LabPki.open(dir.resolve("pki"), "test-master".toCharArray());
        int port = FreePorts.udp();
        KdcSettings settings = new KdcSettings("MTAPROV.LAB", "kdc.mtaprov.lab", Map.of(MTA, MAC),
                Map.of("alice", "alice-pw"), "mtaprovsrvr/mps.mtaprov.lab", dir.resolve("pki"), "");
        server = new KdcServer(new ServerSettings("127.0.0.1", port, true), settings, pki, trace);
        server.start().join();
        Credential mta = pki.mta(MAC);
        write("mta.pem", Pem.certificates(List.of(mta.certificate())));
        write("mta.key", Pem.unprotectedKey(mta.privateKey()));
        // kinit checks its own chain before sending: it needs the MTA root as an anchor too, and
        // the manufacturer CA in its pool (it then sends device + manufacturer certificates)
        write("kdc-root.pem", Pem.certificates(List.of(pki.serviceProviderRoot().certificate(),
                pki.mtaRoot().certificate())));
        write("pool.pem", Pem.certificates(List.of(pki.manufacturer().certificate())));
        krb5conf = write("krb5.conf", """
                [libdefaults]
                  default_realm = MTAPROV.LAB
                  dns_lookup_kdc = false
                  dns_lookup_realm = false
                  pkinit_pool = FILE:%s
                [realms]
                  MTAPROV.LAB = {
                    kdc = 127.0.0.1:%d
                  }
                """.formatted(dir.resolve("pool.pem"), port));
    }

    @AfterAll
    static void stop() {
        server.stop().join();
    }

    static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    static Run run(String ccache, String stdin, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("KRB5_CONFIG", krb5conf.toString());
        pb.environment().put("KRB5CCNAME", "FILE:" + dir.resolve(ccache));
        pb.environment().remove("KRB5_TRACE");
        Process p = pb.start();
        try {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().close();
        } catch (IOException e) {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s exited before reading its input", command[0]).isTrue();
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static Run pkinit(String ccache, String cert, String key, String anchors) throws Exception {
        return run(ccache, "", "/usr/bin/kinit", "-X", "X509_user_identity=FILE:" + cert + "," + key,
                "-X", "X509_anchors=FILE:" + anchors, "-X", "flag_RSA_PROTOCOL=yes", "-X", "disable_freshness=yes", MTA);
    }

    static List<TraceEvent> tracesSince(int n) {
        return new ArrayList<>(trace.events().subList(n, trace.events().size()));
    }

    @Test
    void kinitGetsATgtWithRsaModePkinitAndALabCertificate() throws Exception {
        int before = trace.events().size();
        Run kinit = pkinit("cc-pkinit", "mta.pem", "mta.key", "kdc-root.pem");
        assertThat(kinit.exit()).as(kinit.output()).isZero();
        Run klist = run("cc-pkinit", "", "/usr/bin/klist");
        assertThat(klist.output()).contains("Default principal: mta/mta1.mtaprov.lab@MTAPROV.LAB")
                .contains("krbtgt/MTAPROV.LAB@MTAPROV.LAB");
        List<TraceEvent> t = tracesSince(before);
        assertThat(t).extracting(TraceEvent::summary).anyMatch(s -> s.contains("KDC_ERR_PREAUTH_REQUIRED"))
                .anyMatch(s -> s.contains("TGT issued"));
        assertThat(t.get(t.size() - 1).detail()).contains("PKINIT (RSA)").contains("00:10:95:00:00:01");
        // and a service ticket for the provisioning server with that TGT (Kerby's TGS behind our handler)
        Run kvno = run("cc-pkinit", "", "/usr/bin/kvno", "mtaprovsrvr/mps.mtaprov.lab");
        assertThat(kvno.exit()).as(kvno.output()).isZero();
        assertThat(run("cc-pkinit", "", "/usr/bin/klist").output()).contains("mtaprovsrvr/mps.mtaprov.lab@MTAPROV.LAB");
        TraceEvent tgs = trace.events().get(trace.events().size() - 1);
        assertThat(tgs.summary()).contains("TGS-REQ mta/mta1.mtaprov.lab@MTAPROV.LAB for mtaprovsrvr/mps.mtaprov.lab");
        assertThat(tgs.mtaMac()).isEqualTo("00:10:95:00:00:01");
    }

    @Test
    void kinitWithASelfSignedCertificateGetsNoTicket() throws Exception {
        Credential self = CertificateIssuer.selfSignedDevice(MAC, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600));
        write("self.pem", Pem.certificates(List.of(self.certificate())));
        write("self.key", Pem.unprotectedKey(self.privateKey()));
        // kinit refuses to send a certificate it cannot verify itself, so it is made an anchor here
        write("anchors-self.pem", Files.readString(dir.resolve("kdc-root.pem")) + Pem.certificates(List.of(self.certificate())));
        int before = trace.events().size();
        Run kinit = pkinit("cc-self", "self.pem", "self.key", "anchors-self.pem");
        assertThat(kinit.exit()).isNotZero();
        assertThat(kinit.output()).contains("Client not trusted");
        assertThat(run("cc-self", "", "/usr/bin/klist").exit()).isNotZero();
        TraceEvent last = tracesSince(before).get(tracesSince(before).size() - 1);
        assertThat(last.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(last.summary()).contains("KDC_ERR_CLIENT_NOT_TRUSTED");
        assertThat(last.detail()).contains("no certificate for its signer");
    }

    @Test
    void kinitWithoutPkinitForAnMtaPrincipalGetsNoTicket() throws Exception {
        int before = trace.events().size();
        Run kinit = run("cc-nopreauth", "guess\n", "/usr/bin/kinit", MTA);
        assertThat(kinit.exit()).isNotZero();
        assertThat(run("cc-nopreauth", "", "/usr/bin/klist").exit()).isNotZero();
        assertThat(tracesSince(before)).isNotEmpty().allSatisfy(ev -> assertThat(ev.summary()).doesNotContain("TGT issued"))
                .anySatisfy(ev -> assertThat(ev.detail()).contains("offered padata 16"));
    }

    @Test
    void kinitGetsATicketForAPasswordPrincipalAndNoneWithAWrongPassword() throws Exception {
        Run ok = run("cc-alice", "alice-pw\n", "/usr/bin/kinit", "alice");
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(run("cc-alice", "", "/usr/bin/klist").output()).contains("alice@MTAPROV.LAB");
        int before = trace.events().size();
        Run wrong = run("cc-alice2", "not-it\n", "/usr/bin/kinit", "alice");
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.output()).contains("Password incorrect");
        assertThat(tracesSince(before)).anySatisfy(ev -> assertThat(ev.detail()).contains("wrong password"));
    }
}
