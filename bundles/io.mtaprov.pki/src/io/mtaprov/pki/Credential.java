package io.mtaprov.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate with its issuers (nearest first, up to and including the root) and its private
 * key. {@link #toString()} never shows the key.
 */
public record Credential(X509Certificate certificate, List<X509Certificate> issuers, PrivateKey privateKey) {
    public Credential {
        issuers = List.copyOf(issuers);
    }

    /** The certificate followed by its issuers. */
    public List<X509Certificate> chain() {
        java.util.ArrayList<X509Certificate> all = new java.util.ArrayList<>();
        all.add(certificate);
        all.addAll(issuers);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "Credential[" + certificate.getSubjectX500Principal().getName() + ", key "
                + privateKey.getAlgorithm() + " (not shown)]";
    }
}
