package io.mtaprov.server.mps;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.provisioning.ProvisioningResult;
import io.mtaprov.core.provisioning.ProvisioningState;
import io.mtaprov.core.provisioning.ProvisioningStatus;
import io.mtaprov.core.provisioning.SessionSnapshot;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.tests.support.Await;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.PDU;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/** The provisioning server on loopback, driven by SNMP4J test MTAs (real INFORMs, GETs and SETs). */
class ProvisioningServerTest {
    static final String COMMUNITY = MpsSettings.DEFAULT_COMMUNITY;
    final MpsFixture f = new MpsFixture();

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    PDU enroll(TestMta m, MibTree tree, long corr) throws Exception {
        PDU answer = m.inform(m.enrollment(tree, corr), f.mpsPort, COMMUNITY);
        assertThat(answer).as("the MPS answers the INFORM").isNotNull();
        assertThat(answer.getType()).isEqualTo(PDU.RESPONSE);
        return answer;
    }

    static byte[] sha1(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(b);
    }

    @Test
    void hybrid2EnrollmentGetSetStatusPassCompletesWithTiming() throws Exception {
        f.start(f.settings("HYBRID.2").withGetOids(List.of("pktcMtaDevSerialNumber.0")), List.of());
        TestMta m = f.mta();
        m.mib.put(MtaRequests.resolve("pktcMtaDevSerialNumber.0", MibTree.CABLELABS), new OctetString("SN-42"));
        enroll(m, MibTree.CABLELABS, 1001);

        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        assertThat(m.gets).hasSize(1);
        assertThat(m.sets).hasSize(1);
        PDU set = m.sets.get(0);
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.get(0).getOid()).isEqualTo(MtaOids.scalar("pktcMtaDevConfigFile", MibTree.CABLELABS));
        assertThat(set.get(0).getVariable().toString()).isEqualTo("tftp://127.0.0.1:10069/" + s.fileName());
        byte[] stored = f.files.content(s.fileName()).orElseThrow();
        assertThat(set.get(1).getOid()).isEqualTo(MtaOids.scalar("pktcMtaDevProvConfigHash", MibTree.CABLELABS));
        assertThat(((OctetString) set.get(1).getVariable()).getValue()).isEqualTo(sha1(stored));
        assertThat(ConfigHash.verify(ConfigFile.decode(stored)).status().name()).isEqualTo("ABSENT");
        assertThat(f.trace.events()).anyMatch(e -> e.summary().startsWith("5a GET") && e.detail().contains("SN-42"));

        assertThat(f.leaseLookupsByIp).as("one lease look-up gives the flow and step 5b").hasValue(1);
        f.downloaded(m, s.fileName());
        f.awaitState(m.mac, ProvisioningState.AWAITING_STATUS);
        TraceEvent tftp = f.trace.events().stream().filter(e -> e.source().equals("tftp")).findFirst().orElseThrow();
        TraceEvent seen = f.trace.events().stream().filter(e -> e.summary().startsWith("download of ")).findFirst()
                .orElseThrow();
        assertThat(seen.step()).as("the note of the seen download belongs to step 9, not to 10")
                .isEqualTo(ProvisioningStep.CONFIG_FILE_DOWNLOAD);
        assertThat(seen.time()).as("noted after the TFTP server's event").isAfterOrEqualTo(tftp.time());
        assertThat(m.inform(m.status(MibTree.CABLELABS, 1001, 1), f.mpsPort, COMMUNITY)).isNotNull();
        SessionSnapshot done = f.awaitState(m.mac, ProvisioningState.COMPLETE);

