package io.mtaprov.sim;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.protocol.mib.MibTree;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * The SNMP agent of one simulated MTA (steps 5a and 7): answers GET, GETNEXT and GETBULK from its
 * {@link MtaMib} (SNMPv2c, RFC 3416; community checked, others dropped silently as agents do) and
 * accepts one SET of pktcMtaDevConfigFile and pktcMtaDevProvConfigHash, all or nothing (RFC 3416
 * section 4.2.5: wrongType, wrongLength, wrongValue, notWritable, noCreation with the index of the
 * first bad varbind). After the response to an accepted SET has left, it hands the location to
 * its {@link Listener}. Called on the transport's receive thread; thread-safe.
 */
final class MtaAgent {
    /** Largest number of varbinds in a GETBULK response. */
    static final int MAX_BULK = 100;
    /** pktcMtaDevProvConfigHash lengths: CableLabs 16 (MD5, older) or 20 (SHA-1), IETF 20 (pktc-objects.tsv). */
    static final int SHA1_LENGTH = 20, MD5_LENGTH = 16;

    /** Told of an accepted SET with a non-empty file location. */
    interface Listener {
        void configLocation(String url, byte[] hash, long arrivalNanos);
    }

    private final MtaMib mib;
    private final byte[] community;
    private final SimTrace trace;
    private final AtomicInteger setsToDrop;
    private volatile Listener listener = (url, hash, at) -> { };
    private volatile byte[] usmUser;

    MtaAgent(MtaMib mib, String community, int droppedSets, SimTrace trace) {
        this.mib = mib;
        this.community = community.getBytes(StandardCharsets.UTF_8);
        this.setsToDrop = new AtomicInteger(droppedSets);
        this.trace = trace;
    }

    void listener(Listener l) {
        listener = l;
    }

    /** Secure flow: from now on only SNMPv3 requests of this USM user, authenticated, are served. */
    void usmUser(String user) {
        usmUser = user.getBytes(StandardCharsets.UTF_8);
    }

    <A extends Address> void processPdu(CommandResponderEvent<A> e) {
        e.setProcessed(true);
        PDU req = e.getPDU();
        InetSocketAddress peer = peer(e.getPeerAddress());
        byte[] user = usmUser;
        if (user != null) {
            if (e.getSecurityModel() != org.snmp4j.security.SecurityModel.SECURITY_MODEL_USM
                    || e.getSecurityLevel() < org.snmp4j.security.SecurityLevel.AUTH_NOPRIV
                    || !Arrays.equals(e.getSecurityName(), user)) {
                trace.note(ProvisioningStep.CONFIG_FILE_LOCATION, "dropped an SNMP request from " + peer
                        + " not authenticated as SNMPv3 user " + new String(user, StandardCharsets.UTF_8), "",
                        Outcome.REJECTED);
                return;
            }
        } else if (!Arrays.equals(e.getSecurityName(), community)) {
            trace.note(ProvisioningStep.CONFIG_FILE_LOCATION, "dropped an SNMP request from " + peer
                    + " with a wrong community", "", Outcome.REJECTED);
            return;
        }
        switch (req.getType()) {
            case PDU.GET -> respond(e, get(req, e.getMessageProcessingModel() == MPv1.ID));
            case PDU.GETNEXT -> respond(e, bulk(req, req.size(), 1));
            case PDU.GETBULK -> respond(e, bulk(req, Math.max(0, req.getNonRepeaters()),
                    Math.max(0, req.getMaxRepetitions())));
            case PDU.SET -> set(e, req, peer);
            default -> {
                // INFORM, TRAP, RESPONSE: not for an agent
            }
        }
        if (req.getType() != PDU.SET && trace.enabled()) {
            trace.received(ProvisioningStep.CONFIG_FILE_GENERATION, peer, PDU.getTypeString(req.getType()) + " of "
                    + req.size() + " objects answered (5a)", req.getVariableBindings().toString());
        }
    }

    private PDU get(PDU req, boolean v1) {
        PDU resp = new PDU();
        int i = 0;
        for (VariableBinding vb : req.getVariableBindings()) {
            i++;
            Variable v = mib.get(vb.getOid());
            if (v == null && v1) {
                return error(req, PDU.noSuchName, i);
            }
            resp.add(new VariableBinding(vb.getOid(), v != null ? v
                    : hasInstances(new OID(vb.getOid().getValue(), 0, Math.max(0, vb.getOid().size() - 1))) ? Null.noSuchInstance : Null.noSuchObject));
        }
        return resp;
    }

    private boolean hasInstances(OID object) {
        Map.Entry<OID, Variable> e = object.size() == 0 ? null : mib.next(object);
        return e != null && e.getKey().startsWith(object);
    }

    private PDU bulk(PDU req, int nonRepeaters, int repetitions) {
        PDU resp = new PDU();
        List<? extends VariableBinding> vbs = req.getVariableBindings();
        int n = Math.min(nonRepeaters, vbs.size());
        for (int i = 0; i < n; i++) {
            resp.add(next(vbs.get(i).getOid()));
        }
        OID[] cursor = vbs.subList(n, vbs.size()).stream().map(VariableBinding::getOid).toArray(OID[]::new);
        for (int r = 0; r < repetitions && cursor.length > 0 && resp.size() < MAX_BULK; r++) {
            boolean more = false;
            for (int c = 0; c < cursor.length && resp.size() < MAX_BULK; c++) {
                VariableBinding vb = next(cursor[c]);
                resp.add(vb);
                cursor[c] = vb.getOid();
                more |= !vb.getVariable().isException();
            }
            if (!more) {
                break;
            }
        }
        return resp;
    }

