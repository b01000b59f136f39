package io.mtaprov.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * PEM and DER reading and writing of certificates (single or chains) and private keys. Keys are
 * written as encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC)
 * under a secret; {@link #unprotectedKey} exists only to hand a key to a lab device or a test peer
 * such as MIT kinit, never for storage.
 */
public final class Pem {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final int PBKDF2_ITERATIONS = 100_000;

    private Pem() {
    }

    /** Certificates from PEM text (any number of CERTIFICATE blocks) or DER (one certificate or PKCS#7). */
    public static List<X509Certificate> certificates(byte[] data) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : cf.generateCertificates(new ByteArrayInputStream(data))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new PkiException("no certificate found (PEM 'BEGIN CERTIFICATE' or DER expected)");
            }
            return out;
        } catch (CertificateException e) {
            throw new PkiException("not a certificate or chain in PEM or DER: " + e.getMessage(), e);
        }
    }

    public static String certificates(List<X509Certificate> certs) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            for (X509Certificate c : certs) {
                pw.writeObject(c);
            }
        } catch (IOException e) {
            throw new PkiException("cannot write PEM: " + e.getMessage(), e);
        }
        return w.toString();
    }

    /** The key as encrypted PKCS#8 PEM under {@code secret}. */
    public static String encryptedKey(PrivateKey key, char[] secret) {
        try {
            var enc = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC)
                    .setPRF(JcaPKCS8Generator.PRF_HMACSHA256).setIterationCount(PBKDF2_ITERATIONS)
                    .setPassword(secret).build();
            StringWriter w = new StringWriter();
            try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
                pw.writeObject(new JcaPKCS8Generator(key, enc).generate());
            }
            return w.toString();
        } catch (OperatorCreationException | IOException e) {
            throw new PkiException("cannot encrypt the private key: " + e.getMessage(), e);
        }
    }

    /** Reads an encrypted PKCS#8 PEM key; a wrong secret fails with a message saying so. */
    public static PrivateKey decryptKey(String pem, char[] secret) {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o = p.readObject();
            if (!(o instanceof PKCS8EncryptedPrivateKeyInfo enc)) {
                throw new PkiException("not an encrypted PKCS#8 key (ENCRYPTED PRIVATE KEY expected)");
            }
            PrivateKeyInfo info = enc.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(secret));
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PKCSException e) {
            throw new PkiException("cannot decrypt the private key: wrong master secret or damaged file", e);
        } catch (OperatorCreationException | IOException e) {
            throw new PkiException("cannot read the private key: " + e.getMessage(), e);
        }
    }

    /** The key as unencrypted PKCS#8 PEM ({@code PRIVATE KEY}), for export to a lab device or test peer only. */
    public static String unprotectedKey(PrivateKey key) {
        String b64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }
}
