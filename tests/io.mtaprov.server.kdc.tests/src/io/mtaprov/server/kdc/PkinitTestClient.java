package io.mtaprov.server.kdc;

import io.mtaprov.pki.Credential;
import io.mtaprov.pki.PkinitNames;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KrbMessage;
import org.apache.kerby.kerberos.kerb.type.base.NameType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.apache.kerby.kerberos.kerb.type.kdc.AsReq;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcOptions;
import org.apache.kerby.kerberos.kerb.type.kdc.KdcReqBody;
import org.apache.kerby.kerberos.kerb.type.pa.PaData;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataEntry;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataType;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.AuthPack;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.PaPkAsReq;
import org.apache.kerby.kerberos.kerb.type.pa.pkinit.PkAuthenticator;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;

/** Builds AS-REQs the way an MTA (or MIT kinit in RSA mode) does, and sends them over UDP or TCP. */
final class PkinitTestClient {
    static final String REALM = "MTAPROV.LAB";
    final int port;

    PkinitTestClient(int port) {
        this.port = port;
    }

    /** A request: the encoded AS-REQ and the nonce it carries. */
    record Request(byte[] der, int nonce) {
    }

    static KdcReqBody body(String client, int nonce) {
        KdcReqBody body = new KdcReqBody();
        body.setKdcOptions(new KdcOptions());
        body.setCname(new PrincipalName(client, NameType.NT_PRINCIPAL));
        body.setRealm(REALM);
        body.setSname(new PrincipalName("krbtgt/" + REALM, NameType.NT_SRV_INST));
        body.setTill(new KerberosTime(System.currentTimeMillis() + 86_400_000L));
        body.setNonce(nonce);
        body.setEtypes(List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96));
        return body;
    }

    static Request plain(String client, int... padataTypes) throws Exception {
        int nonce = (int) (System.nanoTime() & 0x7fffffff);
        AsReq req = new AsReq();
        req.setReqBody(body(client, nonce));
        if (padataTypes.length > 0) {
            PaData pd = new PaData();
            for (int t : padataTypes) {
                PaDataEntry e = new PaDataEntry();
                e.setPaDataType(PaDataType.fromValue(t));
                e.setPaDataValue(new byte[] {0x30, 0x00});
                pd.add(e);
            }
            req.setPaData(pd);
        }
        return new Request(KrbCodec.encode(req), nonce);
    }

    /** A PKINIT (RSA mode) AS-REQ signed with {@code device}, carrying {@code certs}. */
    static Request pkinit(String client, Credential device, List<X509Certificate> certs, boolean tamperChecksum)
            throws Exception {
        int nonce = (int) (System.nanoTime() & 0x7fffffff);
        KdcReqBody body = body(client, nonce);
        byte[] checksum = MessageDigest.getInstance("SHA-1").digest(KrbCodec.encode(body));
        if (tamperChecksum) {
            checksum[0] ^= 1;
        }
        PkAuthenticator pa = new PkAuthenticator();
        pa.setCusec(0);
        pa.setCtime(new KerberosTime(System.currentTimeMillis() / 1000 * 1000));
        pa.setNonce(nonce);
        pa.setPaChecksum(checksum);
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
        return new Request(KrbCodec.encode(req), nonce);
    }

    KrbMessage udp(byte[] request) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(10_000);
            s.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
            byte[] buf = new byte[65535];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            return KrbCodec.decodeMessage(java.nio.ByteBuffer.wrap(Arrays.copyOf(buf, p.getLength())));
        }
    }

    KrbMessage tcp(byte[] request) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(request.length);
            out.write(request);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] reply = in.readNBytes(in.readInt());
            return KrbCodec.decodeMessage(java.nio.ByteBuffer.wrap(reply));
        }
    }
}
