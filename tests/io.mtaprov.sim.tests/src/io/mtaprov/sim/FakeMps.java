package io.mtaprov.sim;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.tests.support.MemoryFileStore;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
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
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A stand-in for the provisioning server (written concurrently) on SNMP4J: answers INFORMs, and on
 * an enrollment INFORM stores the MTA's file in the TFTP server's store and SETs
 * pktcMtaDevConfigFile + pktcMtaDevProvConfigHash on {@code <source IP>:<mtaSnmpPort>}; records the
 * status INFORMs.
 */
final class FakeMps implements AutoCloseable {
    static final String COMMUNITY = SimSettings.DEFAULT_COMMUNITY;
    final Snmp snmp;
    final int port;
    final int mtaSnmpPort;
    final MemoryFileStore files;
    final int tftpPort;
    final List<String> enrollments = new CopyOnWriteArrayList<>();
    final Map<String, String> enrollmentSource = new ConcurrentHashMap<>();
    final Map<String, List<Integer>> statuses = new ConcurrentHashMap<>();
    final Map<String, Integer> setErrors = new ConcurrentHashMap<>();
    volatile boolean autoSet = true;
    volatile boolean wrongHash;
    volatile String tftpHost = "127.0.0.1";
    volatile Function<String, byte[]> config = mac -> Configs.plain(MibTree.CABLELABS);
    private final ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor();

    FakeMps(int mtaSnmpPort, MemoryFileStore files, int tftpPort) throws IOException {
        this.mtaSnmpPort = mtaSnmpPort;
        this.files = files;
        this.tftpPort = tftpPort;
        DefaultUdpTransportMapping t = new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(), 0));
        snmp = new Snmp(t);
        snmp.addCommandResponder(new CommandResponder() {
            @Override
            public <A extends Address> void processPdu(CommandResponderEvent<A> e) {
                if (e.getPDU().getType() == PDU.INFORM) {
                    e.setProcessed(true);
                    inform(e);
                }
            }
        });
        snmp.listen();
        port = t.getListenAddress().getPort();
    }

    private void inform(CommandResponderEvent<?> e) {
        PDU pdu = e.getPDU();
        OID trap = (OID) pdu.getVariable(MtaObjects.SNMP_TRAP_OID);
        MtaObjects o = trap.equals(MtaObjects.of(MibTree.IETF).enrollment) || trap.equals(MtaObjects.of(MibTree.IETF).status)
                ? MtaObjects.of(MibTree.IETF) : MtaObjects.of(MibTree.CABLELABS);
        Variable m = pdu.getVariable(o.macAddress);
        String mac = m == null ? "?" : HexFormat.ofDelimiter(":").formatHex(((OctetString) m).getValue());
        String ip = ((UdpAddress) e.getPeerAddress()).getInetAddress().getHostAddress();
        if (trap.equals(o.enrollment)) {
            enrollments.add(mac);
            enrollmentSource.put(mac, ip);
            if (autoSet) {
                exec.submit(() -> provision(ip, mac, o));
            }
        } else if (trap.equals(o.status)) {
            statuses.computeIfAbsent(mac, k -> new CopyOnWriteArrayList<>())
                    .add(pdu.getVariable(o.provisioningState).toInt());
        }
        respond(e); // after recording, so a test that saw the MTA's run end sees the record
    }

    private static void respond(CommandResponderEvent<?> e) {
        PDU resp = new PDU(e.getPDU());
        resp.setType(PDU.RESPONSE);
        try {
            e.getMessageDispatcher().returnResponsePdu(e.getMessageProcessingModel(), e.getSecurityModel(),
                    e.getSecurityName(), e.getSecurityLevel(), resp, e.getMaxSizeResponsePDU(), e.getStateReference(),
                    new StatusInformation());
        } catch (MessageException x) {
            throw new IllegalStateException(x);
        }
    }

    /** Steps 5-7 as the MPS would do them. */
    void provision(String ip, String mac, MtaObjects o) {
        byte[] bytes = config.apply(mac);
        GeneratedFile f = files.put(mac, bytes);
        byte[] hash = ConfigHash.sha1(bytes);
        if (wrongHash) {
            hash[0] ^= 1;
        }
        PDU set = new PDU();
        set.setType(PDU.SET);
        set.add(new VariableBinding(o.configFile, new OctetString("tftp://" + tftpHost + ":" + tftpPort + "/" + f.name())));
        set.add(new VariableBinding(o.configHash, new OctetString(hash)));
        try {
            ResponseEvent<UdpAddress> r = snmp.send(set, target(ip));
            setErrors.put(mac, r.getResponse() == null ? -1 : r.getResponse().getErrorStatus());
        } catch (IOException x) {
            setErrors.put(mac, -2);
        }
    }

    CommunityTarget<UdpAddress> target(String ip) {
        CommunityTarget<UdpAddress> t = new CommunityTarget<>(new UdpAddress(ip + "/" + mtaSnmpPort),
                new OctetString(COMMUNITY));
        t.setVersion(SnmpConstants.version2c);
        t.setTimeout(1000);
        t.setRetries(3);
        return t;
    }

    /** The states the MTA reported in status INFORMs. */
    List<Integer> statusOf(String mac) {
        return statuses.getOrDefault(mac, List.of());
    }

    @Override
    public void close() throws IOException {
        exec.shutdownNow();
        snmp.close();
    }
}
