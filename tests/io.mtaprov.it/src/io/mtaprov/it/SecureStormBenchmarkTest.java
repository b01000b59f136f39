package io.mtaprov.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Flow;
import io.mtaprov.pki.Credential;
import io.mtaprov.pki.LabPki;
import io.mtaprov.pki.MacAddress;
import io.mtaprov.sim.FleetReport;
import io.mtaprov.sim.MtaProfile;
import io.mtaprov.sim.SimulatorFleet;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.EnumSet;
import java.util.List;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Secure-flow storm figure for docs/benchmarks.md, run on demand only
 * ({@code -Dmtaprov.bench.secureStorm=<MTAs>}): that many simulated MTAs through DHCP, PKINIT (KDC
 * with MTA FQDN), key management, SNMPv3 enrollment/SET/status and TFTP, all in this JVM on loopback
 * (servers and simulator share the 2 cores). Reports MTAs/s and the share of the process CPU time
 * spent in RSA private-key operations (3 per MTA: the MTA's AuthPack signature, the KDC's ReplyKeyPack
 * signature, the MTA's EnvelopedData decryption) and public-key operations (3 per MTA: the KDC's
 * signature check, its envelope to the MTA key, the MTA's check of the KDC signature), each costed by
 * a single-thread measurement in the same JVM with the lab's 2048-bit keys.
 */
class SecureStormBenchmarkTest {
    @Test
    @EnabledIfSystemProperty(named = "mtaprov.bench.secureStorm", matches = "[1-9]\\d*")
    void secureStorm() throws Exception {
        int n = Integer.getInteger("mtaprov.bench.secureStorm");
        int concurrency = Integer.getInteger("mtaprov.bench.concurrency", 200);
        SecureFlowEndToEndTest.serversRunning();
        List<MtaProfile> mtas = SimulatorFleet.labProfiles(MtaProfile.LAB_OUI + ":f4:00:00", n,
                (i, p) -> p.withFlows(EnumSet.allOf(Flow.class)).withRelayAgent(SecureFlowEndToEndTest.SECURE_RELAY)
                        .withExpectedFlow(Flow.SECURE));
        long prep = System.nanoTime();
        SecureFlowEndToEndTest.steps.prepare(mtas.stream().map(MtaProfile::mac).toList());
        System.out.printf("device certificates for %d MTAs ready in %.1f s%n", n, (System.nanoTime() - prep) / 1e9);
        double[] rsa = rsaCosts(SecureFlowEndToEndTest.kdc().pki().orElseThrow());
        long cpu0 = processCpuNs();
        FleetReport report = new SimulatorFleet(ItRuntime.settings().toBuilder().setWait(java.time.Duration.ofSeconds(5))
                .build(), null, SecureFlowEndToEndTest.steps)
                .run(mtas, concurrency, 0);
        long cpu = processCpuNs() - cpu0;
        double rsaNs = report.completed() * (3 * rsa[0] + 3 * rsa[1]);
        System.out.printf("SECURE STORM: %s%n", report.summary());
        System.out.printf("SECURE STORM: %d MTAs, concurrency %d: %.0f MTAs/s, wall %.1f s, process CPU %.1f s"
                + " (%.2f cores), RSA private op %.2f ms, public op %.3f ms, RSA share of CPU %.0f %%%n", n,
                concurrency, report.mtasPerSecond(), report.wall().toMillis() / 1e3, cpu / 1e9,
                cpu / (double) report.wall().toNanos(), rsa[0] / 1e6, rsa[1] / 1e6, 100 * rsaNs / cpu);
        assertThat(report.failed()).as(report.summary()).isZero();
    }

    /** utime + stime of this process from /proc/self/stat (Linux, clock ticks of 10 ms). */
    private static long processCpuNs() throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }

    /** {ns per RSA-2048 private op (sign SHA256withRSA), ns per public op (verify)}, one thread, warmed up. */
    private static double[] rsaCosts(LabPki pki) throws Exception {
        Credential c = pki.mta(MacAddress.of(MtaProfile.LAB_OUI + ":f4:ff:ff"));
        PrivateKey priv = c.privateKey();
        PublicKey pub = c.certificate().getPublicKey();
        byte[] data = new byte[512];
        byte[] sig = null;
        for (int i = 0; i < 300; i++) {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(priv);
            s.update(data);
            sig = s.sign();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(priv);
            s.update(data);
            sig = s.sign();
        }
        double privNs = (System.nanoTime() - t0) / 500.0;
        long t1 = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(pub);
            s.update(data);
            s.verify(sig);
            Cipher.getInstance("RSA/ECB/PKCS1Padding");
        }
        double pubNs = (System.nanoTime() - t1) / 2000.0;
        return new double[] {privNs, pubNs};
    }
}
