package io.mtaprov.sim.secure;

import io.mtaprov.pki.Credential;
import io.mtaprov.pki.PkinitNames;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.common.EncryptionUtil;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumHandler;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.KrbError;
import org.apache.kerby.kerberos.kerb.type.base.KrbMessage;
import org.apache.kerby.kerberos.kerb.type.base.NameType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.apache.kerby.kerberos.kerb.type.kdc.AsRep;
import org.apache.kerby.kerberos.kerb.type.kdc.AsReq;
import org.apache.kerby.kerberos.kerb.type.kdc.EncAsRepPart;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcOptions;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcReqBody;
import org.apache.kerby.kerberos.kerb.type.pa.PaData;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataEntry;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataType;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.AuthPack;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.PaPkAsRep;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.PaPkAsReq;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.PkAuthenticator;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.ReplyKeyPack;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;

/**
 * The MTA's AS exchange with PKINIT in RSA mode (RFC 4556 3.2.3.2; PKT-SP-SEC; step 3a, MTA-9/10):
 * the AuthPack (PKAuthenticator with the request nonce, ctime and the SHA-1 of the KDC-REQ-BODY as
 * paChecksum, no DH value) signed with the device key in a CMS SignedData carrying the device and
 * manufacturer certificates, padata 16; the reply's EnvelopedData is opened with the device key,
 * the KDC's signature on the ReplyKeyPack is verified with the certificate it carries, the
 * asChecksum (key usage 6) over the AS-REQ sent is checked, and the EncASRepPart is opened with the
 * reply key (nonce checked). The ticket may be for any service (the provisioning server's directly,
 * or krbtgt for the TGS path). Promoted from the KDC's test client. Thread-safe.
 */
public final class PkinitClient {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final KdcTransport transport;
    private final Clock clock;

    PkinitClient(KdcTransport transport, Clock clock) {
        this.transport = transport;
        this.clock = clock;
    }

    /** Builds the AS-REQ; {@code nonce} is its nonce. */
    static byte[] request(String client, String service, String realm, int nonce, Credential device,
            List<X509Certificate> certs, Clock clock) throws Exception {
        KdcReqBody body = new KdcReqBody();
        body.setKdcOptions(new KdcOptions());
        body.setCname(new PrincipalName(client, NameType.NT_PRINCIPAL));
        body.setRealm(realm);
        body.setSname(new PrincipalName(service, NameType.NT_SRV_INST));
        body.setTill(new KerberosTime(clock.millis() + 86_400_000L));
        body.setNonce(nonce);
        body.setEtypes(List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96, EncryptionType.AES128_CTS_HMAC_SHA1_96));
        PkAuthenticator pa = new PkAuthenticator();
        long now = clock.millis();
        pa.setCusec((int) (now % 1000) * 1000);
        pa.setCtime(new KerberosTime(now / 1000 * 1000));
        pa.setNonce(nonce);
        pa.setPaChecksum(MessageDigest.getInstance("SHA-1").digest(KrbCodec.encode(body)));
        AuthPack ap = new AuthPack();
        ap.setPkAuthenticator(pa);
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA",
                device.privateKey(), device.certificate()));
        g.addCertificates(new JcaCertStore(certs));
        byte[] signed = g.generate(new CMSProcessableByteArray(new ASN1ObjectIdentifier(PkinitNames.ID_PKINIT_AUTH_DATA),
                KrbCodec.encode(ap)), true).getEncoded();
        PaPkAsReq pk = new PaPkAsReq();
        pk.setSignedAuthPack(signed);
        AsReq req = new AsReq();
        req.setReqBody(body);
        PaData pd = new PaData();
        pd.add(new PaDataEntry(PaDataType.PK_AS_REQ, KrbCodec.encode(pk)));
        req.setPaData(pd);
        return KrbCodec.encode(req);
    }

    /**
     * Gets a ticket for {@code service} ({@code name} without realm) as {@code client}.
     *
     * @throws KdcRefusal when the KDC answers with a KRB-ERROR (its code and e-text)
     */
    KerberosTickets obtain(InetSocketAddress kdc, String client, String service, String realm, Credential device,
            List<X509Certificate> certs) throws Exception {
        int nonce = RANDOM.nextInt() & 0x7fffffff;
        byte[] req = request(client, service, realm, nonce, device, certs, clock);
        KrbMessage m = transport.exchange(req, kdc);
        if (m instanceof KrbError e) {
            throw new KdcRefusal(e);
        }
        if (!(m instanceof AsRep rep)) {
            throw new IOException("the KDC answered the AS-REQ with " + m.getMsgType());
        }
        PaDataEntry entry = rep.getPaData() == null ? null : rep.getPaData().findEntry(PaDataType.PK_AS_REP);
        if (entry == null) {
            throw new IOException("the AS-REP has no PA-PK-AS-REP");
        }
        PaPkAsRep pk = KrbCodec.decode(entry.getPaDataValue(), PaPkAsRep.class);
        CMSEnvelopedData env = new CMSEnvelopedData(pk.getEncKeyPack());
        RecipientInformation ri = env.getRecipientInfos().getRecipients().iterator().next();
        byte[] signedData = ri.getContent(new JceKeyTransEnvelopedRecipient(device.privateKey()));
        CMSSignedData sd = new CMSSignedData(new ContentInfo(CMSObjectIdentifiers.signedData,
                ASN1Primitive.fromByteArray(signedData)));
        if (!PkinitNames.ID_PKINIT_RKEY_DATA.equals(sd.getSignedContentTypeOID())) {
            throw new IOException("the KDC signed " + sd.getSignedContentTypeOID() + ", not id-pkinit-rkeyData");
        }
        SignerInformation si = sd.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        X509CertificateHolder kdcCert = (X509CertificateHolder) sd.getCertificates().getMatches(si.getSID()).iterator()
                .next();
        if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(kdcCert))) {
            throw new IOException("the KDC's signature on the ReplyKeyPack does not verify");
        }
        ReplyKeyPack rkp = KrbCodec.decode((byte[]) sd.getSignedContent().getContent(), ReplyKeyPack.class);
        if (!CheckSumHandler.verifyWithKey(rkp.getAsChecksum(), req, rkp.getReplyKey().getKeyData(),
                KeyUsage.fromValue(6))) {
            throw new IOException("asChecksum does not match the AS-REQ sent");
        }
        EncAsRepPart part = EncryptionUtil.unseal(rep.getEncryptedEncPart(), rkp.getReplyKey(), KeyUsage.AS_REP_ENCPART,
                EncAsRepPart.class);
        if (part.getNonce() != nonce) {
            throw new IOException("the AS-REP's nonce is not the request's");
        }
        return new KerberosTickets(client + "@" + realm, service + "@" + realm, rep.getTicket(), part.getKey());
    }

    /** A KRB-ERROR from the KDC, with its code and e-text as the message. */
    public static final class KdcRefusal extends Exception {
        private static final long serialVersionUID = 1L;

        KdcRefusal(KrbError e) {
            super(e.getErrorCode() + (e.getEtext() == null || e.getEtext().isEmpty() ? "" : ": " + e.getEtext()));
        }
    }

}
