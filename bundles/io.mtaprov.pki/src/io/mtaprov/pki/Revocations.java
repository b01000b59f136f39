package io.mtaprov.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lab's revocation list: certificates (by issuer and serial) the operator revoked, with when.
 * Thread-safe. (A CRL/OCSP source for real operators' hierarchies can implement the same lookup.)
 */
public final class Revocations {
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    public void revoke(X509Certificate cert, Instant when) {
        revoked.put(key(cert.getIssuerX500Principal().getName(), cert.getSerialNumber()), when);
    }

    public Optional<Instant> revokedAt(X509Certificate cert) {
        return Optional.ofNullable(revoked.get(key(cert.getIssuerX500Principal().getName(), cert.getSerialNumber())));
    }

    Map<String, Instant> entries() {
        return Map.copyOf(revoked);
    }

    void put(String key, Instant when) {
        revoked.put(key, when);
    }

    static String key(String issuer, BigInteger serial) {
        return serial.toString(16) + " " + issuer;
    }
}
