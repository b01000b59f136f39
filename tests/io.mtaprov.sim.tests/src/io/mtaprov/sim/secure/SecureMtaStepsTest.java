package io.mtaprov.sim.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.pki.LabPki;
import io.mtaprov.server.kdc.KdcServer;
import io.mtaprov.server.kdc.KdcSettings;
import io.mtaprov.server.mps.km.KeyManagementServer;
import io.mtaprov.server.mps.km.KmSettings;
import io.mtaprov.server.mps.km.SnmpEngineSink;
import io.mtaprov.server.mps.km.SnmpKeys;
import io.mtaprov.sim.MtaProfile;
import io.mtaprov.sim.SecureFlowSteps;
import io.mtaprov.tests.support.FreePorts;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step 3 of the Secure flow on the wire: the simulator's PKINIT AS exchange (and TGS) with the real
 * KDC, which resolves the MTA's principal through an MTA FQDN request to the real key management
 * server, then AP Request / AP Reply with it; the keys both ends hold are equal; each fault ends with
 * its reason.
 */
class SecureMtaStepsTest {
    static final String REALM = "SECURE.LAB";
    static final String ZONE = "mtaprov.lab";
    @TempDir
    static Path dir;
    static LabPki pki;
    static final RecordingTraceBus trace = new RecordingTraceBus();
    static KdcServer kdc;
    static KeyManagementServer km;
    static final Map<String, SnmpKeys> installed = new ConcurrentHashMap<>();
    static final Map<String, Lease> leases = new ConcurrentHashMap<>();
    static SecureMtaSteps steps;
    static int kdcPort;
    static int kmPort;

    static final LeaseLookup LEASES = new LeaseLookup() {
        @Override
        public Optional<Lease> byMac(String mac) {
            return Optional.ofNullable(leases.get(mac));
        }

        @Override
        public Optional<Lease> byIp(String ip) {
            return leases.values().stream().filter(l -> l.ip().equals(ip)).findFirst();
        }

        @Override
        public List<Lease> active(int limit) {
            return List.copyOf(leases.values());
        }
    };

    @BeforeAll
    static void start() {
        pki = LabPki.open(dir.resolve("pki"), "test-master".toCharArray());
        kdcPort = FreePorts.udpAndTcp();
        kmPort = FreePorts.udp();
        int fqdnPort = FreePorts.udp();
        KdcSettings ks = new KdcSettings(REALM, "kdc." + ZONE, Map.of(), Map.of(), "mtaprovsrvr/mps." + ZONE,
                dir.resolve("pki"), "").withMtaFqdnServer(new InetSocketAddress("127.0.0.1", fqdnPort));
        kdc = new KdcServer(new ServerSettings("127.0.0.1", kdcPort, true), ks, pki, trace);
        kdc.start().join();
        KmSettings kms = new KmSettings(fqdnPort, KmSettings.suites("sha1-des,md5-none"), Duration.ofDays(7),
                Duration.ofHours(1), true, REALM, ks.qualifiedMpsPrincipal(), ks.mpsKeytab());
        km = new KeyManagementServer(new ServerSettings("127.0.0.1", kmPort, true), kms, trace, LEASES, null);
        km.attach(new SnmpEngineSink() {
            @Override
            public byte[] engineId() {
                return HexFormat.of().parseHex("8000118b046d7073");
            }

            @Override
            public long engineBoots() {
                return 1;
            }

            @Override
            public long engineTime() {
                return 10;
            }

            @Override
            public void install(SnmpKeys keys) {
                installed.put(keys.ip(), keys);
            }
        });
        km.start().join();
        steps = new SecureMtaSteps(new SecureSettings(new InetSocketAddress("127.0.0.1", kdcPort), kdcPort, kmPort,
                "mtaprovsrvr/mps." + ZONE, SecureSettings.ALL_SUITES, Duration.ofMillis(500), 3), pki);
    }

    @AfterAll
    static void stop() {
        if (km != null) {
            km.stop().join();
        }
        kdc.stop().join();
    }

    /** An MTA with a lease on 127.0.0.n and its FQDN in DNS. */
    static SecureFlowSteps.Context mta(int n, boolean tgs) throws Exception {
        String mac = String.format("00:10:95:00:01:%02x", n);
        String fqdn = "mta-" + mac.replace(":", "") + "." + ZONE;
        String ip = "127.0.0." + n;
        leases.put(mac, new Lease(mac, ip, "lab", "pktc", "pktc1.5:", fqdn, "", Lease.State.BOUND, Instant.now(),
                Instant.now().plusSeconds(3600), REALM));
        return new SecureFlowSteps.Context(MtaProfile.lab(mac), REALM, fqdn, InetAddress.getByName(ip),
                InetAddress.getByName("127.0.0.1"), List.of(), tgs, HexFormat.of().parseHex("8000118b03" + mac.replace(":",
                        "")), 1, 5, (sent, peer, summary, detail, outcome) -> { });
    }

