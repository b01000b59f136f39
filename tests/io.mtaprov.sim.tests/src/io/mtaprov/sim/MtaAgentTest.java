package io.mtaprov.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.tests.support.Await;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.PDU;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;

/**
 * The agent of a running MTA (waiting for its SET after enrollment), driven by the fake MPS's SNMP4J
 * session as a manager: GETs, GETNEXT, and SETs that must be refused or accepted.
 */
class MtaAgentTest {
    static final String MAC = "02:4d:54:00:00:02";
    Lab lab;
    SimulatedMta mta;
    CompletableFuture<MtaRunResult> run;
    String ip;

    @BeforeEach
    void start() throws Exception {
        lab = new Lab();
        lab.mps.autoSet = false;
        mta = lab.mta(MtaProfile.lab(MAC));
        run = mta.start();
        Await.until("enrollment", Duration.ofSeconds(10), () -> lab.mps.enrollments.contains(MAC));
        ip = lab.mps.enrollmentSource.get(MAC);
    }

    @AfterEach
    void stop() throws Exception {
        mta.close();
        lab.close();
    }

    PDU request(int type, VariableBinding... vbs) throws Exception {
        PDU p = new PDU();
        p.setType(type);
        for (VariableBinding vb : vbs) {
            p.add(vb);
        }
        ResponseEvent<UdpAddress> e = lab.mps.snmp.send(p, lab.mps.target(ip));
        assertThat(e.getResponse()).as("response from the agent").isNotNull();
        return e.getResponse();
    }

    @Test
    void agentListensOnTheLeasedAddress() {
        assertThat(mta.agentAddress()).contains(new InetSocketAddress(ip, lab.mtaSnmpPort));
    }

    @Test
    void answersGetsOfItsObjects() throws Exception {
        MtaObjects o = MtaObjects.of(MibTree.CABLELABS);
        PDU r = request(PDU.GET, new VariableBinding(o.macAddress), new VariableBinding(MtaObjects.IF_NUMBER),
                new VariableBinding(o.provisioningState), new VariableBinding(o.correlationId),
                new VariableBinding(new OID("1.3.6.1.4.1.99999.1.0")));
        assertThat(r.getErrorStatus()).isZero();
        assertThat(((OctetString) r.get(0).getVariable()).getValue()).isEqualTo(MtaProfile.lab(MAC).macBytes());
        assertThat(r.get(1).getVariable().toInt()).isEqualTo(3);
        assertThat(r.get(2).getVariable().toInt()).isEqualTo(ProvisioningState.IN_PROGRESS.value());
        assertThat(r.get(3).getVariable().toLong() & 0xFFFF_FFFFL).isEqualTo(MtaProfile.lab(MAC).correlationId());
        assertThat(r.get(4).getVariable()).isEqualTo(Null.noSuchObject);
    }

    @Test
    void walksWithGetNext() throws Exception {
        PDU r = request(PDU.GETNEXT, new VariableBinding(new OID("1.3.6.1.2.1.1")));
        assertThat(r.get(0).getOid()).isEqualTo(MtaObjects.SYS_DESCR);
        assertThat(r.get(0).getVariable().toString()).contains("MODEL: SIM-EMTA-2");
    }

    @Test
    void refusesBadSetsAndAcceptsTheLocation() throws Exception {
        MtaObjects o = MtaObjects.of(MibTree.CABLELABS);
        PDU wrongType = request(PDU.SET, new VariableBinding(o.configFile, new Integer32(5)));
        assertThat(wrongType.getErrorStatus()).isEqualTo(PDU.wrongType);
        PDU wrongLength = request(PDU.SET, new VariableBinding(o.configFile, new OctetString("tftp://127.0.0.1/x")),
                new VariableBinding(o.configHash, new OctetString(new byte[7])));
        assertThat(wrongLength.getErrorStatus()).isEqualTo(PDU.wrongLength);
        assertThat(wrongLength.getErrorIndex()).isEqualTo(2);
        PDU notWritable = request(PDU.SET, new VariableBinding(o.macAddress, new OctetString(new byte[6])));
        assertThat(notWritable.getErrorStatus()).isEqualTo(PDU.notWritable);
        assertThat(run).isNotDone();
        lab.mps.provision(ip, MAC, o);
        assertThat(lab.mps.setErrors).containsEntry(MAC, 0);
        MtaRunResult r = run.get();
        assertThat(r.completed()).as(r.toString()).isTrue();
    }
}
