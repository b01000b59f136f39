package io.mtaprov.server.mps.km;

import io.mtaprov.protocol.km.Ciphersuite;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.UserTarget;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.util.PDUFactory;

/**
 * The provisioning server's SNMPv3 engine (RFC 3414 USM on SNMP4J): its own SecurityProtocols with
 * exactly HMAC-MD5-96, HMAC-SHA-96 and DES-CBC registered (SNMP4J 3.13 no longer registers MD5/SHA1
 * by default), its USM and MPv3 with a fixed engine ID. Keys from key management are installed as
 * localized users twice: at the MTA's engine (the provisioning server's GET/SET, the MTA is
 * authoritative) and at this engine (the MTA's INFORMs, this engine is authoritative). Thread-safe.
 */
public final class UsmEngine implements SnmpEngineSink {
    private final byte[] engineId;
    private final long started = System.nanoTime();
    private final USM usm;
    private final MPv3 mpv3;
    private final Map<String, SnmpKeys> byIp = new ConcurrentHashMap<>();
    private final Map<String, SnmpKeys> byUser = new ConcurrentHashMap<>();

    public UsmEngine(byte[] engineId) {
        this.engineId = engineId.clone();
        SecurityProtocols sp = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
        sp.addAuthenticationProtocol(new AuthMD5());
        sp.addAuthenticationProtocol(new AuthSHA());
        sp.addPrivacyProtocol(new PrivDES());
        usm = new USM(sp, new OctetString(engineId), 1);
        mpv3 = new MPv3(engineId, (PDUFactory) null, sp, SecurityModels.getCollection(new SecurityModel[] {usm}),
                new CounterSupport());
    }

    /** The engine ID of the provisioning server, derived from a fixed text (RFC 3411 format 4). */
    public static byte[] defaultEngineId() {
        return MPv3.createLocalEngineID(new OctetString("mtaprov-mps"));
    }

    /** The message processing model to add to the dispatcher. */
    public MPv3 messageProcessingModel() {
        return mpv3;
    }

    @Override
    public byte[] engineId() {
        return engineId.clone();
    }

    @Override
    public long engineBoots() {
        return 1;
    }

    @Override
    public long engineTime() {
        return (System.nanoTime() - started) / 1_000_000_000L;
    }

    @Override
    public void install(SnmpKeys k) {
        OID auth = k.suite().authentication() == Ciphersuite.SNMP_AUTH_HMAC_MD5 ? AuthMD5.ID : AuthSHA.ID;
        OID priv = k.privacy() ? PrivDES.ID : null;
        byte[] privKey = k.privacy() ? k.privKey() : null;
        OctetString user = new OctetString(k.user());
        usm.addLocalizedUser(k.mtaEngineId(), user, auth, k.authKey(), priv, privKey);
        usm.addLocalizedUser(engineId, user, auth, k.authKey(), priv, privKey);
        SnmpKeys old = byIp.put(k.ip(), k);
        if (old != null && !old.user().equals(k.user())) {
            byUser.remove(old.user());
        }
        byUser.put(k.user(), k);
    }

    /** The SNMPv3 target of the MTA at {@code ip}, when key management established keys with it. */
    public Optional<UserTarget<UdpAddress>> target(String ip, int port, Duration timeout) {
        SnmpKeys k = byIp.get(ip);
        if (k == null) {
            return Optional.empty();
        }
        UserTarget<UdpAddress> t = new UserTarget<>(new UdpAddress(ip + "/" + port), new OctetString(k.user()),
                k.mtaEngineId(), k.privacy() ? SecurityLevel.AUTH_PRIV : SecurityLevel.AUTH_NOPRIV);
        t.setVersion(SnmpConstants.version3);
        t.setRetries(0);
        t.setTimeout(timeout.toMillis());
        return Optional.of(t);
    }

    /** Whether a notification came authenticated (SNMPv3 USM, authNoPriv or better) from a user key management made. */
    public boolean authenticated(CommandResponderEvent<?> e) {
        return e.getSecurityModel() == SecurityModel.SECURITY_MODEL_USM
                && e.getSecurityLevel() >= SecurityLevel.AUTH_NOPRIV
                && byUser.containsKey(new String(e.getSecurityName(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@code pdu} as a ScopedPDU (SNMPv3 carries scoped PDUs). */
    public static ScopedPDU scoped(PDU pdu) {
        if (pdu instanceof ScopedPDU s) {
            return s;
        }
        ScopedPDU s = new ScopedPDU();
        s.setType(pdu.getType());
        s.addAll(pdu.getVariableBindings());
        s.setErrorStatus(pdu.getErrorStatus());
        s.setErrorIndex(pdu.getErrorIndex());
        s.setRequestID(pdu.getRequestID());
        return s;
    }
}
