package io.mtaprov.server.kdc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.pki.CertificateIssuer;
import io.mtaprov.pki.Credential;
import io.mtaprov.pki.LabPki;
import io.mtaprov.pki.MacAddress;
import io.mtaprov.pki.PkinitNames;
import io.mtaprov.tests.support.FreePorts;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.common.EncryptionUtil;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumHandler;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.KrbError;
import org.apache.kerby.kerberos.kerb.type.base.KrbMessage;
import org.apache.kerby.kerberos.kerb.type.base.MethodData;
import org.apache.kerby.kerberos.kerb.type.kdc.AsRep;
import org.apache.kerby.kerberos.kerb.type.kdc.EncAsRepPart;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataEntry;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataType;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.PaPkAsRep;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.ReplyKeyPack;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlag;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KDC over real sockets with a PKINIT client of our own (independent of MIT's). */
class KdcServerTest {
    static final MacAddress MAC = MacAddress.of("00:10:95:00:00:01");
    static final String MTA = "mta/mta1.mtaprov.lab";
    @TempDir
    static Path dir;
    static LabPki pki;
    static RecordingTraceBus trace = new RecordingTraceBus();
    static KdcServer server;
    static PkinitTestClient client;

    @BeforeAll
    static void start() {
        pki = LabPki.open(dir, "test-master".toCharArray());
        int port = FreePorts.udp();
        KdcSettings settings = new KdcSettings("MTAPROV.LAB", "kdc.mtaprov.lab", Map.of(MTA, MAC),
                Map.of("alice", "alice-pw"), "mtaprovsrvr/mps.mtaprov.lab", dir, "");
        server = new KdcServer(new ServerSettings("127.0.0.1", port, true), settings, pki, trace);
        server.start().join();
        client = new PkinitTestClient(port);
    }

    @AfterAll
    static void stop() {
        server.stop().join();
    }

    static TraceEvent lastTrace() {
        List<TraceEvent> events = trace.events();
        return events.get(events.size() - 1);
    }

    static KrbError error(KrbMessage m) {
        assertThat(m).as("a KRB-ERROR, never a ticket").isInstanceOf(KrbError.class);
        return (KrbError) m;
    }

    @Test
    void requestWithoutPadataGetsPreauthRequiredOfferingPkinitOnly() throws Exception {
        KrbError e = error(client.udp(PkinitTestClient.plain(MTA).der()));
        assertThat(e.getErrorCode()).isEqualTo(KrbErrorCode.KDC_ERR_PREAUTH_REQUIRED);
        MethodData methods = KrbCodec.decode(e.getEdata(), MethodData.class);
        assertThat(methods.getElements()).extracting(PaDataEntry::getPaDataType).containsExactly(PaDataType.PK_AS_REQ);
        assertThat(e.getSname().getName()).isEqualTo("krbtgt/MTAPROV.LAB");
        assertThat(lastTrace().step()).isEqualTo(ProvisioningStep.SNMPV3_SECURITY);
        assertThat(lastTrace().detail()).contains("no pre-authentication data").contains("offered padata 16");
    }

    @Test
    void unknownPadataDoesNotCountAsPreauthentication() throws Exception {
        // MIT's first request carries 149 (and 150), draft-era PKINIT 14: neither is a proof
        KrbError e = error(client.udp(PkinitTestClient.plain(MTA, 149, 14).der()));
        assertThat(e.getErrorCode()).isEqualTo(KrbErrorCode.KDC_ERR_PREAUTH_REQUIRED);
        assertThat(lastTrace().detail()).contains("padata [149, 14]").contains("draft-era PKINIT 14");
    }

    @Test
    void passwordPrincipalIsOfferedEncryptedTimestampAndPkinit() throws Exception {
        KrbError e = error(client.udp(PkinitTestClient.plain("alice").der()));
        MethodData methods = KrbCodec.decode(e.getEdata(), MethodData.class);
        assertThat(methods.getElements()).extracting(PaDataEntry::getPaDataType)
                .containsExactly(PaDataType.ENC_TIMESTAMP, PaDataType.ETYPE_INFO2, PaDataType.PK_AS_REQ);
    }

    @Test
    void encryptedTimestampIsRefusedForAnMtaPrincipal() throws Exception {
        KrbError e = error(client.udp(PkinitTestClient.plain(MTA, 2).der()));
        assertThat(e.getErrorCode()).isEqualTo(KrbErrorCode.KDC_ERR_PREAUTH_FAILED);
        assertThat(lastTrace().outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(lastTrace().detail()).contains("PKINIT only");
    }

    @Test
    void pkinitWithTheLabCertificateGetsAReplyKeySignedByTheKdcAndEnvelopedToTheMta() throws Exception {
        Credential mta = pki.mta(MAC);
        PkinitTestClient.Request req = PkinitTestClient.pkinit(MTA, mta, List.of(mta.certificate(),
                mta.issuers().get(0)), false);
        KrbMessage m = client.udp(req.der());
        assertThat(m).isInstanceOf(AsRep.class);
        AsRep rep = (AsRep) m;
        PaPkAsRep pk = KrbCodec.decode(rep.getPaData().findEntry(PaDataType.PK_AS_REP).getPaDataValue(), PaPkAsRep.class);
        CMSEnvelopedData env = new CMSEnvelopedData(pk.getEncKeyPack());
        assertThat(org.bouncycastle.asn1.cms.EnvelopedData.getInstance(env.toASN1Structure().getContent())
                .getEncryptedContentInfo().getContentType()).isEqualTo(CMSObjectIdentifiers.signedData);
        RecipientInformation ri = env.getRecipientInfos().getRecipients().iterator().next();
        byte[] signedData = ri.getContent(new JceKeyTransEnvelopedRecipient(mta.privateKey()));
        CMSSignedData sd = new CMSSignedData(new ContentInfo(CMSObjectIdentifiers.signedData,
                ASN1Primitive.fromByteArray(signedData)));
        assertThat(sd.getSignedContentTypeOID()).isEqualTo(PkinitNames.ID_PKINIT_RKEY_DATA);
        X509Certificate kdc = pki.kdc("MTAPROV.LAB", "kdc.mtaprov.lab").certificate();
        SignerInformation si = sd.getSignerInfos().getSigners().iterator().next();
        assertThat(si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(kdc))).isTrue();
        ReplyKeyPack rkp = KrbCodec.decode((byte[]) sd.getSignedContent().getContent(), ReplyKeyPack.class);
        assertThat(CheckSumHandler.verifyWithKey(rkp.getAsChecksum(), req.der(), rkp.getReplyKey().getKeyData(),
                KeyUsage.fromValue(6))).as("asChecksum over the AS-REQ, key usage 6").isTrue();
        EncAsRepPart part = EncryptionUtil.unseal(rep.getEncryptedEncPart(), rkp.getReplyKey(), KeyUsage.AS_REP_ENCPART,
                EncAsRepPart.class);
        assertThat(part.getNonce()).isEqualTo(req.nonce());
        assertThat(part.getFlags().isFlagSet(TicketFlag.PRE_AUTH)).isTrue();
        TraceEvent t = lastTrace();
        assertThat(t.outcome()).isEqualTo(Outcome.OK);
        assertThat(t.mtaMac()).isEqualTo("00:10:95:00:00:01");
        assertThat(t.summary()).contains("TGT issued");
        String keyHex = java.util.HexFormat.of().formatHex(rkp.getReplyKey().getKeyData());
        assertThat(trace.events()).allSatisfy(ev -> assertThat(ev.summary() + ev.detail()).doesNotContainIgnoringCase(keyHex));
    }

    @Test
    void pkinitWorksOverTcp() throws Exception {
        Credential mta = pki.mta(MAC);
        KrbMessage m = client.tcp(PkinitTestClient.pkinit(MTA, mta, List.of(mta.certificate(), mta.issuers().get(0)),
                false).der());
        assertThat(m).isInstanceOf(AsRep.class);
        assertThat(lastTrace().detail()).endsWith("[TCP]");
    }

    @Test
    void expiredDeviceCertificateGetsNoTicket() throws Exception {
        Instant now = Instant.now();
        Credential expired = pki.issueMta(MAC, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        KrbError e = error(client.udp(PkinitTestClient.pkinit(MTA, expired, List.of(expired.certificate()), false).der()));
        assertThat(e.getErrorCode()).isEqualTo(KrbErrorCode.KDC_ERR_INVALID_CERTIFICATE);
        assertThat(lastTrace().detail()).contains("expired");
        assertThat(lastTrace().outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void selfSignedDeviceCertificateGetsNoTicket() throws Exception {
        Instant now = Instant.now();
        Credential self = CertificateIssuer.selfSignedDevice(MAC, now.minusSeconds(60), now.plusSeconds(3600));
        KrbError e = error(client.udp(PkinitTestClient.pkinit(MTA, self, List.of(self.certificate()), false).der()));
        assertThat(e.getErrorCode()).isEqualTo(KrbErrorCode.KDC_ERR_CLIENT_NOT_TRUSTED);
        assertThat(lastTrace().detail()).contains("unknown manufacturer").contains("self-signed");
    }

    @Test
    void certificateOfAnotherMacGetsNoTicket() throws Exception {
        Credential other = pki.mta(MacAddress.of("00:10:95:00:00:77"));
        KrbError e = error(client.udp(PkinitTestClient.pkinit(MTA, other, List.of(other.certificate()), false).der()));
        assertThat(e.getErrorCode()).isEqualTo(KrbErrorCode.KDC_ERR_CLIENT_NAME_MISMATCH);
        assertThat(lastTrace().detail()).contains("wrong mac").contains("00:10:95:00:00:77");
    }

    @Test
    void revokedDeviceCertificateGetsNoTicket() throws Exception {
        Credential mta = pki.issueMta(MAC, Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600));
        pki.revoke(mta.certificate());
        KrbError e = error(client.udp(PkinitTestClient.pkinit(MTA, mta, List.of(mta.certificate()), false).der()));
        assertThat(e.getErrorCode()).isEqualTo(KrbErrorCode.KDC_ERR_REVOKED_CERTIFICATE);
        assertThat(lastTrace().detail()).contains("revoked");
    }

    @Test
    void alteredRequestBodyFailsThePaChecksum() throws Exception {
        Credential mta = pki.mta(MAC);
        KrbError e = error(client.udp(PkinitTestClient.pkinit(MTA, mta, List.of(mta.certificate()), true).der()));
        assertThat(e.getErrorCode()).isEqualTo(KrbErrorCode.KRB_AP_ERR_MODIFIED);
        assertThat(lastTrace().detail()).contains("paChecksum");
    }

    @Test
    void garbageIsAnsweredWithAnErrorAndTraced() throws Exception {
        KrbError e = error(client.udp(new byte[] {0x6a, 0x03, 0x30, 0x01, 0x00}));
        assertThat(e.getErrorCode()).isNotEqualTo(KrbErrorCode.KDC_ERR_NONE);
        assertThat(lastTrace().outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(server.status().rejected()).isPositive();
    }

    /** Found by the live-port fuzzer: the reason quoted the client's bytes, and Kerby refuses non-ASCII e-text. */
    @Test
    void requestWithNonAsciiInATimeFieldIsAnsweredWithAnAsciiError() throws Exception {
        byte[] der = PkinitTestClient.plain(MTA).der();
        int at = -1;
        for (int i = 0; i + 2 < der.length; i++) {
            if (der[i] == 0x18 && der[i + 1] == 0x0f) { // GeneralizedTime "YYYYMMDDHHMMSSZ"
                at = i + 2 + 6;
                break;
            }
        }
        assertThat(at).as("a KerberosTime in the request").isPositive();
        der[at] = (byte) 0xe9;
        KrbError e = error(client.udp(der));
        assertThat(e.getErrorCode()).isNotEqualTo(KrbErrorCode.KDC_ERR_NONE);
        assertThat(e.getEtext() == null ? "" : e.getEtext()).matches("[\\x20-\\x7e]*");
        assertThat(lastTrace().outcome()).isEqualTo(Outcome.REJECTED);
    }

    /** Found by the live-port fuzzer: a KDC-REQ without req-body threw a NullPointerException. */
    @Test
    void requestWithoutBodyIsAnsweredWithAnError() throws Exception {
        byte[] noBody = {0x6a, 0x0c, 0x30, 0x0a, (byte) 0xa1, 0x03, 0x02, 0x01, 0x05, (byte) 0xa2, 0x03, 0x02, 0x01, 0x0a};
        KrbError e = error(client.udp(noBody));
        assertThat(e.getErrorCode()).isNotEqualTo(KrbErrorCode.KDC_ERR_NONE);
        assertThat(lastTrace().outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(requestWithoutPadataStillAnswered()).isTrue();
    }

    private boolean requestWithoutPadataStillAnswered() throws Exception {
        return error(client.udp(PkinitTestClient.plain(MTA).der())).getErrorCode() == KrbErrorCode.KDC_ERR_PREAUTH_REQUIRED;
    }
}
