package io.mtaprov.pki;

import io.mtaprov.pki.ChainCheck.Reason;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Checks an MTA's certificate chain the PacketCable way: MTA root CA -> manufacturer CA -> MTA
 * device certificate (PKT-SP-SEC1.5), each signature, validity period, CA flag and revocation, the
 * device's digitalSignature usage, and the MAC in its subject CN. The manufacturer CA may be one the
 * console knows or one the MTA presented, as long as a trusted MTA root issued it. Reasons are
 * {@link ChainCheck.Reason}s with a message naming the certificate at fault. Immutable, thread-safe.
 */
public final class MtaChainValidator {
    private final List<X509Certificate> roots;
    private final List<X509Certificate> manufacturers;
    private final Revocations revocations;

    public MtaChainValidator(List<X509Certificate> mtaRoots, List<X509Certificate> knownManufacturers,
            Revocations revocations) {
        this.roots = List.copyOf(mtaRoots);
        this.manufacturers = List.copyOf(knownManufacturers);
        this.revocations = revocations;
    }

    /**
     * @param leaf        the device certificate
     * @param presented   other certificates the MTA sent (manufacturer CA), may be empty
     * @param expectedMac the MAC the MTA is known by, or empty to only require a MAC-shaped CN
     * @param now         the time to check validity at
     */
    public ChainCheck validate(X509Certificate leaf, List<X509Certificate> presented, Optional<MacAddress> expectedMac,
            Instant now) {
        String leafName = leaf.getSubjectX500Principal().getName();
        List<X509Certificate> candidates = new ArrayList<>(manufacturers);
        presented.stream().filter(c -> !c.equals(leaf)).forEach(candidates::add);
        X509Certificate mfr = null;
        X509Certificate root = null;
        boolean issuerSeen = false;
        for (X509Certificate c : candidates) {
            if (!c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()) || !signedBy(leaf, c)) {
                continue;
            }
            issuerSeen = true;
            if (c.getBasicConstraints() < 0) {
                continue;
            }
            X509Certificate r = rootOf(c);
            if (r != null) {
                mfr = c;
                root = r;
                break;
            }
        }
        if (mfr == null) {
            if (leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()) && signedBy(leaf, leaf)) {
                return ChainCheck.refuse(Reason.UNKNOWN_MANUFACTURER, "self-signed certificate '" + leafName
                        + "' is not issued by a manufacturer CA under a trusted MTA root", leaf);
            }
            return ChainCheck.refuse(Reason.UNKNOWN_MANUFACTURER, "issuer '" + leaf.getIssuerX500Principal().getName()
                    + "' of '" + leafName + "' is not " + (issuerSeen ? "a manufacturer CA issued by a trusted MTA root"
                            : "a known manufacturer CA (none presented verifies its signature)"), leaf);
        }
        for (X509Certificate c : List.of(leaf, mfr, root)) {
            try {
                c.checkValidity(Date.from(now));
            } catch (CertificateExpiredException e) {
                return ChainCheck.refuse(Reason.EXPIRED, role(c, leaf, mfr) + " '" + c.getSubjectX500Principal().getName()
                        + "' expired on " + c.getNotAfter().toInstant(), leaf);
            } catch (CertificateNotYetValidException e) {
                return ChainCheck.refuse(Reason.NOT_YET_VALID, role(c, leaf, mfr) + " '"
                        + c.getSubjectX500Principal().getName() + "' is not valid before "
                        + c.getNotBefore().toInstant(), leaf);
            }
        }
        for (X509Certificate c : List.of(leaf, mfr)) {
            Optional<Instant> at = revocations.revokedAt(c);
            if (at.isPresent()) {
                return ChainCheck.refuse(Reason.REVOKED, role(c, leaf, mfr) + " '" + c.getSubjectX500Principal().getName()
                        + "' (serial " + c.getSerialNumber().toString(16) + ") was revoked on " + at.get(), leaf);
            }
        }
        boolean[] ku = leaf.getKeyUsage();
        if (ku != null && !ku[0]) {
            return ChainCheck.refuse(Reason.INVALID, "device certificate '" + leafName
                    + "' does not allow digitalSignature, which signing the AuthPack needs", leaf);
        }
        Optional<String> cn = commonName(leaf);
        Optional<MacAddress> mac = cn.flatMap(MacAddress::parse);
        if (mac.isEmpty()) {
            return ChainCheck.refuse(Reason.WRONG_MAC, "device certificate CN '" + cn.orElse("")
                    + "' is not a MAC address (PacketCable: CN = the MTA's MAC)", leaf);
        }
        if (expectedMac.isPresent() && !expectedMac.get().equals(mac.get())) {
            return ChainCheck.refuse(Reason.WRONG_MAC, "device certificate is for MAC " + mac.get()
                    + ", but the MTA is " + expectedMac.get(), leaf);
        }
        return new ChainCheck(Reason.VALID, "chain to MTA root '" + root.getSubjectX500Principal().getName()
                + "' via manufacturer '" + mfr.getSubjectX500Principal().getName() + "', MAC " + mac.get(), leaf, mac);
    }

    private X509Certificate rootOf(X509Certificate mfr) {
        for (X509Certificate r : roots) {
            if (r.getSubjectX500Principal().equals(mfr.getIssuerX500Principal()) && signedBy(mfr, r)) {
                return r;
            }
        }
        return null;
    }

    private static String role(X509Certificate c, X509Certificate leaf, X509Certificate mfr) {
        return c == leaf ? "device certificate" : c == mfr ? "manufacturer CA" : "MTA root CA";
    }

    static boolean signedBy(X509Certificate c, X509Certificate issuer) {
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The subject's CN, if any. */
    public static Optional<String> commonName(X509Certificate c) {
        RDN[] cns = X500Name.getInstance(c.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return cns.length == 0 ? Optional.empty() : Optional.of(IETFUtils.valueToString(cns[0].getFirst().getValue()));
    }
}
