package io.mtaprov.server.mps.km;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.km.ApReply;
import io.mtaprov.protocol.km.ApRequest;
import io.mtaprov.protocol.km.Ciphersuite;
import io.mtaprov.protocol.km.Doi;
import io.mtaprov.protocol.km.ErrorReply;
import io.mtaprov.protocol.km.KmHeader;
import io.mtaprov.protocol.km.KmMessage;
import io.mtaprov.protocol.km.SecurityParameterRecovered;
import io.mtaprov.protocol.km.SnmpApplicationData;
import io.mtaprov.protocol.km.SnmpKeyDerivation;
import io.mtaprov.server.kdc.ap.ApExchange;
import io.mtaprov.server.kdc.ap.ReplayCache;
import io.mtaprov.server.kdc.ap.ServiceKeys;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.KrbError;
import org.apache.kerby.kerberos.kerb.type.base.NameType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;

/**
 * Kerberized key management at the provisioning server for the SNMPv3 DOI (PKT-SP-SEC; UDP 1293),
 * without sockets. AP Request: the KRB_AP_REQ is verified with the service key (ticket, authenticator,
 * clock skew, replay cache), then the message HMAC, the DOI, the server nonce (the one of our Wake Up
 * when we sent one), and a ciphersuite is chosen (the settings' order, first one the MTA offers);
 * the reply is an AP Reply with a fresh sub-key in the KRB_AP_REP, the server's engine ID, boots,
 * time and the MTA's user name, the chosen suite, lifetime, grace period, ACK-required, and its HMAC;
 * the keys derive from the sub-key ({@link SnmpKeyDerivation}). Failures get an Error Reply
 * (KRB_ERROR with the code and the reason in e-text). Security Parameter Recovered confirms the keys.
 * Rekey and Wake Up are server-to-MTA messages: received, they are refused. Keys never reach the
 * trace texts. Thread-safe.
 */
final class KmResponder {
    /** What to send back (empty: nothing), the keys established (if any) and the trace fields. */
    record Answer(Optional<byte[]> reply, Optional<SnmpKeys> keys, String mac, String summary, String detail,
            Outcome outcome) {
    }

    private final Supplier<ServiceKeys> serviceKeys;
    private final Supplier<LeaseLookup> leases;
    private final Supplier<SnmpEngineSink> engine;
    private final KmSettings settings;
    private final Duration skew;
    private final ReplayCache replays;
    private final Map<String, Integer> wakeUpNonces = new ConcurrentHashMap<>();
    private final Map<String, byte[]> pendingAck = new ConcurrentHashMap<>();

    KmResponder(Supplier<ServiceKeys> serviceKeys, Supplier<LeaseLookup> leases, Supplier<SnmpEngineSink> engine,
            KmSettings settings, Duration skew) {
        this.serviceKeys = serviceKeys;
        this.leases = leases;
        this.engine = engine;
        this.settings = settings;
        this.skew = skew;
        this.replays = new ReplayCache(skew);
    }

    /** Remembers the nonce of a Wake Up sent to this address. */
    void wokeUp(String ip, int nonce) {
        wakeUpNonces.put(ip, nonce);
    }

    Answer handle(byte[] payload, String ip) {
        String mac = macOf(ip);
        KmMessage m;
        try {
            m = KmMessage.decode(ByteBuffer.wrap(payload));
        } catch (DecodeException e) {
            return new Answer(Optional.empty(), Optional.empty(), mac, "undecodable key management message from " + ip,
                    e.getMessage(), Outcome.REJECTED);
        }
        return switch (m) {
            case ApRequest r -> apRequest(r, payload, ip, mac);
            case SecurityParameterRecovered s -> recovered(s, ip, mac);
            case ErrorReply e -> new Answer(Optional.empty(), Optional.empty(), mac, "Error Reply from " + ip,
                    "KRB_ERROR of " + e.krbError().length + " bytes", Outcome.WARNING);
            default -> new Answer(Optional.empty(), Optional.empty(), mac, m.getClass().getSimpleName() + " from " + ip
                    + " refused", "a provisioning server sends, never receives, KMMID " + m.kmmid(), Outcome.REJECTED);
        };
    }

