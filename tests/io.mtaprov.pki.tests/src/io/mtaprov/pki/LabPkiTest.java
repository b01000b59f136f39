package io.mtaprov.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabPkiTest {
    static final MacAddress MAC = MacAddress.of("00:10:95:00:00:01");
    @TempDir
    static Path dir;
    static LabPki pki;

    @BeforeAll
    static void open() {
        pki = LabPki.open(dir, "test-master".toCharArray());
    }

    @Test
    void issuesTheMtaHierarchyWithTheMacInTheCommonName() throws Exception {
        Credential mta = pki.mta(MAC);
        X509Certificate c = mta.certificate();
        assertThat(MtaChainValidator.commonName(c)).contains("00:10:95:00:00:01");
        assertThat(c.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(c.getKeyUsage()[2]).as("keyEncipherment").isTrue();
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(mta.issuers()).extracting(X509Certificate::getSubjectX500Principal)
                .containsExactly(pki.manufacturer().certificate().getSubjectX500Principal(),
                        pki.mtaRoot().certificate().getSubjectX500Principal());
        c.verify(pki.manufacturer().certificate().getPublicKey());
        pki.manufacturer().certificate().verify(pki.mtaRoot().certificate().getPublicKey());
        assertThat(pki.manufacturer().certificate().getBasicConstraints()).isZero();
    }

    @Test
    void kdcCertificateCarriesThePkinitKdcUsageAndItsPrincipal() throws Exception {
        X509Certificate kdc = pki.kdc("MTAPROV.LAB", "kdc.mtaprov.lab").certificate();
        assertThat(kdc.getExtendedKeyUsage()).containsExactly(PkinitNames.ID_PKINIT_KP_KDC);
        assertThat(PkinitNames.principalsIn(kdc)).containsExactly("krbtgt/MTAPROV.LAB@MTAPROV.LAB");
        kdc.verify(pki.serviceProviderRoot().certificate().getPublicKey());
    }

    @Test
    void keepsKeysEncryptedAndReloadsTheSameCredentials() throws Exception {
        Credential first = pki.mta(MacAddress.of("00:10:95:00:00:02"));
        Path keyFile = dir.resolve("mta/00-10-95-00-00-02.key.pem");
        String stored = Files.readString(keyFile, StandardCharsets.US_ASCII);
        assertThat(stored).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----").doesNotContain("BEGIN PRIVATE KEY");
        LabPki again = LabPki.open(dir, "test-master".toCharArray());
        Credential second = again.mta(MacAddress.of("00:10:95:00:00:02"));
        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        assertThat(second.toString()).doesNotContain(new String(java.util.Base64.getEncoder()
                .encode(first.privateKey().getEncoded()), StandardCharsets.US_ASCII).substring(0, 40));
        assertThatThrownBy(() -> LabPki.open(dir, "wrong".toCharArray()).mta(MacAddress.of("00:10:95:00:00:02")))
                .isInstanceOf(PkiException.class).hasMessageContaining("wrong master secret");
    }

    @Test
    void validatesAGoodChainAndNamesEachFault() {
        Instant now = Instant.now();
        MtaChainValidator v = pki.mtaValidator();
        Credential mta = pki.mta(MAC);
        ChainCheck ok = v.validate(mta.certificate(), List.of(), Optional.of(MAC), now);
        assertThat(ok.valid()).as(ok.toString()).isTrue();
        assertThat(ok.mac()).contains(MAC);

        ChainCheck wrongMac = v.validate(mta.certificate(), List.of(), Optional.of(MacAddress.of("00:10:95:00:00:09")), now);
        assertThat(wrongMac.reason()).isEqualTo(ChainCheck.Reason.WRONG_MAC);
        assertThat(wrongMac.message()).contains("00:10:95:00:00:01").contains("00:10:95:00:00:09");

        Credential expired = pki.issueMta(MAC, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
        assertThat(v.validate(expired.certificate(), List.of(), Optional.of(MAC), now).reason())
                .isEqualTo(ChainCheck.Reason.EXPIRED);

        Credential self = CertificateIssuer.selfSignedDevice(MAC, now.minusSeconds(60), now.plusSeconds(3600));
        ChainCheck foreign = v.validate(self.certificate(), List.of(self.certificate()), Optional.of(MAC), now);
        assertThat(foreign.reason()).isEqualTo(ChainCheck.Reason.UNKNOWN_MANUFACTURER);
        assertThat(foreign.message()).contains("self-signed");

        Credential otherRoot = CertificateIssuer.rootCa(CertificateIssuer.name("US", "Other", null, "Other root"),
                now.minusSeconds(60), now.plusSeconds(3600));
        Credential otherMfr = CertificateIssuer.subCa(otherRoot, CertificateIssuer.name("US", "Other", null, "Other mfr"),
                now.minusSeconds(60), now.plusSeconds(3600));
        Credential otherMta = CertificateIssuer.mtaDevice(otherMfr, "Other", MAC, now.minusSeconds(60), now.plusSeconds(3600));
        ChainCheck unknown = v.validate(otherMta.certificate(), List.of(otherMfr.certificate()), Optional.of(MAC), now);
        assertThat(unknown.reason()).isEqualTo(ChainCheck.Reason.UNKNOWN_MANUFACTURER);
        assertThat(unknown.message()).contains("Other mfr");
    }

    @Test
    void revokedDeviceIsRefusedWithTheRevocationTime(@TempDir Path own) {
        LabPki p = LabPki.open(own, "x".toCharArray());
        Credential mta = p.mta(MAC);
        p.revoke(mta.certificate());
        ChainCheck c = LabPki.open(own, "x".toCharArray()).mtaValidator()
                .validate(mta.certificate(), List.of(), Optional.of(MAC), Instant.now());
        assertThat(c.reason()).isEqualTo(ChainCheck.Reason.REVOKED);
        assertThat(c.message()).contains("revoked on");
    }

    @Test
    void importsPemAndDerChainsOfRealHierarchies(@TempDir Path own) throws Exception {
        Instant now = Instant.now();
        Credential root = CertificateIssuer.rootCa(CertificateIssuer.name("US", "Vendor", null, "Vendor MTA Root"),
                now.minusSeconds(60), now.plusSeconds(3600));
        Credential mfr = CertificateIssuer.subCa(root, CertificateIssuer.name("US", "Vendor", null, "Vendor Mfr CA"),
                now.minusSeconds(60), now.plusSeconds(3600));
        LabPki p = LabPki.open(own, "x".toCharArray());
        p.importTrusted(Pem.certificates(List.of(root.certificate())).getBytes(StandardCharsets.US_ASCII));
        p.importTrusted(mfr.certificate().getEncoded()); // DER
        Credential device = CertificateIssuer.mtaDevice(mfr, "Vendor", MAC, now.minusSeconds(60), now.plusSeconds(3600));
        assertThat(p.mtaValidator().validate(device.certificate(), List.of(), Optional.of(MAC), now).valid()).isTrue();
        assertThatThrownBy(() -> p.importTrusted(device.certificate().getEncoded()))
                .hasMessageContaining("not a CA certificate");
        assertThatThrownBy(() -> Pem.certificates("junk".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(PkiException.class);
    }

    @Test
    void parsesMacAddressesInTheCommonForms() {
        assertThat(MacAddress.of("00-10-95-0A-0B-0C").canonical()).isEqualTo("00:10:95:0a:0b:0c");
        assertThat(MacAddress.of("0010950a0b0c").certificateForm()).isEqualTo("00:10:95:0A:0B:0C");
        assertThat(MacAddress.parse("00:10:95")).isEmpty();
    }
}
