package io.mtaprov.server.kdc.ap;

import java.time.Duration;
import java.time.Instant;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.common.EncryptionUtil;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.ap.ApOption;
import org.apache.kerby.kerberos.kerb.type.ap.ApOptions;
import org.apache.kerby.kerberos.kerb.type.ap.ApRep;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.ap.Authenticator;
import org.apache.kerby.kerberos.kerb.type.ap.EncAPRepPart;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.NameType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.apache.kerby.kerberos.kerb.type.ticket.EncTicketPart;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;

/**
 * The Kerberos client/server exchange (RFC 4120 3.2) that key management (UDP 1293) and the MTA
 * FQDN protocol (UDP 2246) carry: building a KRB_AP_REQ from a ticket and its session key (with a
 * sub-key and a sequence number, MUTUAL-REQUIRED set), verifying one at the service (ticket opened
 * with the service key, key usage 2; authenticator with the session key, key usage 11; client names
 * equal; ctime within the skew; ticket not expired; authenticator not seen before), and the
 * KRB_AP_REP (EncAPRepPart with the same ctime/cusec, key usage 12). On Kerby's ASN.1 types. Keys
 * never appear in exception messages. Stateless, thread-safe.
 */
public final class ApExchange {
    private ApExchange() {
    }

    /**
     * What a verified AP-REQ established. Holds keys: never log it whole.
     *
     * @param client     the ticket's client, {@code name@REALM}
     * @param sessionKey the ticket's session key
     * @param subkey     the client's sub-key from the authenticator, or null
     * @param ctime      the authenticator's ctime (whole milliseconds as Kerberos has them)
     * @param cusec      the authenticator's microseconds
     * @param seq        the authenticator's sequence number (0 if absent)
     */
    public record Verified(String client, EncryptionKey sessionKey, EncryptionKey subkey, Instant ctime, int cusec,
            int seq) {
        @Override
        public String toString() {
            return "Verified[" + client + ", ctime " + ctime + "." + cusec + ", seq " + seq + ", keys not shown]";
        }
    }

    /** A KRB_AP_REQ for {@code ticket}, as {@code client} (name@REALM), with a sub-key and sequence number. */
    public static byte[] request(Ticket ticket, EncryptionKey sessionKey, String client, EncryptionKey subkey, int seq,
            Instant now) throws KrbException {
        int at = client.lastIndexOf('@');
        Authenticator a = new Authenticator();
        a.setAuthenticatorVno(5);
        a.setCrealm(client.substring(at + 1));
        a.setCname(new PrincipalName(client.substring(0, at), NameType.NT_PRINCIPAL));
        a.setCtime(new KerberosTime(now.toEpochMilli() / 1000 * 1000));
        a.setCusec((int) (now.toEpochMilli() % 1000 * 1000 + (now.getNano() / 1000) % 1000));
        if (subkey != null) {
            a.setSubKey(subkey);
        }
        a.setSeqNumber(seq);
        ApReq req = new ApReq();
        ApOptions options = new ApOptions();
        options.setFlag(ApOption.MUTUAL_REQUIRED);
        req.setApOptions(options);
        req.setTicket(ticket);
        req.setEncryptedAuthenticator(EncryptionUtil.seal(a, sessionKey, KeyUsage.AP_REQ_AUTH));
        return KrbCodec.encode(req);
    }

