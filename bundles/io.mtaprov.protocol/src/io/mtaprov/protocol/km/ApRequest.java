package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * AP Request, KMMID 2 (PKT-SP-SEC, MTA to server): KRB_AP_REQ (RFC 4120 5.5.1, DER
 * {@code [APPLICATION 14]}, no length prefix), server nonce (4, echoed from Wake Up), application
 * specific data (per {@link Doi}), the ciphersuites the MTA offers (count + pairs), re-establish
 * flag (1) and SHA-1 HMAC (20). Layout confirmed against Wireshark's {@code pktc} dissector.
 *
 * @param header DOI and version
 * @param apReq the whole KRB_AP_REQ element; copied in and out
 * @param serverNonce the Wake Up nonce (or a random one if unsolicited)
 * @param applicationData of the header's DOI
 * @param ciphersuites offered suites, at most 255
 * @param reestablish re-establish flag
 * @param hmac 20 bytes; copied in and out
 */
public record ApRequest(KmHeader header, byte[] apReq, int serverNonce, ApplicationData applicationData,
        List<Ciphersuite> ciphersuites, boolean reestablish, byte[] hmac) implements KmMessage {

    /** @throws IllegalArgumentException on a bad AP-REQ, DOI mismatch, list or HMAC size */
    public ApRequest {
        apReq = KmCodec.der(apReq, KerberosDer.AP_REQ, "KRB_AP_REQ");
        ApplicationData.check(applicationData, header);
        ciphersuites = Ciphersuite.checkedList(ciphersuites);
        hmac = KmCodec.hmac(hmac);
    }

    @Override
    public byte[] apReq() {
        return apReq.clone();
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int kmmid() {
        return KMMID_AP_REQUEST;
    }

    @Override
    public byte[] encode() {
        WireWriter w = KmCodec.start(this).bytes(apReq).u32(serverNonce).bytes(applicationData.encode());
        Ciphersuite.encodeList(w, ciphersuites);
        return w.flag(reestablish).bytes(hmac).toBytes();
    }

    /** Decodes a whole UDP payload that must be an AP Request. */
    public static ApRequest decode(ByteBuffer payload) throws DecodeException {
        return KmCodec.decode(payload, ApRequest.class);
    }

    static ApRequest decodeBody(KmHeader h, WireReader r) throws DecodeException {
        byte[] apReq = r.der(KerberosDer.AP_REQ, "KRB_AP_REQ");
        int nonce = r.s32("server nonce");
        ApplicationData data = ApplicationData.decode(r, h.doi());
        List<Ciphersuite> suites = Ciphersuite.decodeList(r);
        boolean reestablish = r.flag("re-establish flag");
        return new ApRequest(h, apReq, nonce, data, suites, reestablish, r.bytes(HMAC_LENGTH, "SHA-1 HMAC"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApRequest a && header.equals(a.header) && Arrays.equals(apReq, a.apReq)
                && serverNonce == a.serverNonce && applicationData.equals(a.applicationData)
                && ciphersuites.equals(a.ciphersuites) && reestablish == a.reestablish
                && Arrays.equals(hmac, a.hmac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, Arrays.hashCode(apReq), serverNonce, applicationData, ciphersuites,
                reestablish, Arrays.hashCode(hmac));
    }

    @Override
    public String toString() {
        return String.format("ApRequest[%s, AP-REQ %d bytes, nonce=%08x, %s, %s, reestablish=%s, hmac=%s]",
                header, apReq.length, serverNonce, applicationData, ciphersuites, reestablish,
                HexFormat.of().formatHex(hmac));
    }
}