    private Answer apRequest(ApRequest r, byte[] payload, String ip, String mac) {
        KmHeader h = r.header();
        ApExchange.Verified v;
        try {
            v = ApExchange.verify(r.apReq(), serviceKeys.get(), skew, replays, Instant.now());
        } catch (KrbException e) {
            return error(h, e.getKrbErrorCode(), e.getMessage(), ip, mac);
        } catch (IllegalStateException e) {
            return error(h, KrbErrorCode.KRB_AP_ERR_NOKEY, e.getMessage(), ip, mac);
        }
        byte[] expected = SnmpKeyDerivation.messageHmac(v.sessionKey().getKeyData(), payload,
                payload.length - KmMessage.HMAC_LENGTH);
        if (!MessageDigest.isEqual(expected, r.hmac())) {
            return error(h, KrbErrorCode.KRB_AP_ERR_MODIFIED, "AP Request HMAC does not verify with the session key",
                    ip, mac);
        }
        if (h.doi() != Doi.SNMPV3 || !(r.applicationData() instanceof SnmpApplicationData mta)) {
            return error(h, KrbErrorCode.KRB_ERR_GENERIC, "DOI " + h.doi() + ": this server keys SNMPv3 only", ip, mac);
        }
        Integer nonce = wakeUpNonces.remove(ip);
        if (nonce != null && nonce != r.serverNonce()) {
            return error(h, KrbErrorCode.KRB_AP_ERR_MODIFIED, String.format("server nonce %08x is not the Wake Up's %08x",
                    r.serverNonce(), nonce), ip, mac);
        }
        Optional<Ciphersuite> suite = settings.suites().stream().filter(r.ciphersuites()::contains).findFirst();
        if (suite.isEmpty()) {
            return error(h, KrbErrorCode.KRB_ERR_GENERIC, "no acceptable ciphersuite: offered " + names(r.ciphersuites())
                    + ", accepted " + names(settings.suites()), ip, mac);
        }
        SnmpEngineSink sink = engine.get();
        if (sink == null) {
            return error(h, KrbErrorCode.KRB_ERR_GENERIC, "the provisioning server's SNMP engine is not running", ip, mac);
        }
        try {
            EncryptionKey subkey = EncryptionHandler.random2Key(v.sessionKey().getKeyType());
            byte[] s = subkey.getKeyData();
            Ciphersuite c = suite.get();
            SnmpKeys keys = new SnmpKeys(mac, ip, mta.userName(), mta.engineId(), sink.engineId(), c,
                    SnmpKeyDerivation.authKey(s, c), SnmpKeyDerivation.privKey(s, c),
                    Instant.now().plus(settings.lifetime()));
            SnmpApplicationData ours = new SnmpApplicationData(sink.engineId(), sink.engineBoots() & 0xffff_ffffL,
                    sink.engineTime() & 0xffff_ffffL, mta.userName());
            ApReply unsigned = new ApReply(h, ApExchange.reply(v, subkey, v.seq()), ours, List.of(c),
                    settings.lifetime().toSeconds(), settings.grace().toSeconds(), false, settings.ackRequired(),
                    new byte[KmMessage.HMAC_LENGTH]);
            byte[] bytes = unsigned.encode();
            byte[] hmac = SnmpKeyDerivation.messageHmac(s, bytes, bytes.length - KmMessage.HMAC_LENGTH);
            System.arraycopy(hmac, 0, bytes, bytes.length - KmMessage.HMAC_LENGTH, KmMessage.HMAC_LENGTH);
            if (settings.ackRequired()) {
                pendingAck.put(ip, s);
            }
            sink.install(keys);
            return new Answer(Optional.of(bytes), Optional.of(keys), mac, "AP Request of " + v.client()
                    + " accepted: SNMPv3 keys for user " + mta.userName() + " (" + keys.suiteName() + ")",
                    "MTA engine " + java.util.HexFormat.of().formatHex(mta.engineId()) + ", boots " + mta.engineBoots()
                            + ", time " + mta.engineTime() + "; offered " + names(r.ciphersuites()) + "; lifetime "
                            + settings.lifetime().toSeconds() + " s, grace " + settings.grace().toSeconds() + " s"
                            + (settings.ackRequired() ? "; ACK required" : ""), Outcome.OK);
        } catch (KrbException | RuntimeException e) {
            return error(h, KrbErrorCode.KRB_ERR_GENERIC, "AP Reply not built: " + e.getMessage(), ip, mac);
        }
    }

    private Answer recovered(SecurityParameterRecovered s, String ip, String mac) {
        byte[] subkey = pendingAck.remove(ip);
        if (subkey == null) {
            return new Answer(Optional.empty(), Optional.empty(), mac, "Security Parameter Recovered from " + ip
                    + " refused", "no AP Reply awaits its ACK", Outcome.REJECTED);
        }
        byte[] header = java.util.Arrays.copyOf(s.encode(), 3);
        if (!MessageDigest.isEqual(SnmpKeyDerivation.hmacSha1(subkey, header), s.hmac())) {
            return new Answer(Optional.empty(), Optional.empty(), mac, "Security Parameter Recovered from " + ip
                    + " refused", "its HMAC does not verify with the AP Reply's sub-key", Outcome.REJECTED);
        }
        return new Answer(Optional.empty(), Optional.empty(), mac, "Security Parameter Recovered: " + ip
                + " confirmed its SNMPv3 keys", "", Outcome.OK);
    }

    private Answer error(KmHeader h, KrbErrorCode code, String reason, String ip, String mac) {
        KrbError err = new KrbError();
        long now = System.currentTimeMillis();
        err.setStime(new KerberosTime(now / 1000 * 1000));
        err.setSusec((int) (now % 1000) * 1000);
        err.setErrorCode(code == null ? KrbErrorCode.KRB_ERR_GENERIC : code);
        err.setRealm(settings.realm());
        String p = settings.principal();
        err.setSname(new PrincipalName(p.substring(0, p.lastIndexOf('@')), NameType.NT_SRV_INST));
        err.setEtext(reason.length() > 200 ? reason.substring(0, 200) : reason);
        Optional<byte[]> reply;
        try {
            reply = Optional.of(new ErrorReply(h, KrbCodec.encode(err)).encode());
        } catch (KrbException e) {
            reply = Optional.empty();
        }
        return new Answer(reply, Optional.empty(), mac, "AP Request from " + ip + " refused: " + err.getErrorCode(),
                reason, Outcome.REJECTED);
    }

    private String macOf(String ip) {
        LeaseLookup l = leases.get();
        return l == null ? "" : l.byIp(ip).map(Lease::mac).orElse("");
    }

    static String names(List<Ciphersuite> suites) {
        return suites.stream().map(c -> String.format("%02x/%02x", c.authentication(), c.encryption())).toList().toString();
    }
}
