package io.mtaprov.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.CommunityTarget;
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
 * One SNMP4J session shared by many simulated MTAs: one message dispatcher (SNMPv1/v2c; SNMPv3 comes
 * with the Secure flow) and one retransmission timer, with one transport per MTA address (each MTA
 * has its own IP). Requests that arrive on an MTA's transport go to that MTA's {@link MtaAgent};
 * INFORMs leave through it. Thread-safe; close it after the MTAs that use it.
 */
public final class SnmpHub implements AutoCloseable {
    private final Snmp snmp;
    private final Map<VirtualThreadUdpTransport, MtaAgent> agents = new ConcurrentHashMap<>();
    private final byte[] engineId = MPv3.createLocalEngineID(new org.snmp4j.smi.OctetString(
            "mtaprov-sim-" + Long.toHexString(System.nanoTime())));
    private final long started = System.nanoTime();

    /** A hub with no transports yet. */
    public SnmpHub() {
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
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

    /** Number of MTA transports open now. */
    public int openTransports() {
        return agents.size();
    }

    /**
     * Sends a confirmed PDU (INFORM) through {@code via}; completes with the response event (whose
     * response is {@code null} after the target's timeout and retries).
     */
    CompletableFuture<Answer> send(PDU pdu, CommunityTarget<UdpAddress> target, VirtualThreadUdpTransport via)
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