    private VariableBinding next(OID after) {
        Map.Entry<OID, Variable> e = mib.next(after);
        return e == null ? new VariableBinding(after, Null.endOfMibView) : new VariableBinding(e.getKey(), e.getValue());
    }

    private void set(CommandResponderEvent<?> e, PDU req, InetSocketAddress peer) {
        long at = System.nanoTime();
        if (setsToDrop.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
            trace.received(ProvisioningStep.CONFIG_FILE_LOCATION, peer, "SET dropped (fault injection)",
                    req.getVariableBindings().toString());
            return;
        }
        MtaObjects o = mib.objects;
        String url = null;
        byte[] hash = null;
        int i = 0;
        for (VariableBinding vb : req.getVariableBindings()) {
            i++;
            Variable v = vb.getVariable();
            if (vb.getOid().equals(o.configFile) || vb.getOid().equals(o.configHash)) {
                if (!(v instanceof OctetString s)) {
                    rejectSet(e, req, PDU.wrongType, i, peer);
                    return;
                }
                if (vb.getOid().equals(o.configFile)) {
                    url = new String(s.getValue(), StandardCharsets.ISO_8859_1);
                    if (s.length() > 255) {
                        rejectSet(e, req, PDU.wrongLength, i, peer);
                        return;
                    }
                    if (!url.isEmpty() && ConfigLocation.parse(url) == null) {
                        rejectSet(e, req, PDU.wrongValue, i, peer);
                        return;
                    }
                } else {
                    boolean md5Allowed = o.tree == MibTree.CABLELABS;
                    if (s.length() != SHA1_LENGTH && !(md5Allowed && s.length() == MD5_LENGTH)) {
                        rejectSet(e, req, PDU.wrongLength, i, peer);
                        return;
                    }
                    hash = s.getValue();
                }
            } else {
                rejectSet(e, req, mib.contains(vb.getOid()) ? PDU.notWritable : PDU.noCreation, i, peer);
                return;
            }
        }
        if (hash != null) {
            mib.put(o.configHash, new OctetString(hash));
        }
        if (url != null) {
            mib.put(o.configFile, new OctetString(url));
        }
        PDU resp = new PDU();
        resp.addAll(req.getVariableBindings().toArray(new VariableBinding[0]));
        respond(e, resp);
        trace.received(ProvisioningStep.CONFIG_FILE_LOCATION, peer, "SET accepted: " + url, "hash "
                + (hash == null ? "(unchanged)" : HexFormat.of().formatHex(hash)));
        if (url != null && !url.isEmpty()) {
            byte[] current = ((OctetString) mib.get(o.configHash)).getValue();
            listener.configLocation(url, current, at);
        }
    }

    private void rejectSet(CommandResponderEvent<?> e, PDU req, int status, int index, InetSocketAddress peer) {
        respond(e, error(req, status, index));
        trace.received(ProvisioningStep.CONFIG_FILE_LOCATION, peer, "SET refused: "
                + PDU.toErrorStatusText(status) + " at varbind " + index, req.getVariableBindings().toString());
    }

    private static PDU error(PDU req, int status, int index) {
        PDU resp = new PDU();
        resp.addAll(req.getVariableBindings().toArray(new VariableBinding[0]));
        resp.setErrorStatus(status);
        resp.setErrorIndex(index);
        return resp;
    }

    private void respond(CommandResponderEvent<?> e, PDU answer) {
        PDU resp = answer;
        if (e.getPDU() instanceof org.snmp4j.ScopedPDU req) { // SNMPv3 answers with a scoped PDU of the same context
            org.snmp4j.ScopedPDU scoped = new org.snmp4j.ScopedPDU();
            scoped.addAll(answer.getVariableBindings());
            scoped.setErrorStatus(answer.getErrorStatus());
            scoped.setErrorIndex(answer.getErrorIndex());
            scoped.setContextEngineID(req.getContextEngineID());
            scoped.setContextName(req.getContextName());
            resp = scoped;
        }
        resp.setType(PDU.RESPONSE);
        resp.setRequestID(e.getPDU().getRequestID());
        try {
            e.getMessageDispatcher().returnResponsePdu(e.getMessageProcessingModel(), e.getSecurityModel(),
                    e.getSecurityName(), e.getSecurityLevel(), resp, e.getMaxSizeResponsePDU(), e.getStateReference(),
                    new StatusInformation());
        } catch (MessageException x) {
            trace.note(ProvisioningStep.CONFIG_FILE_LOCATION, "could not send an SNMP response", x.getMessage(),
                    Outcome.WARNING);
        }
    }

    private static InetSocketAddress peer(Address a) {
        return a instanceof UdpAddress u ? new InetSocketAddress(u.getInetAddress(), u.getPort())
                : new InetSocketAddress(0);
    }
}
