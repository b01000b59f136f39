package io.mtaprov.sim;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;

/**
 * Sends one SNMPv2c INFORM from the MTA's agent address to the provisioning server and waits for
 * its response (RFC 3416 section 4.2.7), retrying per {@link SimSettings#snmpTimeout()} and
 * {@link SimSettings#snmpRetries()} (SNMP4J's timer). With the duplicate fault the INFORM goes out
 * twice as two requests; the first response counts. Blocks the caller.
 */
final class InformSender {
    private final SnmpHub hub;
    private final VirtualThreadUdpTransport via;
    private final SimSettings settings;
    private final SimTrace trace;

    private final io.mtaprov.sim.secure.MtaUsmKeys keys;

    InformSender(SnmpHub hub, VirtualThreadUdpTransport via, SimSettings settings, SimTrace trace) {
        this(hub, via, settings, trace, null);
    }

    /** With {@code keys} (Secure flow), INFORMs go as SNMPv3 authenticated (and per suite encrypted) with them. */
    InformSender(SnmpHub hub, VirtualThreadUdpTransport via, SimSettings settings, SimTrace trace,
            io.mtaprov.sim.secure.MtaUsmKeys keys) {
        this.keys = keys;
        this.hub = hub;
        this.via = via;
        this.settings = settings;
        this.trace = trace;
    }

    /** Sends and waits; returns when the response arrived ({@link System#nanoTime()}). */
    long send(Supplier<PDU> pdu, InetSocketAddress to, ProvisioningStep step, String what, boolean duplicate)
            throws StepFailure {
        org.snmp4j.Target<UdpAddress> target;
        if (keys != null) {
            target = new org.snmp4j.UserTarget<>(new UdpAddress(to.getAddress(), to.getPort()),
                    new OctetString(keys.user()), keys.mpsEngineId(), keys.privacy()
                            ? org.snmp4j.security.SecurityLevel.AUTH_PRIV : org.snmp4j.security.SecurityLevel.AUTH_NOPRIV);
            target.setVersion(SnmpConstants.version3);
        } else {
            target = new CommunityTarget<>(new UdpAddress(to.getAddress(), to.getPort()),
                    new OctetString(settings.community()));
            target.setVersion(SnmpConstants.version2c);
        }
        target.setTimeout(settings.snmpTimeout().toMillis());
        target.setRetries(settings.snmpRetries());
        List<CompletableFuture<SnmpHub.Answer>> sent = new ArrayList<>(2);
        try {
            for (int i = 0; i < (duplicate ? 2 : 1); i++) {
                PDU p = keys == null ? pdu.get() : scoped(pdu.get());
                sent.add(hub.send(p, target, via));
                trace.sent(step, to, "INFORM " + what + (i > 0 ? " (duplicate, fault injection)" : ""),
                        () -> p.getVariableBindings().toString());
            }
        } catch (IOException e) {
            throw new StepFailure(step, ProvisioningState.FAIL_OTHER_REASON, "cannot send the " + what + " INFORM to "
                    + to + ": " + e.getMessage(), e);
        }
        long wait = settings.snmpTimeout().toMillis() * (settings.snmpRetries() + 1L) + 1000;
        SnmpHub.Answer answer;
        try {
            answer = sent.get(0).get(wait, TimeUnit.MILLISECONDS);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new StepFailure(step, ProvisioningState.FAIL_OTHER_REASON, "interrupted", x);
        } catch (ExecutionException | TimeoutException x) {
            throw new StepFailure(step, ProvisioningState.FAIL_OTHER_REASON, "the " + what + " INFORM got no answer: "
                    + x, x);
        }
        ResponseEvent<?> e = answer.event();
        if (e.getResponse() == null) {
            throw new StepFailure(step, "no response to the " + what + " INFORM from " + to + " after "
                    + (settings.snmpRetries() + 1) + " tries" + (e.getError() == null ? "" : ": " + e.getError()));
        }
        PDU r = e.getResponse();
        trace.publish(step, io.mtaprov.core.model.Direction.OUT, to, "INFORM " + what + " acknowledged"
                + (r.getErrorStatus() == 0 ? "" : " with " + r.getErrorStatusText()), "",
                r.getErrorStatus() == 0 ? Outcome.OK : Outcome.WARNING);
        return answer.at();
    }

    private static PDU scoped(PDU pdu) {
        org.snmp4j.ScopedPDU s = new org.snmp4j.ScopedPDU();
        s.setType(pdu.getType());
        s.addAll(pdu.getVariableBindings());
        return s;
    }
}
