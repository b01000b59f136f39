package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Security Parameter Recovered, KMMID 4 (PKT-SP-SEC, MTA to server, sent when the AP Reply asked
 * for an ACK): only the SHA-1 HMAC (20), which Wireshark describes as the HMAC "of the subkey of
 * the preceding AP-REP".
 *
 * @param header DOI and version
 * @param hmac 20 bytes; copied in and out
 */
public record SecurityParameterRecovered(KmHeader header, byte[] hmac) implements KmMessage {

    /** @throws IllegalArgumentException if the HMAC is not 20 bytes */
    public SecurityParameterRecovered {
        hmac = KmCodec.hmac(hmac);
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int kmmid() {
        return KMMID_SEC_PARAM_RECOVERED;
    }

    @Override
    public byte[] encode() {
        return KmCodec.start(this).bytes(hmac).toBytes();
    }

    /** Decodes a whole UDP payload that must be a Security Parameter Recovered. */
    public static SecurityParameterRecovered decode(ByteBuffer payload) throws DecodeException {
        return KmCodec.decode(payload, SecurityParameterRecovered.class);
    }

    static SecurityParameterRecovered decodeBody(KmHeader h, WireReader r) throws DecodeException {
        return new SecurityParameterRecovered(h, r.bytes(HMAC_LENGTH, "SHA-1 HMAC"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityParameterRecovered s && header.equals(s.header)
                && Arrays.equals(hmac, s.hmac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, Arrays.hashCode(hmac));
    }

    @Override
    public String toString() {
        return "SecurityParameterRecovered[" + header + ", hmac=" + HexFormat.of().formatHex(hmac) + "]";
    }
}
