package io.mtaprov.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The console's lab PKI, kept in a directory: the MTA root CA and one manufacturer CA that issue
 * the simulated MTAs' device certificates (one per MAC), the service-provider root and the KDC
 * certificate, plus imported roots and manufacturer CAs of real MTAs. Certificates are PEM files;
 * private keys are encrypted PKCS#8 under the master secret given to {@link #open} (for now a
 * setting, {@code mtaprov.pki.masterSecret}; a key store or OS keyring can replace it). Missing
 * parts of the hierarchy are created on first use. Thread-safe (methods synchronise on the PKI).
 */
public final class LabPki {
    public static final String MANUFACTURER_ORG = "mtaprov.io lab manufacturer";
    static final Duration CA_LIFETIME = Duration.ofDays(20 * 366);
    static final Duration DEVICE_LIFETIME = Duration.ofDays(20 * 366);
    static final Duration KDC_LIFETIME = Duration.ofDays(2 * 366);

    private final Path dir;
    private final char[] secret;
    private final Revocations revocations = new Revocations();

    private LabPki(Path dir, char[] secret) {
        this.dir = dir;
        this.secret = secret.clone();
    }

    /** Opens (and creates when missing) the PKI in {@code dir}; keys are encrypted under {@code masterSecret}. */
    public static LabPki open(Path dir, char[] masterSecret) {
        if (masterSecret.length == 0) {
            throw new PkiException("the PKI master secret is empty: set mtaprov.pki.masterSecret");
        }
        try {
            Files.createDirectories(dir.resolve("mta"));
            Files.createDirectories(dir.resolve("trusted"));
        } catch (IOException e) {
            throw new PkiException("cannot create the PKI directory " + dir + ": " + e.getMessage(), e);
        }
        LabPki pki = new LabPki(dir, masterSecret);
        pki.loadRevocations();
        return pki;
    }

    public Path directory() {
        return dir;
    }

    public synchronized Credential mtaRoot() {
        return loadOrCreate("mta-root", () -> CertificateIssuer.rootCa(
                CertificateIssuer.name("US", "mtaprov.io lab", null, "mtaprov lab MTA Root CA"),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(CA_LIFETIME)));
    }

    public synchronized Credential manufacturer() {
        return loadOrCreate("manufacturer", () -> CertificateIssuer.subCa(mtaRoot(),
                CertificateIssuer.name("US", MANUFACTURER_ORG, null, "mtaprov lab Manufacturer CA"),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(CA_LIFETIME)));
    }

    public synchronized Credential serviceProviderRoot() {
        return loadOrCreate("sp-root", () -> CertificateIssuer.rootCa(
                CertificateIssuer.name("US", "mtaprov.io service provider", null, "mtaprov lab Service Provider Root CA"),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(CA_LIFETIME)));
    }

    /** The KDC's credential for {@code realm} (id-pkinit-san krbtgt/REALM@REALM), issued when missing. */
    public synchronized Credential kdc(String realm, String kdcFqdn) {
        return loadOrCreate("kdc-" + realm, () -> CertificateIssuer.kdc(serviceProviderRoot(), realm, kdcFqdn,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(KDC_LIFETIME)));
    }

    /** The device credential of the simulated MTA {@code mac}, issued by the lab manufacturer when missing. */
    public synchronized Credential mta(MacAddress mac) {
        return loadOrCreate("mta/" + mac.canonical().replace(':', '-'), () -> CertificateIssuer.mtaDevice(
                manufacturer(), MANUFACTURER_ORG, mac, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(DEVICE_LIFETIME)));
    }

    /** A device credential with the given validity, not stored (fault injection: expired, not yet valid). */
    public synchronized Credential issueMta(MacAddress mac, Instant notBefore, Instant notAfter) {
        return CertificateIssuer.mtaDevice(manufacturer(), MANUFACTURER_ORG, mac, notBefore, notAfter);
    }

