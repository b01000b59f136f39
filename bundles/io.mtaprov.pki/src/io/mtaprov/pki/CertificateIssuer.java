package io.mtaprov.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the lab certificates with Bouncy Castle: CA certificates, PacketCable MTA device
 * certificates (subject CN = the MAC, key usage digitalSignature + keyEncipherment, PKT-SP-SEC1.5)
 * and the KDC certificate PKINIT clients require (EKU id-pkinit-KPKdc and the KDC's principal
 * krbtgt/REALM@REALM in an id-pkinit-san otherName, RFC 4556 3.2.4). RSA 2048, SHA-256 signatures.
 * Stateless and thread-safe.
 */
public final class CertificateIssuer {
    public static final int RSA_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateIssuer() {
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(RSA_BITS, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("RSA key generation is not available: " + e.getMessage(), e);
        }
    }

    /** X.500 name from country, organisation, organisational unit (may be null) and common name. */
    public static X500Name name(String country, String org, String unit, String cn) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, country).addRDN(BCStyle.O, org);
        if (unit != null) {
            b.addRDN(BCStyle.OU, unit);
        }
        return b.addRDN(BCStyle.CN, cn).build();
    }

    /** A self-signed CA (a root). */
    public static Credential rootCa(X500Name subject, Instant notBefore, Instant notAfter) {
        KeyPair kp = newKeyPair();
        X509Certificate cert = build(subject, kp.getPublic(), subject, kp.getPrivate(), null, notBefore, notAfter,
                b -> ca(b, null));
        return new Credential(cert, List.of(), kp.getPrivate());
    }

    /** An intermediate CA (e.g. the manufacturer CA) issued by {@code issuer}; path length 0. */
    public static Credential subCa(Credential issuer, X500Name subject, Instant notBefore, Instant notAfter) {
        KeyPair kp = newKeyPair();
        X509Certificate cert = build(subject, kp.getPublic(), x500(issuer.certificate()), issuer.privateKey(),
                issuer.certificate(), notBefore, notAfter, b -> ca(b, 0));
        return new Credential(cert, issuer.chain(), kp.getPrivate());
    }

    /** An MTA device certificate bound to {@code mac} (CN), issued by the manufacturer CA. */
    public static Credential mtaDevice(Credential manufacturer, String manufacturerOrg, MacAddress mac,
            Instant notBefore, Instant notAfter) {
        KeyPair kp = newKeyPair();
        X500Name subject = name("US", manufacturerOrg, "Lab MTA", mac.certificateForm());
        X509Certificate cert = build(subject, kp.getPublic(), x500(manufacturer.certificate()),
                manufacturer.privateKey(), manufacturer.certificate(), notBefore, notAfter, b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                });
        return new Credential(cert, manufacturer.chain(), kp.getPrivate());
    }

    /** A self-signed end-entity certificate with an MTA-like subject: what a foreign device might present. */
    public static Credential selfSignedDevice(MacAddress mac, Instant notBefore, Instant notAfter) {
        KeyPair kp = newKeyPair();
        X500Name subject = name("US", "Nobody", "Foreign", mac.certificateForm());
        X509Certificate cert = build(subject, kp.getPublic(), subject, kp.getPrivate(), null, notBefore, notAfter,
                b -> b.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)));
        return new Credential(cert, List.of(), kp.getPrivate());
    }

    /** The KDC certificate for {@code realm}, issued by the service-provider CA. */
    public static Credential kdc(Credential spCa, String realm, String kdcFqdn, Instant notBefore, Instant notAfter) {
        KeyPair kp = newKeyPair();
        X500Name subject = name("US", "mtaprov.io service provider", "KDC", kdcFqdn);
        X509Certificate cert = build(subject, kp.getPublic(), x500(spCa.certificate()), spCa.privateKey(),
                spCa.certificate(), notBefore, notAfter, b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            KeyPurposeId.getInstance(new ASN1ObjectIdentifier(PkinitNames.ID_PKINIT_KP_KDC))));
                    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                            PkinitNames.principalSan(realm, PkinitNames.NT_SRV_INST, List.of("krbtgt", realm))));
                });
        return new Credential(cert, spCa.chain(), kp.getPrivate());
    }

    static X500Name x500(X509Certificate c) {
        return X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder b) throws CertIOException;
    }

    private static void ca(X509v3CertificateBuilder b, Integer pathLen) throws CertIOException {
        b.addExtension(Extension.basicConstraints, true,
                pathLen == null ? new BasicConstraints(true) : new BasicConstraints(pathLen));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    private static X509Certificate build(X500Name subject, PublicKey subjectKey, X500Name issuer, PrivateKey issuerKey,
            X509Certificate issuerCert, Instant notBefore, Instant notAfter, Extensions extensions) {
        try {
            BigInteger serial = new BigInteger(127, RANDOM).add(BigInteger.ONE);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                    Date.from(notAfter), subject, subjectKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            if (issuerCert != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCert));
            }
            extensions.add(b);
            return new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new PkiException("cannot issue a certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    /** Certificates' subjects, for messages. */
    static List<String> subjects(List<X509Certificate> certs) {
        List<String> out = new ArrayList<>();
        certs.forEach(c -> out.add(c.getSubjectX500Principal().getName()));
        return out;
    }
}
