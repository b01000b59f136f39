package io.mtaprov.sim.secure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.common.EncryptionUtil;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.ap.ApOptions;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.ap.Authenticator;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.KrbError;
import org.apache.kerby.kerberos.kerb.type.base.KrbMessage;
import org.apache.kerby.kerberos.kerb.type.base.NameType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.apache.kerby.kerberos.kerb.type.kdc.EncTgsRepPart;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcOptions;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcReqBody;
import org.apache.kerby.kerberos.kerb.type.kdc.TgsRep;
import org.apache.kerby.kerberos.kerb.type.kdc.TgsReq;
import org.apache.kerby.kerberos.kerb.type.pa.PaData;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataEntry;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataType;

/**
 * The optional TGS exchange (option 122 sub-option 7 = 1; PKT-SP-PROV MTA-11/12): with the TGT of
 * the PKINIT AS exchange, a TGS-REQ for the provisioning server's principal; PA-TGS-REQ is an
 * AP-REQ whose authenticator carries the keyed checksum of the KDC-REQ-BODY (RFC 4120 7.5.1 key
 * usage 6); the reply is opened with the TGT's session key (usage 8). Thread-safe.
 */
final class TgsClient {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final KdcTransport transport;
    private final Clock clock;

    TgsClient(KdcTransport transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }

    KerberosTickets obtain(InetSocketAddress kdc, KerberosTickets tgt, String service, String realm) throws Exception {
        int nonce = RANDOM.nextInt() & 0x7fffffff;
        KdcReqBody body = new KdcReqBody();
        body.setKdcOptions(new KdcOptions());
        body.setRealm(realm);
        body.setSname(new PrincipalName(service, NameType.NT_SRV_INST));
        body.setTill(new KerberosTime(clock.millis() + 86_400_000L));
        body.setNonce(nonce);
        body.setEtypes(List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96, EncryptionType.AES128_CTS_HMAC_SHA1_96));
        byte[] bodyDer = KrbCodec.encode(body);
        String client = tgt.client();
        int at = client.lastIndexOf('@');
        Authenticator a = new Authenticator();
        a.setAuthenticatorVno(5);
        a.setCrealm(client.substring(at + 1));
        a.setCname(new PrincipalName(client.substring(0, at), NameType.NT_PRINCIPAL));
        long now = clock.millis();
        a.setCtime(new KerberosTime(now / 1000 * 1000));
        a.setCusec((int) (now % 1000) * 1000);
        a.setCksum(CheckSumHandler.checksumWithKey(EncryptionHandler.getEncHandler(tgt.sessionKey().getKeyType())
                .checksumType(), bodyDer, tgt.sessionKey().getKeyData(), KeyUsage.TGS_REQ_AUTH_CKSUM));
        ApReq ap = new ApReq();
        ap.setApOptions(new ApOptions());
        ap.setTicket(tgt.ticket());
        ap.setEncryptedAuthenticator(EncryptionUtil.seal(a, tgt.sessionKey(), KeyUsage.TGS_REQ_AUTH));
        TgsReq req = new TgsReq();
        req.setReqBody(body);
        PaData pd = new PaData();
        pd.add(new PaDataEntry(PaDataType.TGS_REQ, KrbCodec.encode(ap)));
        req.setPaData(pd);
        KrbMessage m = transport.exchange(KrbCodec.encode(req), kdc);
        if (m instanceof KrbError e) {
            throw new PkinitClient.KdcRefusal(e);
        }
        if (!(m instanceof TgsRep rep)) {
            throw new IOException("the KDC answered the TGS-REQ with " + m.getMsgType());
        }
        EncTgsRepPart part = EncryptionUtil.unseal(rep.getEncryptedEncPart(), tgt.sessionKey(),
                KeyUsage.TGS_REP_ENCPART_SESSKEY, EncTgsRepPart.class);
        if (part.getNonce() != nonce) {
            throw new IOException("the TGS-REP's nonce is not the request's");
        }
        return new KerberosTickets(client, service + "@" + realm, rep.getTicket(), part.getKey());
    }
}