    @Test
    void pkinitThenKeyManagementGiveBothEndsTheSameKeys() throws Exception {
        SecureFlowSteps.Context c = mta(11, false);
        MtaUsmKeys keys = steps.establish(c);
        SnmpKeys server = installed.get("127.0.0.11");
        assertThat(server).isNotNull();
        assertThat(keys.authKey()).isEqualTo(server.authKey()).hasSize(20);
        assertThat(keys.privKey()).isEqualTo(server.privKey()).hasSize(16);
        assertThat(keys.user()).isEqualTo(server.user()).isEqualTo("mta-00109500010b");
        assertThat(keys.mpsEngineId()).isEqualTo(HexFormat.of().parseHex("8000118b046d7073"));
        assertThat(trace.events()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo("km");
            assertThat(e.summary()).startsWith("MTA FQDN reply: 00:10:95:00:01:0b is mta-00109500010b." + ZONE);
        });
        assertThat(trace.events()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo("kdc");
            assertThat(e.summary()).contains("mta/mta-00109500010b." + ZONE);
            assertThat(e.detail()).contains("MTA FQDN: 00:10:95:00:01:0b is mta-00109500010b." + ZONE);
        });
        String auth = HexFormat.of().formatHex(keys.authKey());
        assertThat(trace.events()).allSatisfy(e -> assertThat(e.summary() + e.detail()).doesNotContain(auth));
    }

    @Test
    void tgsPathGetsTheServiceTicketFromATgt() throws Exception {
        MtaUsmKeys keys = steps.establish(mta(12, true));
        assertThat(keys.authKey()).isEqualTo(installed.get("127.0.0.12").authKey());
        assertThat(trace.events()).extracting(TraceEvent::summary)
                .anySatisfy(s -> assertThat(s).startsWith("TGS-REQ mta/mta-00109500010c." + ZONE + "@" + REALM));
    }

    @Test
    void expiredCertificateEndsAtTheKdc() throws Exception {
        SecureFlowSteps.Context c = mta(13, false);
        steps.fault(c.mta().mac(), SecureFaults.NONE.withExpiredCertificate());
        assertThatThrownBy(() -> steps.establish(c)).hasMessageContaining("the KDC refused")
                .hasMessageContaining("KDC_ERR_INVALID_CERTIFICATE").hasMessageContaining("expired");
    }

    @Test
    void foreignCertificateEndsAtTheKdc() throws Exception {
        SecureFlowSteps.Context c = mta(14, false);
        steps.fault(c.mta().mac(), SecureFaults.NONE.withForeignCertificate());
        assertThatThrownBy(() -> steps.establish(c)).hasMessageContaining("KDC_ERR_CLIENT_NOT_TRUSTED");
    }

    @Test
    void certificateOfAnotherMacIsCaughtByMtaFqdn() throws Exception {
        SecureFlowSteps.Context c = mta(15, false);
        steps.fault(c.mta().mac(), SecureFaults.NONE.withWrongMac());
        assertThatThrownBy(() -> steps.establish(c)).hasMessageContaining("KDC_ERR_CLIENT_NAME_MISMATCH")
                .hasMessageContaining("wrong MAC");
    }

    @Test
    void clockSkewEndsAtTheKdc() throws Exception {
        SecureFlowSteps.Context c = mta(16, false);
        steps.fault(c.mta().mac(), SecureFaults.NONE.withClockSkew(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> steps.establish(c)).hasMessageContaining("KRB_AP_ERR_SKEW");
    }

    @Test
    void replayedApRequestIsRefusedByKeyManagement() throws Exception {
        SecureFlowSteps.Context c = mta(17, false);
        steps.fault(c.mta().mac(), SecureFaults.NONE.withReplayApReq());
        assertThatThrownBy(() -> steps.establish(c)).hasMessageContaining("replayed AP Request refused")
                .hasMessageContaining("KRB_AP_ERR_REPEAT");
    }

    @Test
    void lostKeyManagementAnswersEndInATimeout() throws Exception {
        SecureFlowSteps.Context c = mta(18, false);
        steps.fault(c.mta().mac(), SecureFaults.NONE.withKmTimeout());
        assertThatThrownBy(() -> steps.establish(c)).hasMessageContaining("key management timeout")
                .hasMessageContaining("3 AP Requests");
    }
}