    /**
     * Imports certificates (PEM or DER, one or a chain) of real MTAs' hierarchies: self-signed CA
     * certificates become trusted MTA roots, other CA certificates manufacturer CAs. End-entity
     * certificates are refused (devices present their own). Returns what was imported.
     */
    public synchronized List<X509Certificate> importTrusted(byte[] pemOrDer) {
        List<X509Certificate> certs = Pem.certificates(pemOrDer);
        for (X509Certificate c : certs) {
            if (c.getBasicConstraints() < 0) {
                throw new PkiException("'" + c.getSubjectX500Principal().getName()
                        + "' is not a CA certificate: import MTA roots and manufacturer CAs only");
            }
        }
        for (X509Certificate c : certs) {
            String name = (c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) ? "root-" : "ca-")
                    + c.getSerialNumber().toString(16) + ".pem";
            write(dir.resolve("trusted").resolve(name), Pem.certificates(List.of(c)), false);
        }
        return certs;
    }

    /** The lab MTA root and every imported self-signed CA. */
    public synchronized List<X509Certificate> trustedMtaRoots() {
        List<X509Certificate> out = new ArrayList<>(List.of(mtaRoot().certificate()));
        out.addAll(imported("root-"));
        return out;
    }

    /** The lab manufacturer CA and every imported intermediate CA. */
    public synchronized List<X509Certificate> manufacturerCas() {
        List<X509Certificate> out = new ArrayList<>(List.of(manufacturer().certificate()));
        out.addAll(imported("ca-"));
        return out;
    }

    public synchronized MtaChainValidator mtaValidator() {
        return new MtaChainValidator(trustedMtaRoots(), manufacturerCas(), revocations);
    }

    public Revocations revocations() {
        return revocations;
    }

    /** Revokes a certificate (device or manufacturer CA) from now on, persistently. */
    public synchronized void revoke(X509Certificate cert) {
        revocations.revoke(cert, Instant.now());
        StringBuilder sb = new StringBuilder();
        revocations.entries().forEach((k, v) -> sb.append(v).append(' ').append(k).append('\n'));
        write(dir.resolve("revoked.txt"), sb.toString(), false);
    }

    private void loadRevocations() {
        Path f = dir.resolve("revoked.txt");
        if (!Files.exists(f)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] parts = line.split(" ", 2);
                if (parts.length == 2) {
                    revocations.put(parts[1], Instant.parse(parts[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new PkiException("cannot read the revocation list " + f + ": " + e.getMessage(), e);
        }
    }

    private List<X509Certificate> imported(String prefix) {
        try (Stream<Path> files = Files.list(dir.resolve("trusted"))) {
            List<X509Certificate> out = new ArrayList<>();
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                out.addAll(Pem.certificates(Files.readAllBytes(p)));
            }
            return out;
        } catch (IOException e) {
            throw new PkiException("cannot read imported certificates: " + e.getMessage(), e);
        }
    }

    private interface Issue {
        Credential issue();
    }

    private Credential loadOrCreate(String name, Issue issue) {
        Path cert = dir.resolve(name + ".pem");
        Path key = dir.resolve(name + ".key.pem");
        if (Files.exists(cert) && Files.exists(key)) {
            try {
                List<X509Certificate> chain = Pem.certificates(Files.readAllBytes(cert));
                return new Credential(chain.get(0), chain.subList(1, chain.size()),
                        Pem.decryptKey(Files.readString(key, StandardCharsets.US_ASCII), secret));
            } catch (IOException e) {
                throw new PkiException("cannot read " + cert + ": " + e.getMessage(), e);
            }
        }
        Credential c = issue.issue();
        write(key, Pem.encryptedKey(c.privateKey(), secret), true);
        write(cert, Pem.certificates(c.chain()), false);
        return c;
    }

    private static void write(Path file, String text, boolean secretFile) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (secretFile && tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tmp, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PkiException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
