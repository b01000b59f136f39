package io.mtaprov.server.mps;

import io.mtaprov.protocol.mib.MibTree;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A test MTA written with SNMP4J: an agent on its own loopback address (127.0.0.x) that answers
 * GET/GETNEXT from a small MIB and records SETs (accepting, refusing or ignoring them), and a
 * sender of the enrollment and status INFORMs from that same address.
 */
final class TestMta implements AutoCloseable {
    enum SetMode { ACCEPT, IGNORE, NOT_WRITABLE }

    final String ip;
    final int port;
    final String mac;
    final Map<OID, Variable> mib = new ConcurrentSkipListMap<>();
    final List<PDU> sets = new CopyOnWriteArrayList<>();
    final List<PDU> gets = new CopyOnWriteArrayList<>();
    volatile SetMode setMode = SetMode.ACCEPT;
    private final Snmp snmp;

    TestMta(String ip, int port, String mac) throws IOException {
        this.ip = ip;
        this.port = port;
        this.mac = mac;
        DefaultUdpTransportMapping t = new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getByName(ip), port));
        snmp = new Snmp(t);
        snmp.addCommandResponder(new CommandResponder() {
            @Override
            public <A extends Address> void processPdu(CommandResponderEvent<A> e) {
                respond(e);
            }
        });
        snmp.listen();
    }

    private <A extends Address> void respond(CommandResponderEvent<A> e) {
        PDU req = e.getPDU();
        if (req.getType() != PDU.GET && req.getType() != PDU.GETNEXT && req.getType() != PDU.SET) {
            return;
        }
        e.setProcessed(true);
        PDU resp = new PDU(req);
        resp.setType(PDU.RESPONSE);
        if (req.getType() == PDU.SET) {
            sets.add(req);
            if (setMode == SetMode.IGNORE) {
                return;
            }
            if (setMode == SetMode.NOT_WRITABLE) {
                resp.setErrorStatus(PDU.notWritable);
                resp.setErrorIndex(2);
            }
        } else {
            gets.add(req);
            for (VariableBinding vb : resp.getVariableBindings()) {
                if (req.getType() == PDU.GET) {
                    Variable v = mib.get(vb.getOid());
                    vb.setVariable(v != null ? v : Null.noSuchObject);
                } else {
                    OID next = ((ConcurrentSkipListMap<OID, Variable>) mib).higherKey(vb.getOid());
                    if (next == null) {
                        vb.setVariable(Null.endOfMibView);
                    } else {
                        vb.setOid(next);
                        vb.setVariable(mib.get(next));
                    }
                }
            }
        }
        try {
            e.getMessageDispatcher().returnResponsePdu(e.getMessageProcessingModel(), e.getSecurityModel(),
                    e.getSecurityName(), e.getSecurityLevel(), resp, e.getMaxSizeResponsePDU(), e.getStateReference(),
                    new StatusInformation());
        } catch (MessageException x) {
            throw new IllegalStateException(x);
        }
    }

    /** The enrollment INFORM's varbinds (wire contract, PROTOCOL.md). */
    PDU enrollment(MibTree tree, long correlationId) {
        PDU pdu = notification(MtaOids.notification(true, tree));
        pdu.add(new VariableBinding(MtaOids.SYS_DESCR, new OctetString("<<HW_REV: 1.0; VENDOR: Acme; MODEL: TM-1>>")));
        pdu.add(new VariableBinding(MtaOids.scalar("pktcMtaDevSwCurrentVers", tree), new OctetString("1.2.3")));
        pdu.add(new VariableBinding(MtaOids.scalar("pktcMtaDevTypeIdentifier", tree), new OctetString("pktc1.0:051f")));
        pdu.add(macBinding(tree));
        pdu.add(new VariableBinding(MtaOids.scalar("pktcMtaDevCorrelationId", tree), new Integer32((int) correlationId)));
        return pdu;
    }

    PDU status(MibTree tree, long correlationId, int state) {
        PDU pdu = notification(MtaOids.notification(false, tree));
        pdu.add(macBinding(tree));
        pdu.add(new VariableBinding(MtaOids.scalar("pktcMtaDevCorrelationId", tree), new Integer32((int) correlationId)));
        pdu.add(new VariableBinding(MtaOids.scalar("pktcMtaDevProvisioningState", tree), new Integer32(state)));
        return pdu;
    }

    private VariableBinding macBinding(MibTree tree) {
        OctetString m = new OctetString(HexFormat.ofDelimiter(":").parseHex(mac));
        return tree == MibTree.IETF ? new VariableBinding(new OID(MtaOids.IF_PHYS_ADDRESS).append(1), m)
                : new VariableBinding(MtaOids.scalar("pktcMtaDevMacAddress", MibTree.CABLELABS), m);
    }

    private static PDU notification(OID trap) {
        PDU pdu = new PDU();
        pdu.setType(PDU.INFORM);
        pdu.add(new VariableBinding(MtaOids.SYS_UP_TIME, new TimeTicks(4200)));
        pdu.add(new VariableBinding(MtaOids.SNMP_TRAP_OID, trap));
        return pdu;
    }

    /** Sends the INFORM and returns the MPS's answer (null on timeout). */
    PDU inform(PDU pdu, int mpsPort, String community) throws IOException {
        CommunityTarget<UdpAddress> target = new CommunityTarget<>(new UdpAddress("127.0.0.1/" + mpsPort),
                new OctetString(community));
        target.setVersion(SnmpConstants.version2c);
        target.setRetries(1);
        target.setTimeout(1000);
        ResponseEvent<UdpAddress> r = snmp.inform(pdu, target);
        return r.getResponse();
    }

    @Override
    public void close() throws IOException {
        snmp.close();
    }
}
