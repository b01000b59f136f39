package io.mtaprov.server.kdc;

import io.mtaprov.pki.MacAddress;
import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.km.MtaFqdnMessage;
import io.mtaprov.protocol.km.MtaFqdnUserData;
import io.mtaprov.server.kdc.ap.ApExchange;
import io.mtaprov.server.kdc.ap.KrbSafe;
import io.mtaprov.server.kdc.ap.ServiceKeys;
import io.mtaprov.server.kdc.ap.ServiceTickets;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;

/**
 * The KDC's side of the MTA FQDN protocol (PKT-SP-SEC "MTA FQDN"; Wireshark {@code pktc.mtafqdn};
 * UDP 2246 at the provisioning server, 12246 here by default): during an AS exchange with an MTA
 * principal not configured with a MAC, the KDC sends a KRB_AP_REQ (a ticket it issues itself to the
 * provisioning server's principal, client {@code krbtgt/<REALM>}: the client name is not confirmed
 * from the specification) followed by a KRB_SAFE whose user data is the MTA FQDN Request (MAC of
 * the device certificate, SHA-1 of its public key, revocation time 0), and checks the AP-REP and
 * the KRB_SAFE of the reply (with the sub-key of the AP-REP, else the session key). Retries on
 * timeout. Thread-safe: one socket per request.
 */
final class MtaFqdnClient {
    /** The provisioning server's answer. */
    record Resolved(String fqdn, Inet4Address address) {
    }

    private final InetSocketAddress server;
    private final ServiceKeys mpsKeys;
    private final String client;
    private final Duration timeout;
    private final int tries;
    private final Duration skew;

    MtaFqdnClient(InetSocketAddress server, ServiceKeys mpsKeys, String client, Duration timeout, int tries,
            Duration skew) {
        this.server = server;
        this.mpsKeys = mpsKeys;
        this.client = client;
        this.timeout = timeout;
        this.tries = tries;
        this.skew = skew;
    }

    InetSocketAddress server() {
        return server;
    }

    /** Asks for the FQDN of the MTA with this MAC and public key. */
    Resolved resolve(MacAddress mac, byte[] publicKeyHash) throws KrbException {
        Instant now = Instant.now();
        ServiceTickets.Issued issued = ServiceTickets.issue(mpsKeys, client, now, Duration.ofMinutes(5));
        EncryptionKey session = issued.sessionKey();
        byte[] apReq = ApExchange.request(issued.ticket(), session, client, null, 0, now);
        MtaFqdnUserData.Request req = new MtaFqdnUserData.Request(MtaFqdnUserData.CABLELABS,
                MtaFqdnUserData.PROTOCOL_VERSION, mac.bytes(), publicKeyHash, 0);
        Inet4Address self = (Inet4Address) (server.getAddress() instanceof Inet4Address a && a.isLoopbackAddress()
                ? a : loopback());
        byte[] payload = new MtaFqdnMessage(apReq, KrbSafe.seal(req.encode(), self, session, now)).encode();
        byte[] answer = exchange(payload);
        MtaFqdnMessage reply;
        try {
            reply = MtaFqdnMessage.decode(ByteBuffer.wrap(answer));
        } catch (DecodeException e) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, "MTA FQDN reply undecodable: " + e.getMessage());
        }
        if (reply.isRequest()) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, "MTA FQDN reply carries an AP-REQ");
        }
        EncryptionKey subkey = ApExchange.open(reply.apMessage(), session).getSubkey();
        KrbSafe.Opened opened = KrbSafe.open(reply.krbSafe(), subkey != null ? subkey : session, skew, Instant.now());
        MtaFqdnUserData data;
        try {
            data = MtaFqdnUserData.decode(ByteBuffer.wrap(opened.userData()));
        } catch (DecodeException e) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, "MTA FQDN user data: " + e.getMessage());
        }
        return switch (data) {
            case MtaFqdnUserData.Reply r -> new Resolved(r.fqdn(), r.address());
            case MtaFqdnUserData.ErrorReply e -> throw new KrbException(KrbErrorCode.KDC_ERR_CLIENT_NAME_MISMATCH,
                    "wrong MAC: the provisioning server knows no MTA with the certificate's MAC " + mac.canonical()
                            + " (MTA FQDN error " + e.errorCode() + ")");
            case MtaFqdnUserData.Request r -> throw new KrbException(KrbErrorCode.KRB_AP_ERR_MSG_TYPE,
                    "MTA FQDN reply carries a request");
        };
    }

    private byte[] exchange(byte[] payload) throws KrbException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout((int) timeout.toMillis());
            byte[] buf = new byte[4096];
            for (int i = 0; i < tries; i++) {
                s.send(new DatagramPacket(payload, payload.length, server));
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    s.receive(p);
                    return Arrays.copyOf(buf, p.getLength());
                } catch (SocketTimeoutException e) {
                    // next try
                }
            }
        } catch (IOException e) {
            throw new KrbException(KrbErrorCode.KDC_ERR_SVC_UNAVAILABLE, "MTA FQDN request to " + server + " failed: "
                    + e.getMessage());
        }
        throw new KrbException(KrbErrorCode.KDC_ERR_SVC_UNAVAILABLE, "no MTA FQDN reply from the provisioning server "
                + server + " after " + tries + " tries of " + timeout.toMillis() + " ms");
    }

    private static Inet4Address loopback() {
        try {
            return (Inet4Address) java.net.InetAddress.getByName("127.0.0.1");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