    /** Verifies a KRB_AP_REQ addressed to {@code keys}' principal; {@code replays} may be null. */
    public static Verified verify(byte[] der, ServiceKeys keys, Duration skew, ReplayCache replays, Instant now)
            throws KrbException {
        ApReq req;
        try {
            req = KrbCodec.decode(der, ApReq.class);
        } catch (KrbException | RuntimeException e) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, "not a KRB_AP_REQ: " + e.getMessage());
        }
        Ticket t = req.getTicket();
        if (t == null || t.getEncryptedEncPart() == null || req.getEncryptedAuthenticator() == null) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, "KRB_AP_REQ without ticket or authenticator");
        }
        String service = t.getSname().getName() + "@" + t.getRealm();
        if (!service.equals(keys.principal())) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_NOT_US, "ticket for " + service + ", this is "
                    + keys.principal());
        }
        EncryptionKey key = keys.key(t.getEncryptedEncPart().getEType()).orElseThrow(() -> new KrbException(
                KrbErrorCode.KRB_AP_ERR_NOKEY, "no service key of type " + t.getEncryptedEncPart().getEType()));
        EncTicketPart part;
        try {
            part = EncryptionUtil.unseal(t.getEncryptedEncPart(), key, KeyUsage.KDC_REP_TICKET, EncTicketPart.class);
        } catch (KrbException e) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_BAD_INTEGRITY,
                    "the ticket does not decrypt with the service key (issued by another KDC, or the keytab is stale)");
        }
        Authenticator a;
        try {
            a = EncryptionUtil.unseal(req.getEncryptedAuthenticator(), part.getKey(), KeyUsage.AP_REQ_AUTH,
                    Authenticator.class);
        } catch (KrbException e) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_BAD_INTEGRITY,
                    "the authenticator does not decrypt with the ticket's session key");
        }
        String client = part.getCname().getName() + "@" + part.getCrealm();
        String claimed = a.getCname() == null ? "" : a.getCname().getName() + "@" + a.getCrealm();
        if (!client.equals(claimed)) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_BADMATCH, "authenticator of " + claimed
                    + " with a ticket of " + client);
        }
        if (a.getCtime() == null) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, "authenticator without ctime");
        }
        Instant ctime = Instant.ofEpochMilli(a.getCtime().getTime());
        Duration off = Duration.between(ctime, now).abs();
        if (off.compareTo(skew) > 0) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_SKEW, "authenticator time " + ctime + " is " + off.toSeconds()
                    + " s from this clock (allowed " + skew.toSeconds() + " s)");
        }
        if (part.getEndTime() != null && part.getEndTime().getTime() + skew.toMillis() < now.toEpochMilli()) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_TKT_EXPIRED, "ticket expired at "
                    + Instant.ofEpochMilli(part.getEndTime().getTime()));
        }
        if (replays != null && !replays.firstSeen(client, ctime, a.getCusec(), now)) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_REPEAT, "replayed AP-REQ: the authenticator of " + client
                    + " at " + ctime + "." + a.getCusec() + " was seen before");
        }
        return new Verified(client, part.getKey(), a.getSubKey(), ctime, a.getCusec(), a.getSeqNumber());
    }

    /** The KRB_AP_REP answering {@code v}, carrying the server's sub-key and sequence number. */
    public static byte[] reply(Verified v, EncryptionKey serverSubkey, int seq) throws KrbException {
        EncAPRepPart part = new EncAPRepPart();
        part.setCtime(new KerberosTime(v.ctime().toEpochMilli()));
        part.setCusec(v.cusec());
        if (serverSubkey != null) {
            part.setSubkey(serverSubkey);
        }
        part.setSeqNumber(seq);
        ApRep rep = new ApRep();
        rep.setEncryptedEncPart(EncryptionUtil.seal(part, v.sessionKey(), KeyUsage.AP_REP_ENCPART));
        return KrbCodec.encode(rep);
    }

    /** Opens a KRB_AP_REP with the session key of the AP-REQ it answers. */
    public static EncAPRepPart open(byte[] der, EncryptionKey sessionKey) throws KrbException {
        ApRep rep = KrbCodec.decode(der, ApRep.class);
        try {
            return EncryptionUtil.unseal(rep.getEncryptedEncPart(), sessionKey, KeyUsage.AP_REP_ENCPART,
                    EncAPRepPart.class);
        } catch (KrbException e) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_MUT_FAIL, "the KRB_AP_REP does not decrypt with the session key");
        }
    }
}
