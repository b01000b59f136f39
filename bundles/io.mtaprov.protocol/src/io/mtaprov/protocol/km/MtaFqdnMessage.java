package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An MTA FQDN message (PKT-SP-SEC "MTA FQDN", KDC to provisioning server and back, UDP 2246;
 * Wireshark {@code pktc.mtafqdn}): a KRB_AP_REQ (request, {@code [APPLICATION 14]}) or KRB_AP_REP
 * (reply, {@code [APPLICATION 15]}) followed by a KRB_SAFE ({@code [APPLICATION 20]}, RFC 4120
 * 5.6.1) whose user data is an {@link MtaFqdnUserData}. Both Kerberos elements are DER without a
 * length prefix. This value holds them as bytes; building and checking the KRB_SAFE checksum is
 * the Kerberos layer's job. Immutable.
 *
 * @param apMessage the KRB_AP_REQ or KRB_AP_REP element; copied in and out
 * @param krbSafe the KRB_SAFE element; copied in and out
 */
public record MtaFqdnMessage(byte[] apMessage, byte[] krbSafe) {

    /** @throws IllegalArgumentException unless these are one AP-REQ/AP-REP and one KRB_SAFE element */
    public MtaFqdnMessage {
        apMessage = KmCodec.der(apMessage, apMessage.length > 0 && (apMessage[0] & 0xff) == KerberosDer.AP_REP
                ? KerberosDer.AP_REP : KerberosDer.AP_REQ, "KRB_AP_REQ/KRB_AP_REP");
        krbSafe = KmCodec.der(krbSafe, KerberosDer.KRB_SAFE, "KRB_SAFE");
    }

    @Override
    public byte[] apMessage() {
        return apMessage.clone();
    }

    @Override
    public byte[] krbSafe() {
        return krbSafe.clone();
    }

    /** True if this carries a KRB_AP_REQ (a request from the KDC). */
    public boolean isRequest() {
        return (apMessage[0] & 0xff) == KerberosDer.AP_REQ;
    }

    /** Decodes the KRB_SAFE user data. */
    public MtaFqdnUserData userData() throws DecodeException {
        return MtaFqdnUserData.decode(ByteBuffer.wrap(KerberosDer.safeUserData(krbSafe)));
    }

    /** The UDP payload. */
    public byte[] encode() {
        return new WireWriter().bytes(apMessage).bytes(krbSafe).toBytes();
    }

    /** Decodes one whole UDP payload (position to limit; consumed); the user data is checked too. */
    public static MtaFqdnMessage decode(ByteBuffer payload) throws DecodeException {
        WireReader r = new WireReader(payload);
        int tag = r.remaining() > 0 ? payload.get(payload.position()) & 0xff : KerberosDer.AP_REQ;
        byte[] ap = r.der(tag == KerberosDer.AP_REP ? KerberosDer.AP_REP : KerberosDer.AP_REQ,
                "KRB_AP_REQ/KRB_AP_REP");
        int safeAt = r.offset();
        byte[] safe = r.der(KerberosDer.KRB_SAFE, "KRB_SAFE");
        r.end();
        MtaFqdnMessage m = new MtaFqdnMessage(ap, safe);
        try {
            m.userData();
        } catch (DecodeException e) {
            throw new DecodeException(safeAt, "KRB_SAFE user data: " + e.getMessage(), e);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MtaFqdnMessage m && Arrays.equals(apMessage, m.apMessage)
                && Arrays.equals(krbSafe, m.krbSafe);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(apMessage), Arrays.hashCode(krbSafe));
    }

    @Override
    public String toString() {
        return "MtaFqdnMessage[" + (isRequest() ? "AP-REQ " : "AP-REP ") + apMessage.length
                + " bytes, KRB_SAFE " + krbSafe.length + " bytes]";
    }
}
