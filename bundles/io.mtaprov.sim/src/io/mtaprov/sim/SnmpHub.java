package io.mtaprov.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.UdpAddress;

/**
 * One SNMP4J session shared by many simulated MTAs: one message dispatcher (SNMPv1/v2c, and SNMPv3
 * with the USM users key management gave the MTAs of the Secure flow) and one retransmission timer, with one transport per MTA address (each MTA
 * has its own IP). Requests that arrive on an MTA's transport go to that MTA's {@link MtaAgent};
 * INFORMs leave through it. Thread-safe; close it after the MTAs that use it.
 */
public final class SnmpHub implements AutoCloseable {
    private final Snmp snmp;
    private final Map<VirtualThreadUdpTransport, MtaAgent> agents = new ConcurrentHashMap<>();
    private final byte[] engineId = MPv3.createLocalEngineID(new org.snmp4j.smi.OctetString(
            "mtaprov-sim-" + Long.toHexString(System.nanoTime())));
    private final long started = System.nanoTime();
    private final org.snmp4j.security.USM usm;

    /** A hub with no transports yet. */
    public SnmpHub() {
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        // SNMPv3 for the Secure flow: HMAC-MD5/SHA-1 and DES registered explicitly (SNMP4J 3.13 no longer does)
        org.snmp4j.security.SecurityProtocols sp = new org.snmp4j.security.SecurityProtocols(
                org.snmp4j.security.SecurityProtocols.SecurityProtocolSet.none);
        sp.addAuthenticationProtocol(new org.snmp4j.security.AuthMD5());
        sp.addAuthenticationProtocol(new org.snmp4j.security.AuthSHA());
        sp.addPrivacyProtocol(new org.snmp4j.security.PrivDES());
        usm = new org.snmp4j.security.USM(sp, new org.snmp4j.smi.OctetString(engineId), 1);
        dispatcher.addMessageProcessingModel(new MPv3(engineId, (org.snmp4j.util.PDUFactory) null, sp,
                org.snmp4j.security.SecurityModels.getCollection(new org.snmp4j.security.SecurityModel[] {usm}),
                new org.snmp4j.mp.CounterSupport()));
        snmp = new Snmp(dispatcher);
        snmp.addCommandResponder(new CommandResponder() {
            @Override
            public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
                MtaAgent agent = agents.get(event.getTransportMapping());
                if (agent != null) {
                    agent.processPdu(event);
                }
            }
        });
    }

    /** Binds {@code address:port} for {@code agent} and starts receiving. */
    VirtualThreadUdpTransport open(InetAddress address, int port, MtaAgent agent) throws IOException {
        VirtualThreadUdpTransport t = new VirtualThreadUdpTransport(address, port);
        agents.put(t, agent);
        synchronized (snmp) {
            snmp.addTransportMapping(t);
        }
        t.listen();
        return t;
    }

    /** Stops receiving on {@code t} and releases its port. Idempotent. */
    void release(VirtualThreadUdpTransport t) {
        if (agents.remove(t) != null) {
            synchronized (snmp) {
                snmp.removeTransportMapping(t);
            }
        }
        t.close();
    }

    /**
     * The SNMP engine ID of the MTAs of this hub (RFC 3411; one engine per hub, since one SNMP4J
     * message dispatcher serves all its MTAs: a real MTA has its own).
     */
    public byte[] engineId() {
        return engineId.clone();
    }

    /** snmpEngineBoots of this hub's engine. */
    public long engineBoots() {
        return 1;
    }

    /** snmpEngineTime of this hub's engine, seconds. */
    public long engineTime() {
        return (System.nanoTime() - started) / 1_000_000_000L;
    }

    /**
     * Installs the SNMPv3 keys of one MTA (step 3): its USM user localized at this hub's engine (the
     * provisioning server's GET/SET) and at the provisioning server's engine (the MTA's INFORMs),
     * whose boots and time from the AP Reply prime the time table.
     */
    public void install(io.mtaprov.sim.secure.MtaUsmKeys k) {
        org.snmp4j.smi.OID auth = k.md5() ? org.snmp4j.security.AuthMD5.ID : org.snmp4j.security.AuthSHA.ID;
        org.snmp4j.smi.OID priv = k.privacy() ? org.snmp4j.security.PrivDES.ID : null;
        byte[] privKey = k.privacy() ? k.privKey() : null;
        org.snmp4j.smi.OctetString user = new org.snmp4j.smi.OctetString(k.user());
        usm.addLocalizedUser(engineId, user, auth, k.authKey(), priv, privKey);
        usm.addLocalizedUser(k.mpsEngineId(), user, auth, k.authKey(), priv, privKey);
        usm.getTimeTable().addEntry(new org.snmp4j.security.UsmTimeEntry(new org.snmp4j.smi.OctetString(
                k.mpsEngineId()), (int) k.mpsBoots(), (int) k.mpsTime()));
    }

    /** Number of MTA transports open now. */
    public int openTransports() {
        return agents.size();
    }

    /**
     * Sends a confirmed PDU (INFORM) through {@code via}; completes with the response event (whose
     * response is {@code null} after the target's timeout and retries).
     */
    CompletableFuture<Answer> send(PDU pdu, org.snmp4j.Target<UdpAddress> target, VirtualThreadUdpTransport via)
            throws IOException {
        CompletableFuture<Answer> done = new CompletableFuture<>();
        snmp.send(pdu, target, via, null, new ResponseListener() {
            @Override
            public <A extends Address> void onResponse(ResponseEvent<A> event) {
                ((Snmp) event.getSource()).cancel(event.getRequest(), this);
                done.complete(new Answer(event, System.nanoTime()));
            }
        });
        return done;
    }

    /** A response event (response {@code null} on timeout) and when it arrived ({@link System#nanoTime()}). */
    record Answer(ResponseEvent<?> event, long at) {
    }

    @Override
    public void close() throws IOException {
        agents.keySet().forEach(this::release);
        snmp.close();
    }
}
