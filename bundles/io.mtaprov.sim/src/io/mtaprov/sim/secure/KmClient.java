package io.mtaprov.sim.secure;

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
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.type.ap.EncAPRepPart;
import org.apache.kerby.kerberos.kerb.type.base.KrbError;

/**
 * The MTA's side of Kerberized key management for the SNMPv3 DOI (PKT-SP-SEC; step 3b, MTA-13/14):
 * an AP Request (KRB_AP_REQ with the provisioning server's ticket, the MTA's engine ID, boots, time
 * and USM user, the suites it offers, HMAC with the session key), retried with the AP backoff; the
 * AP Reply's KRB_AP_REP is opened with the session key, its HMAC checked with the sub-key, the keys
 * derived ({@link SnmpKeyDerivation}) and, when asked, Security Parameter Recovered sent. An Error
 * Reply ends the exchange with its KRB_ERROR code and text. Fault injection: a clock offset on the
 * authenticator, replies lost (timeout), the AP Request sent a second time (replay). One use.
 */
final class KmClient {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why key management failed, with the server's reason when it gave one. */
    static final class KmFailure extends Exception {
        private static final long serialVersionUID = 1L;

        KmFailure(String message) {
            super(message);
        }
    }

    private final InetAddress local;
    private final Duration timeout;
    private final int tries;
    private final Duration clockOffset;
    private final boolean loseReplies;
    private final boolean replay;

    KmClient(InetAddress local, Duration timeout, int tries, Duration clockOffset, boolean loseReplies, boolean replay) {
        this.local = local;
        this.timeout = timeout;
        this.tries = tries;
        this.clockOffset = clockOffset;
        this.loseReplies = loseReplies;
        this.replay = replay;
    }

    MtaUsmKeys establish(InetSocketAddress mps, KerberosTickets ticket, byte[] engineId, long boots, long time,
            String user, List<Ciphersuite> offered) throws KrbException, IOException, KmFailure {
        Instant now = Instant.now().plus(clockOffset);
        byte[] apReq = ApExchange.request(ticket.ticket(), ticket.sessionKey(), ticket.client(), null,
                RANDOM.nextInt() & 0x7fffffff, now);
        KmHeader h = KmHeader.of(Doi.SNMPV3);
        byte[] req = new ApRequest(h, apReq, RANDOM.nextInt(), new SnmpApplicationData(engineId, boots, time, user),
                offered, false, new byte[KmMessage.HMAC_LENGTH]).encode();
        byte[] hmac = SnmpKeyDerivation.messageHmac(ticket.sessionKey().getKeyData(), req, req.length - KmMessage.HMAC_LENGTH);
        System.arraycopy(hmac, 0, req, req.length - KmMessage.HMAC_LENGTH, KmMessage.HMAC_LENGTH);
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(local, 0))) {
            KmMessage answer = exchange(s, req, mps);
            MtaUsmKeys keys = accept(s, mps, answer, ticket, h, engineId);
            if (replay) {
                KmMessage second = exchange(s, req, mps);
                if (second instanceof ErrorReply e) {
                    throw new KmFailure("replayed AP Request refused by the provisioning server: " + krbError(e));
                }
                throw new KmFailure("the provisioning server accepted a replayed AP Request");
            }
            return keys;
        }
    }

    private MtaUsmKeys accept(DatagramSocket s, InetSocketAddress mps, KmMessage answer, KerberosTickets ticket,
            KmHeader h, byte[] engineId) throws KrbException, IOException, KmFailure {
        if (answer instanceof ErrorReply e) {
            throw new KmFailure("the provisioning server refused the AP Request: " + krbError(e));
        }
        if (!(answer instanceof ApReply r) || !(r.applicationData() instanceof SnmpApplicationData server)) {
            throw new KmFailure("unexpected " + answer.getClass().getSimpleName() + " in answer to the AP Request");
        }
        EncAPRepPart part = ApExchange.open(r.apRep(), ticket.sessionKey());
        if (part.getSubkey() == null) {
            throw new KmFailure("the AP Reply's KRB_AP_REP carries no sub-key");
        }
        byte[] subkey = part.getSubkey().getKeyData();
        byte[] bytes = r.encode();
        if (!MessageDigest.isEqual(SnmpKeyDerivation.messageHmac(subkey, bytes, bytes.length - KmMessage.HMAC_LENGTH),
                r.hmac())) {
            throw new KmFailure("the AP Reply's HMAC does not verify with its sub-key");
        }
        if (r.selectedCiphersuites().size() != 1) {
            throw new KmFailure("the AP Reply selects " + r.selectedCiphersuites().size() + " ciphersuites, not one");
        }
        Ciphersuite c = r.selectedCiphersuites().get(0);
        if (r.ackRequired()) {
            byte[] header = Arrays.copyOf(new SecurityParameterRecovered(h, new byte[KmMessage.HMAC_LENGTH]).encode(), 3);
            byte[] spr = new SecurityParameterRecovered(h, SnmpKeyDerivation.hmacSha1(subkey, header)).encode();
            s.send(new DatagramPacket(spr, spr.length, mps));
        }
        return new MtaUsmKeys(server.userName(), engineId, server.engineId(), server.engineBoots(),
                server.engineTime(), c, SnmpKeyDerivation.authKey(subkey, c), SnmpKeyDerivation.privKey(subkey, c));
    }

    private KmMessage exchange(DatagramSocket s, byte[] req, InetSocketAddress mps) throws IOException, KmFailure {
        byte[] buf = new byte[65535];
        long wait = timeout.toMillis();
        for (int i = 0; i < tries; i++) {
            s.setSoTimeout((int) wait);
            s.send(new DatagramPacket(req, req.length, mps));
            long until = System.nanoTime() + wait * 1_000_000L;
            try {
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    s.receive(p);
                    if (!loseReplies) {
                        return KmMessage.decode(ByteBuffer.wrap(Arrays.copyOf(buf, p.getLength())));
                    }
                    int left = (int) ((until - System.nanoTime()) / 1_000_000L);
                    if (left <= 0) {
                        break;
                    }
                    s.setSoTimeout(left);
                }
            } catch (SocketTimeoutException e) {
                // next try
            } catch (DecodeException e) {
                throw new KmFailure("undecodable answer from the provisioning server: " + e.getMessage());
            }
            wait = Math.min(wait * 2, 10_000);
        }
        throw new KmFailure("key management timeout: no AP Reply from " + mps + " after " + tries + " AP Requests"
                + (loseReplies ? " (fault injection: replies lost)" : ""));
    }

    private static String krbError(ErrorReply e) {
        try {
            KrbError err = KrbCodec.decode(e.krbError(), KrbError.class);
            return err.getErrorCode() + (err.getEtext() == null ? "" : " (" + err.getEtext() + ")");
        } catch (KrbException | RuntimeException x) {
            return "an undecodable KRB_ERROR";
        }
    }
}
