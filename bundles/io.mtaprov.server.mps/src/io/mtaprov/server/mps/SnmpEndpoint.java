package io.mtaprov.server.mps;

import io.mtaprov.core.server.ServerCounters;
import java.io.IOException;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provisioning server's SNMP socket (SNMP4J 3.13.1, one DefaultUdpTransportMapping on the trap
 * port): it receives notifications, answers INFORMs whose community matches (RFC 3416 section 4.2.7)
 * and ignores the rest, and sends the GETs and SETs to MTAs from the same socket. SNMPv1/v2c, and
 * SNMPv3 (USM) for MTAs that ran key management ({@code km.UsmEngine}): their INFORMs must be
 * authenticated with those keys, and requests to them go as SNMPv3 with them.
 * <p>
 * Threading: notifications are handed to the consumer on SNMP4J's listen thread, which must not
 * block (the consumer queues the work). Requests complete their futures on SNMP4J's threads.
 */
final class SnmpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnmpEndpoint.class);

    private final Snmp snmp;
    private final DefaultUdpTransportMapping transport;
    private final OctetString community;
    private final ServerCounters counters;
    private final io.mtaprov.server.mps.km.UsmEngine v3;

    /**
     * Binds and listens.
     *
     * @param notices gets (sender IP, PDU, acknowledgement) of every INFORM or TRAP with the right community
     */
    SnmpEndpoint(InetAddress bind, int port, String community, ServerCounters counters,
            NoticeSink notices) throws IOException {
        this(bind, port, community, counters, notices, null);
    }

    /** With SNMPv3 (Secure flow): {@code v3} holds the USM users key management installs. */
    SnmpEndpoint(InetAddress bind, int port, String community, ServerCounters counters,
            NoticeSink notices, io.mtaprov.server.mps.km.UsmEngine v3) throws IOException {
        this.community = new OctetString(community);
        this.counters = counters;
        this.v3 = v3;
        this.transport = new DefaultUdpTransportMapping(new UdpAddress(bind, port), false);
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        if (v3 != null) {
            dispatcher.addMessageProcessingModel(v3.messageProcessingModel());
        }
        dispatcher.addCounterListener(e -> {
            if (SnmpConstants.snmpInASNParseErrs.equals(e.getOid())) {
                counters.dropped.increment(); // garbage on the trap port: SNMP4J drops it and keeps listening
            }
        });
        this.snmp = new Snmp(dispatcher, transport);
        snmp.addCommandResponder(new org.snmp4j.CommandResponder() {
            @Override
            public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
                onPdu(event, notices);
            }
        });
        transport.listen();
    }

    int localPort() {
        return transport.getListenAddress().getPort();
    }

    /**
     * Where notifications go. An INFORM's Response (RFC 3416 section 4.2.7) is sent when the sink
     * runs {@code acknowledge} (once; later runs do nothing): after what the INFORM reports is stored,
     * so that a crash never loses a notification the MTA was told had arrived. Never run for TRAPs.
     */
    @FunctionalInterface
    interface NoticeSink {
        void accept(String ip, PDU pdu, Runnable acknowledge);
    }

    private <A extends Address> void onPdu(CommandResponderEvent<A> event, NoticeSink notices) {
        PDU pdu = event.getPDU();
        if (pdu == null || pdu.getType() != PDU.INFORM && pdu.getType() != PDU.NOTIFICATION) {
            return; // responses are matched by Snmp itself; GET/SET to the trap port are not served
        }
        counters.received.increment();
        event.setProcessed(true);
        boolean secure = v3 != null && v3.authenticated(event);
        if (!secure && (event.getSecurityModel() == org.snmp4j.security.SecurityModel.SECURITY_MODEL_USM
                || !MessageDigest.isEqual(community.getValue(), event.getSecurityName()))) {
            counters.rejected.increment();
            LOG.debug("notification from {} with a wrong community ignored", event.getPeerAddress());
            return;
        }
        String ip = event.getPeerAddress() instanceof UdpAddress u ? u.getInetAddress().getHostAddress() : "";
        if (pdu.getType() != PDU.INFORM) {
            notices.accept(ip, pdu, () -> { });
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
        notices.accept(ip, pdu, () -> {
            if (answered.compareAndSet(false, true)) {
                answer(event);
            }
        });
    }

    private <A extends Address> void answer(CommandResponderEvent<A> event) {
        PDU response = event.getPDU() instanceof org.snmp4j.ScopedPDU sp ? new org.snmp4j.ScopedPDU(sp)
                : new PDU(event.getPDU());
        response.setType(PDU.RESPONSE);
        response.setErrorStatus(PDU.noError);
        response.setErrorIndex(0);
        try {
            event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(),
                    event.getSecurityModel(), event.getSecurityName(), event.getSecurityLevel(), response,
                    event.getMaxSizeResponsePDU(), event.getStateReference(), new StatusInformation());
            counters.answered.increment();
        } catch (MessageException e) {
            LOG.warn("could not answer the INFORM from {}: {}", event.getPeerAddress(), e.getMessage());
        }
    }

    /** Sends one request PDU (GET, GETNEXT, SET) without SNMP4J retries; completes with the answer or null on timeout. */
    CompletableFuture<PDU> send(PDU pdu, String ip, int port, Duration timeout) {
        CompletableFuture<PDU> f = new CompletableFuture<>();
        CommunityTarget<UdpAddress> v2 = new CommunityTarget<>(new UdpAddress(ip + "/" + port), community);
        v2.setVersion(SnmpConstants.version2c);
        v2.setRetries(0);
        v2.setTimeout(timeout.toMillis());
        org.snmp4j.Target<UdpAddress> target = v2;
        var secure = v3 == null ? java.util.Optional.<org.snmp4j.UserTarget<UdpAddress>>empty() : v3.target(ip, port, timeout);
        if (secure.isPresent()) { // keys from key management: SNMPv3, authenticated (and encrypted per suite)
            target = secure.get();
            pdu = io.mtaprov.server.mps.km.UsmEngine.scoped(pdu);
        }
        try {
            snmp.send(pdu, target, null, new ResponseListener() {
                @Override
                public <A extends Address> void onResponse(ResponseEvent<A> event) {
                    ((Snmp) event.getSource()).cancel(event.getRequest(), this);
                    if (event.getError() != null) {
                        f.completeExceptionally(event.getError());
                    } else {
                        f.complete(event.getResponse());
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    @Override
    public void close() {
        try {
            snmp.close();
        } catch (IOException e) {
            LOG.warn("closing the SNMP socket: {}", e.getMessage());
        }
    }
}