        assertThat(done.status()).isEqualTo(ProvisioningStatus.PASS);
        assertThat(done.ended()).isNotNull();
        assertThat(done.elapsed()).isPositive();
        assertThat(done.entered()).containsKeys(ProvisioningState.ENROLLED, ProvisioningState.GENERATING,
                ProvisioningState.UPLOADED, ProvisioningState.SETTING, ProvisioningState.AWAITING_DOWNLOAD,
                ProvisioningState.AWAITING_STATUS, ProvisioningState.COMPLETE);
        List<TraceEvent> mps = f.trace.events().stream().filter(e -> e.source().equals("mps")).toList();
        assertThat(mps).extracting(e -> e.step().number()).containsOnly(4, 5, 6, 7, 9, 10);
        List<TraceEvent> byTime = f.trace.events().stream().sorted(java.util.Comparator.comparing(TraceEvent::time)).toList();
        assertThat(byTime.stream().map(e -> e.step().number()).filter(n -> n >= 9).toList())
                .as("in time order (the Sequence view's), every step 9 event comes before step 10's").isSorted();
        assertThat(mps).noneMatch(e -> e.outcome().isProblem());
        assertThat(mps.get(mps.size() - 1).summary()).startsWith("provisioned in ");
        Await.until("result recorded", Duration.ofSeconds(5), () -> !f.store.results(m.mac, 1).isEmpty());
        assertThat(f.store.results(m.mac, 1).get(0).state()).isEqualTo(ProvisioningState.COMPLETE);
    }

    @Test
    void hybrid1EndsWithTheDownload() throws Exception {
        f.start(f.settings("HYBRID.1"), List.of());
        TestMta m = f.mta();
        enroll(m, MibTree.CABLELABS, 5);
        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        f.downloaded(m, s.fileName());
        SessionSnapshot done = f.awaitState(m.mac, ProvisioningState.COMPLETE);
        assertThat(done.entered()).doesNotContainKey(ProvisioningState.AWAITING_STATUS);
        assertThat(done.status()).isNull();
    }

    @Test
    void aDownloadBeforeTheSetsAnswerStillEndsAHybrid1Attempt() throws Exception {
        f.start(f.settings("HYBRID.1"), List.of());
        TestMta m = f.mta();
        m.setMode = TestMta.SetMode.IGNORE; // the answer has not arrived (or is lost) when the download is seen
        enroll(m, MibTree.CABLELABS, 8);
        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.SETTING);
        f.downloaded(m, s.fileName());
        SessionSnapshot done = f.awaitState(m.mac, ProvisioningState.COMPLETE);
        assertThat(done.entered()).containsKey(ProvisioningState.AWAITING_DOWNLOAD);
        assertThat(f.trace.events()).anyMatch(e -> e.summary().equals("download before the SET's answer"));
    }

    @Test
    void theFlowComesFromTheRealmOfTheMtasLeaseNotTheNetworkDefault() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta("HYBRID.1");
        enroll(m, MibTree.CABLELABS, 6);
        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        assertThat(s.enrollment().flow()).isEqualTo(io.mtaprov.core.model.Flow.HYBRID_1);
        f.downloaded(m, s.fileName());
        assertThat(f.awaitState(m.mac, ProvisioningState.COMPLETE).status()).as("HYBRID.1 sends no status").isNull();
    }

    @Test
    void setTimeoutIsRetriedThenFailsWithReason() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta();
        m.setMode = TestMta.SetMode.IGNORE;
        enroll(m, MibTree.CABLELABS, 9);
        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.FAILED);
        assertThat(m.sets).hasSize(3);
        assertThat(s.setTries()).isEqualTo(3);
        assertThat(s.reason()).contains("no answer to the SET").contains("after 3 tries of 300 ms");
        TraceEvent failed = f.trace.events().stream().filter(e -> e.outcome() == Outcome.FAILED).findFirst().orElseThrow();
        assertThat(failed.step()).isEqualTo(ProvisioningStep.CONFIG_FILE_LOCATION);
    }

    @Test
    void setErrorStatusFailsWithTheMtasReason() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta();
        m.setMode = TestMta.SetMode.NOT_WRITABLE;
        enroll(m, MibTree.CABLELABS, 9);
        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.FAILED);
        assertThat(m.sets).hasSize(1);
        assertThat(s.reason()).contains("Not writable(17) at varbind 2 (pktcMtaDevProvConfigHash.0)");
    }

    @Test
    void duplicateInformWithSameCorrelationIdIsIgnored() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta();
        enroll(m, MibTree.CABLELABS, 77);
        SessionSnapshot first = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        enroll(m, MibTree.CABLELABS, 77);
        Await.until("repeat traced", Duration.ofSeconds(5),
                () -> f.trace.events().stream().anyMatch(e -> e.summary().contains("repeated")));
        assertThat(f.current(m.mac).orElseThrow().id()).isEqualTo(first.id());
        assertThat(m.sets).hasSize(1);
    }

    @Test
    void newCorrelationIdSupersedesTheRunningAttempt() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta();
        enroll(m, MibTree.CABLELABS, 1);
        SessionSnapshot first = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        enroll(m, MibTree.CABLELABS, 2);
        Await.until("second attempt", Duration.ofSeconds(5),
                () -> f.current(m.mac).map(s -> s.id() != first.id()).orElse(false));
        SessionSnapshot second = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        assertThat(second.enrollment().correlationId()).isEqualTo(2);
        assertThat(second.fileName()).isNotEqualTo(first.fileName());
        Await.until("superseded recorded", Duration.ofSeconds(5), () -> f.store.results(m.mac, 5).stream()
                .anyMatch(r -> r.state() == ProvisioningState.SUPERSEDED));
        ProvisioningResult old = f.store.results(m.mac, 5).stream()
                .filter(r -> r.state() == ProvisioningState.SUPERSEDED).findFirst().orElseThrow();
        assertThat(old.reason()).contains("correlation id 2");
        // a late status of the old boot is refused
        m.inform(m.status(MibTree.CABLELABS, 1, 1), f.mpsPort, COMMUNITY);
        Await.until("stale status refused", Duration.ofSeconds(5), () -> f.trace.events().stream()
                .anyMatch(e -> e.outcome() == Outcome.REJECTED && e.detail().contains("does not match")));
    }

    @Test
    void ietfTreeIsRecognisedAndUsedForTheSet() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta();
        enroll(m, MibTree.IETF, 3);
        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        assertThat(s.enrollment().mibTree()).isEqualTo("IETF");
        assertThat(m.sets.get(0).get(0).getOid()).isEqualTo(new OID("1.3.6.1.2.1.140.1.2.9.0"));
        assertThat(m.sets.get(0).get(1).getOid()).isEqualTo(new OID("1.3.6.1.2.1.140.1.2.11.0"));
        String text = ConfigFile.decode(f.files.content(s.fileName()).orElseThrow()).varbinds().toString();
        assertThat(text).contains("1.3.6.1.2.1.169.1.2.1.1.1.9"); // pktcSigEndPntConfigCallAgentId.9
        f.downloaded(m, s.fileName());
        m.inform(m.status(MibTree.IETF, 3, 1), f.mpsPort, COMMUNITY);
        f.awaitState(m.mac, ProvisioningState.COMPLETE);
    }

    @Test
    void passWithWarningsReadsTheErrorOidsTableAndMapsLines() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta();
        OID entry = MtaOids.object("pktcMtaDevErrorOidsEntry", MibTree.CABLELABS);
        m.mib.put(new OID(entry).append(2).append(1), new OctetString("1.3.6.1.4.1.4491.2.2.2.1.2.1.1.2.10"));
        m.mib.put(new OID(entry).append(4).append(1), new OctetString("value out of range"));
        m.mib.put(new OID("1.3.6.1.4.1.4491.2.2.1.1.1.14.0"), new OctetString("after the table"));
        enroll(m, MibTree.CABLELABS, 4);
        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        f.downloaded(m, s.fileName());
        m.inform(m.status(MibTree.CABLELABS, 4, 4), f.mpsPort, COMMUNITY);
        f.awaitState(m.mac, ProvisioningState.COMPLETE);
        Await.until("result", Duration.ofSeconds(5), () -> !f.store.results(m.mac, 1).isEmpty());
        ProvisioningResult r = f.store.results(m.mac, 1).get(0);
        assertThat(r.status()).isEqualTo(ProvisioningStatus.PASS_WITH_WARNINGS);
        assertThat(r.rejected()).hasSize(1);
        assertThat(r.rejected().get(0).line()).isPositive();
        assertThat(r.rejected().get(0).text()).startsWith("SnmpMibObject pktcNcsEndPntConfigCallAgentUdpPort.10 ");
        assertThat(r.rejected().get(0).reason()).isEqualTo("value out of range");
    }

    @Test
    void failureStatusEndsTheAttempt() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta();
        enroll(m, MibTree.CABLELABS, 6);
        f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        m.inform(m.status(MibTree.CABLELABS, 6, 3), f.mpsPort, COMMUNITY);
        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.FAILED);
        assertThat(s.reason()).contains("failConfigFileError(3)");
    }

    @Test
    void garbageAndWrongCommunityDoNotStopTheServer() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta();
        try (DatagramSocket sock = new DatagramSocket()) {
            Random r = new Random(1);
            for (int i = 0; i < 50; i++) {
                byte[] junk = new byte[1 + r.nextInt(300)];
                r.nextBytes(junk);
                if (i % 5 == 0) {
                    junk[0] = 0x30; // looks like a BER SEQUENCE
                }
                sock.send(new DatagramPacket(junk, junk.length, InetAddress.getLoopbackAddress(), f.mpsPort));
            }
        }
        assertThat(m.inform(m.enrollment(MibTree.CABLELABS, 1), f.mpsPort, "public")).as("wrong community").isNull();
        PDU notPacketCable = m.enrollment(MibTree.CABLELABS, 1);
        notPacketCable.set(1, new VariableBinding(MtaOids.SNMP_TRAP_OID, new OID("1.3.6.1.6.3.1.1.5.1")));
        m.inform(notPacketCable, f.mpsPort, COMMUNITY);
        enroll(m, MibTree.CABLELABS, 12);
        f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        assertThat(f.server.status().rejected()).isGreaterThanOrEqualTo(2);
        assertThat(f.server.status().dropped()).isPositive();
        assertThat(f.trace.events()).anyMatch(e -> e.outcome() == Outcome.REJECTED
                && e.detail().contains("not a PacketCable provisioning notification"));
    }

    @Test
    void missingLeaseFailsStep5WithReason() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta();
        f.leases.remove(m.ip);
        enroll(m, MibTree.CABLELABS, 1);
        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.FAILED);
        assertThat(s.reason()).contains("no lease for that address");
        assertThat(m.sets).isEmpty();
    }

    @Test
    void operatorCanReprovisionRegenerateAndDryRun() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta();
        enroll(m, MibTree.CABLELABS, 1);
        SessionSnapshot first = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);

        SessionSnapshot again = f.server.reprovision(m.mac);
        assertThat(again.id()).isNotEqualTo(first.id());
        Await.until("second SET", Duration.ofSeconds(5), () -> m.sets.size() == 2);
        assertThat(m.sets.get(1).get(0).getVariable().toString()).endsWith(first.fileName());

        f.store.saveMtaVariables(m.mac, java.util.Map.of("line.1.callAgent", "[10.9.9.9]"));
        String dry = f.server.dryRun(m.mac);
        assertThat(dry).contains("device class: default").contains("layer MTA " + m.mac)
                .contains("pktcNcsEndPntConfigCallAgentId.9 String \"[10.9.9.9]\"");
        assertThat(m.sets).hasSize(2); // a dry run sends nothing

        f.server.regenerate(m.mac);
        Await.until("third SET", Duration.ofSeconds(5), () -> m.sets.size() == 3);
        String name = m.sets.get(2).get(0).getVariable().toString().replaceAll(".*/", "");
        assertThat(name).isNotEqualTo(first.fileName());
        assertThat(new String(f.files.content(name).orElseThrow(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("[10.9.9.9]");
    }

    @Test
    void anEndedAttemptKeepsOnlyItsTextAndReprovisionsTheSameBytes() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta();
        enroll(m, MibTree.CABLELABS, 3);
        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        f.downloaded(m, s.fileName());
        f.awaitState(m.mac, ProvisioningState.AWAITING_STATUS);
        m.inform(m.status(MibTree.CABLELABS, 3, 1), f.mpsPort, COMMUNITY);
        f.awaitState(m.mac, ProvisioningState.COMPLETE);
        Await.until("result recorded", Duration.ofSeconds(5), () -> !f.store.results(m.mac, 1).isEmpty());
        Attempt ended = f.server.attemptOf(m.mac);
        assertThat(ended.config).as("the parsed file is dropped when the attempt ends").isNull();
        assertThat(ended.settled).isNotNull();

        f.server.reprovision(m.mac);
        Await.until("second SET", Duration.ofSeconds(5), () -> m.sets.size() == 2);
        PDU set = m.sets.get(1);
        assertThat(set.get(0).getVariable().toString()).endsWith(s.fileName());
        assertThat(((OctetString) set.get(1).getVariable()).getValue()).as("hash of the stored bytes")
                .isEqualTo(sha1(f.files.content(s.fileName()).orElseThrow()));
    }

    @Test
    void basicFlowFileCarriesItsHashInside() throws Exception {
        f.start(f.settings("BASIC.2"), List.of());
        TestMta m = f.mta();
        var lease = f.leases.get(m.ip);
        var file = f.server.generateFor(lease);
        ConfigFile cf = ConfigFile.decode(f.files.content(file.name()).orElseThrow());
        assertThat(ConfigHash.verify(cf).status().name()).isEqualTo("VALID");
        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        f.downloaded(m, s.fileName());
        f.awaitState(m.mac, ProvisioningState.AWAITING_STATUS);
        m.inform(m.status(MibTree.CABLELABS, 99, 1), f.mpsPort, COMMUNITY);
        f.awaitState(m.mac, ProvisioningState.COMPLETE);
    }

    @Test
    void correlationIdIsUnsignedInTheIetfTree() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta();
        PDU p = m.enrollment(MibTree.IETF, 1);
        p.set(6, new VariableBinding(MtaOids.scalar("pktcMtaDevCorrelationId", MibTree.IETF),
                new org.snmp4j.smi.UnsignedInteger32(3_000_000_000L)));
        m.inform(p, f.mpsPort, COMMUNITY);
        SessionSnapshot s = f.awaitState(m.mac, ProvisioningState.AWAITING_DOWNLOAD);
        assertThat(s.enrollment().correlationId()).isEqualTo(3_000_000_000L);
        assertThat(new Integer32(1).toLong()).isEqualTo(1);
    }
}
