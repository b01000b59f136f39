package io.mtaprov.server.mps.km;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.km.MtaFqdnMessage;
import io.mtaprov.protocol.km.MtaFqdnUserData;
import io.mtaprov.server.kdc.ap.ApExchange;
import io.mtaprov.server.kdc.ap.KrbSafe;
import io.mtaprov.server.kdc.ap.ReplayCache;
import io.mtaprov.server.kdc.ap.ServiceKeys;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;

/**
 * The provisioning server's side of the MTA FQDN protocol (PKT-SP-SEC "MTA FQDN", UDP 2246;
 * Wireshark {@code pktc.mtafqdn}), without sockets: the KDC's KRB_AP_REQ is verified with the
 * provisioning server's service key (client must be {@code krbtgt/<REALM>}, replays refused), the
 * KRB_SAFE with the ticket's session key; the MTA with the requested MAC is looked up in the DHCP
 * leases, and the reply is a KRB_AP_REP (with a fresh sub-key) and a KRB_SAFE (checksummed with
 * that sub-key) carrying the FQDN the lease registered in DNS and the leased address. An unknown
 * MAC gets an MTA FQDN Error Reply (type 3, code 1: PKT-SP-SEC's error codes are unconfirmed).
 * A request that does not authenticate gets no answer. Thread-safe.
 */
final class MtaFqdnResponder {
    /** Error code of "no MTA with that MAC" (unconfirmed, see {@link MtaFqdnUserData.ErrorReply}). */
    static final int ERROR_UNKNOWN_MTA = 1;

    /** What to send back (empty: nothing) and what to trace. */
    record Answer(Optional<byte[]> reply, String mac, String summary, String detail, Outcome outcome) {
    }

    private final Supplier<ServiceKeys> keys;
    private final Supplier<LeaseLookup> leases;
    private final String kdcClient;
    private final Duration skew;
    private final ReplayCache replays;
    private final Inet4Address self;

    MtaFqdnResponder(Supplier<ServiceKeys> keys, Supplier<LeaseLookup> leases, String realm, Duration skew,
            Inet4Address self) {
        this.keys = keys;
        this.leases = leases;
        this.kdcClient = "krbtgt/" + realm + "@" + realm;
        this.skew = skew;
        this.replays = new ReplayCache(skew);
        this.self = self;
    }

    Answer handle(byte[] payload) {
        MtaFqdnMessage m;
        MtaFqdnUserData data;
        try {
            m = MtaFqdnMessage.decode(ByteBuffer.wrap(payload));
            if (!m.isRequest()) {
                return refuse("", "MTA FQDN reply received by the server", "a KRB_AP_REP where a request belongs");
            }
        } catch (DecodeException e) {
            return refuse("", "undecodable MTA FQDN message", e.getMessage());
        }
        ApExchange.Verified v;
        MtaFqdnUserData.Request req;
        try {
            v = ApExchange.verify(m.apMessage(), keys.get(), skew, replays, Instant.now());
            if (!v.client().equals(kdcClient)) {
                return refuse("", "MTA FQDN request from " + v.client() + " refused", "only the KDC (" + kdcClient
                        + ") may ask");
            }
            KrbSafe.Opened safe = KrbSafe.open(m.krbSafe(), v.subkey() != null ? v.subkey() : v.sessionKey(), skew,
                    Instant.now());
            data = MtaFqdnUserData.decode(ByteBuffer.wrap(safe.userData()));
            if (!(data instanceof MtaFqdnUserData.Request r)) {
                return refuse("", "MTA FQDN message of type " + data.type() + " refused", "a request (type 1) expected");
            }
            req = r;
        } catch (KrbException e) {
            return refuse("", "MTA FQDN request not authenticated", e.getKrbErrorCode() + ": " + e.getMessage());
        } catch (DecodeException | IllegalStateException e) {
            return refuse("", "MTA FQDN request refused", e.getMessage());
        }
        String mac = HexFormat.ofDelimiter(":").formatHex(req.mac());
        LeaseLookup l = leases.get();
        Optional<Lease> lease = l == null ? Optional.empty() : l.byMac(mac);
        MtaFqdnUserData answer;
        String summary;
        String detail;
        Outcome outcome;
        if (lease.isPresent() && !lease.get().hostname().isBlank()) {
            Lease le = lease.get();
            answer = new MtaFqdnUserData.Reply(MtaFqdnUserData.CABLELABS, MtaFqdnUserData.PROTOCOL_VERSION,
                    le.hostname(), ipv4(le.ip()));
            summary = "MTA FQDN reply: " + mac + " is " + le.hostname() + " (" + le.ip() + ")";
            detail = "asked by " + v.client() + "; public key SHA-1 " + HexFormat.of().formatHex(req.publicKeyHash())
                    + (req.revoked().isPresent() ? "; manufacturer certificate revoked at " + req.revoked().get() : "");
            outcome = Outcome.OK;
        } else {
            answer = new MtaFqdnUserData.ErrorReply(MtaFqdnUserData.CABLELABS, MtaFqdnUserData.PROTOCOL_VERSION,
                    ERROR_UNKNOWN_MTA);
            summary = "MTA FQDN error reply: no MTA " + mac;
            detail = l == null ? "no lease store is available" : lease.isEmpty() ? "no DHCP lease of " + mac
                    : "the lease of " + mac + " has no FQDN";
            outcome = Outcome.REJECTED;
        }
        try {
            EncryptionKey subkey = EncryptionHandler.random2Key(v.sessionKey().getKeyType());
            byte[] apRep = ApExchange.reply(v, subkey, 0);
            byte[] safe = KrbSafe.seal(answer.encode(), self, subkey, Instant.now());
            return new Answer(Optional.of(new MtaFqdnMessage(apRep, safe).encode()), mac, summary, detail, outcome);
        } catch (KrbException e) {
            return new Answer(Optional.empty(), mac, "MTA FQDN reply not built", e.getMessage(), Outcome.FAILED);
        }
    }

    private static Answer refuse(String mac, String summary, String detail) {
        return new Answer(Optional.empty(), mac, summary, detail, Outcome.REJECTED);
    }

    private static Inet4Address ipv4(String ip) {
        try {
            return (Inet4Address) InetAddress.getByName(ip);
        } catch (UnknownHostException | ClassCastException e) {
            throw new IllegalStateException("lease address " + ip + " is not IPv4", e);
        }
    }
}
