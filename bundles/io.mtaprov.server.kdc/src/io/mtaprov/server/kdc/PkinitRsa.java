package io.mtaprov.server.kdc;

import io.mtaprov.pki.ChainCheck;
import io.mtaprov.pki.Credential;
import io.mtaprov.pki.MacAddress;
import io.mtaprov.pki.MtaChainValidator;
import io.mtaprov.pki.PkinitNames;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.base.CheckSum;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataEntry;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataType;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.AuthPack;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.PaPkAsRep;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.PaPkAsReq;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.PkAuthenticator;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.ReplyKeyPack;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * PKINIT in RSA mode, "public key encryption" (RFC 4556 3.2.3.2), for PA-PK-AS-REQ (padata 16):
 * verifies the client's CMS SignedData over the AuthPack (eContentType id-pkinit-authData, signer
 * certificate in the SignedData, signature), its chain to a trusted MTA root with the MAC binding
 * ({@link MtaChainValidator}), the PKAuthenticator (nonce = the request's nonce, ctime within the
 * clock skew, paChecksum = SHA-1 of the KDC-REQ-BODY as received, no DH public value), and builds
 * PA-PK-AS-REP encKeyPack: ContentInfo(EnvelopedData to the client's RSA key) whose encrypted
 * content (type id-signedData) is a SignedData(id-pkinit-rkeyData, ReplyKeyPack{replyKey,
 * asChecksum}) signed with the KDC certificate. asChecksum is the keyed checksum of the whole AS-REQ
 * as received, with the reply key, key usage 6, the enctype's mandatory checksum type.
 * Thread-safe; the reply key only leaves in the EnvelopedData and the AS-REP.
 */
final class PkinitRsa {
    /** What a successful verification established, for the AS-REP and the trace. */
    record Verified(X509Certificate device, MacAddress mac, String chain) {
    }

    /**
     * RFC 4556 3.2.3.2: asChecksum uses key usage 6 (Kerby names 6 TGS_REQ_AUTH_CKSUM; its
     * APP_DATA_CKSUM is 17, which MIT kinit rejects with "checksum mismatch").
     */
    static final KeyUsage AS_CHECKSUM_USAGE = KeyUsage.fromValue(6);

    private final Credential kdc;
    private final MtaChainValidator validator;
    private final Duration skew;

    PkinitRsa(Credential kdc, MtaChainValidator validator, Duration skew) {
        this.kdc = kdc;
        this.validator = validator;
        this.skew = skew;
    }

    Verified verify(PaDataEntry entry, byte[] reqBody, int nonce, Optional<MacAddress> expectedMac, Instant now)
            throws KrbException {
        PaPkAsReq req;
        CMSSignedData signed;
        try {
            req = KrbCodec.decode(entry.getPaDataValue(), PaPkAsReq.class);
            signed = new CMSSignedData(req.getSignedAuthPack());
        } catch (KrbException | CMSException | RuntimeException e) {
            throw refuse(KrbErrorCode.KDC_ERR_PREAUTH_FAILED, "PA-PK-AS-REQ is not a CMS SignedData: " + e.getMessage());
        }
        if (!PkinitNames.ID_PKINIT_AUTH_DATA.equals(signed.getSignedContentTypeOID())) {
            throw refuse(KrbErrorCode.KDC_ERR_PREAUTH_FAILED, "signed content type " + signed.getSignedContentTypeOID()
                    + " is not id-pkinit-authData");
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw refuse(KrbErrorCode.KDC_ERR_INVALID_SIG, signers.size() + " signers on the AuthPack, 1 expected");
        }
        SignerInformation signer = signers.iterator().next();
        Store<X509CertificateHolder> store = signed.getCertificates();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matching = store.getMatches(signer.getSID());
        if (matching.isEmpty()) {
            throw refuse(KrbErrorCode.KDC_ERR_CLIENT_NOT_TRUSTED, "the SignedData carries no certificate for its signer "
                    + "(MIT kinit leaves out a certificate that is itself a trust anchor, e.g. a self-signed one)");
        }
        X509CertificateHolder signerHolder = matching.iterator().next();
        X509Certificate device;
        List<X509Certificate> presented = new ArrayList<>();
        try {
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
            device = conv.getCertificate(signerHolder);
            for (X509CertificateHolder h : store.getMatches(null)) {
                presented.add(conv.getCertificate(h));
            }
            // verify with the key alone: validity is the chain check's business, with its own reason
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(device.getPublicKey()))) {
                throw refuse(KrbErrorCode.KDC_ERR_INVALID_SIG, "the AuthPack signature does not verify with '"
                        + device.getSubjectX500Principal().getName() + "'");
            }
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw refuse(KrbErrorCode.KDC_ERR_INVALID_SIG, "the AuthPack signature does not verify: " + e.getMessage());
        }
        ChainCheck check = validator.validate(device, presented, expectedMac, now);
        if (!check.valid()) {
            throw refuse(codeOf(check.reason()), check.reason().name().toLowerCase().replace('_', ' ') + ": "
                    + check.message());
        }
        AuthPack authPack;
        try {
            authPack = KrbCodec.decode((byte[]) signed.getSignedContent().getContent(), AuthPack.class);
        } catch (KrbException | RuntimeException e) {
            throw refuse(KrbErrorCode.KDC_ERR_PREAUTH_FAILED, "the AuthPack cannot be decoded (an RFC 8070 freshness "
                    + "token is not supported: MIT kinit needs -X disable_freshness=yes): " + e.getMessage());
        }
        if (authPack.getClientPublicValue() != null) {
            throw refuse(KrbErrorCode.KDC_ERR_PREAUTH_FAILED,
                    "the AuthPack asks for Diffie-Hellman; this KDC does RSA mode (public key encryption) only");
        }
        checkAuthenticator(authPack.getPkAuthenticator(), reqBody, nonce, now);
        return new Verified(device, check.mac().orElseGet(() -> expectedMac.orElseThrow()), check.message());
    }

    private void checkAuthenticator(PkAuthenticator a, byte[] reqBody, int nonce, Instant now) throws KrbException {
        if (a == null) {
            throw refuse(KrbErrorCode.KDC_ERR_PREAUTH_FAILED, "the AuthPack has no PKAuthenticator");
        }
        if (a.getNonce() != nonce) {
            throw refuse(KrbErrorCode.KDC_ERR_PREAUTH_FAILED, "PKAuthenticator nonce " + Integer.toUnsignedString(a.getNonce())
                    + " is not the request's nonce " + Integer.toUnsignedString(nonce));
        }
        if (a.getCtime() == null) {
            throw refuse(KrbErrorCode.KDC_ERR_PREAUTH_FAILED, "the PKAuthenticator has no ctime");
        }
        Instant ctime = Instant.ofEpochMilli(a.getCtime().getTime()).plusNanos(a.getCusec() * 1000L);
        if (Duration.between(ctime, now).abs().compareTo(skew) > 0) {
            throw refuse(KrbErrorCode.KRB_AP_ERR_SKEW, "PKAuthenticator ctime " + ctime + " is more than "
                    + skew.toSeconds() + " s from the KDC's clock " + now);
        }
        byte[] expected;
        try {
            expected = MessageDigest.getInstance("SHA-1").digest(reqBody);
        } catch (GeneralSecurityException e) {
            throw new KrbException("SHA-1 is not available", e);
        }
        if (a.getPaChecksum() == null || !MessageDigest.isEqual(expected, a.getPaChecksum())) {
            throw a.getPaChecksum() == null
                    ? refuse(KrbErrorCode.KDC_ERR_PA_CHECKSUM_MUST_BE_INCLUDED, "the PKAuthenticator has no paChecksum")
                    : refuse(KrbErrorCode.KRB_AP_ERR_MODIFIED,
                            "paChecksum is not the SHA-1 of the request body (altered in transit?)");
        }
    }

    /**
     * The PA-PK-AS-REP for a verified request: a fresh reply key of {@code etype}, asChecksum over
     * {@code asReq}, signed by the KDC and enveloped to {@code device}.
     */
    Reply reply(X509Certificate device, EncryptionType etype, byte[] asReq) throws KrbException {
        EncryptionKey replyKey = EncryptionHandler.random2Key(etype);
        CheckSum asChecksum = CheckSumHandler.checksumWithKey(EncryptionHandler.getEncHandler(etype).checksumType(),
                asReq, replyKey.getKeyData(), AS_CHECKSUM_USAGE);
        ReplyKeyPack pack = new ReplyKeyPack();
        pack.setReplyKey(replyKey);
        pack.setAsChecksum(asChecksum);
        try {
            CMSSignedDataGenerator sg = new CMSSignedDataGenerator();
            sg.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA",
                    kdc.privateKey(), kdc.certificate()));
            List<X509Certificate> certs = new ArrayList<>(kdc.chain());
            if (certs.size() > 1) {
                certs.remove(certs.size() - 1); // the client has the root as its anchor
            }
            sg.addCertificates(new JcaCertStore(certs));
            CMSSignedData sd = sg.generate(new CMSProcessableByteArray(
                    new ASN1ObjectIdentifier(PkinitNames.ID_PKINIT_RKEY_DATA), KrbCodec.encode(pack)), true);
            byte[] signedData = sd.toASN1Structure().getContent().toASN1Primitive().getEncoded("DER");
            CMSEnvelopedDataGenerator eg = new CMSEnvelopedDataGenerator();
            eg.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(device));
            CMSEnvelopedData env = eg.generate(new CMSProcessableByteArray(CMSObjectIdentifiers.signedData, signedData),
                    new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).build());
            PaPkAsRep rep = new PaPkAsRep();
            rep.setEncKeyPack(env.toASN1Structure().getEncoded(ASN1Encoding.DER)); // BC writes BER by default
            return new Reply(replyKey, new PaDataEntry(PaDataType.PK_AS_REP, KrbCodec.encode(rep)));
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new KrbException("cannot build PA-PK-AS-REP: " + e.getMessage(), e);
        }
    }

    /** The reply key (for the AS-REP enc-part) and the padata carrying it. */
    record Reply(EncryptionKey replyKey, PaDataEntry paPkAsRep) {
        @Override
        public String toString() {
            return "Reply[PA-PK-AS-REP, reply key " + replyKey.getKeyType() + " (not shown)]";
        }
    }

    private static KrbErrorCode codeOf(ChainCheck.Reason r) {
        return switch (r) {
            case UNKNOWN_MANUFACTURER -> KrbErrorCode.KDC_ERR_CLIENT_NOT_TRUSTED;
            case EXPIRED, NOT_YET_VALID, INVALID -> KrbErrorCode.KDC_ERR_INVALID_CERTIFICATE;
            case REVOKED -> KrbErrorCode.KDC_ERR_REVOKED_CERTIFICATE;
            case WRONG_MAC -> KrbErrorCode.KDC_ERR_CLIENT_NAME_MISMATCH;
            case VALID -> KrbErrorCode.KDC_ERR_NONE;
        };
    }

    static KrbException refuse(KrbErrorCode code, String reason) {
        return new KrbException(code, reason);
    }
}
