package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;

/**
 * Wake Up, KMMID 1 (PKT-SP-SEC, server to MTA): server nonce (4) and the server's Kerberos
 * principal (ASCII, NUL-terminated), which the MTA then requests a ticket for.
 *
 * @param header DOI and version
 * @param serverNonce opaque 32-bit nonce the MTA echoes in its AP Request
 * @param serverPrincipal e.g. {@code mtaprovsrvr/mps.example.com@EXAMPLE.COM}; printable ASCII
 */
public record WakeUp(KmHeader header, int serverNonce, String serverPrincipal) implements KmMessage {

    /** @throws IllegalArgumentException if the principal is not printable ASCII */
    public WakeUp {
        KmCodec.principal(serverPrincipal);
    }

    @Override
    public int kmmid() {
        return KMMID_WAKE_UP;
    }

    @Override
    public byte[] encode() {
        return KmCodec.start(this).u32(serverNonce).cString(serverPrincipal).toBytes();
    }

    /** Decodes a whole UDP payload that must be a Wake Up. */
    public static WakeUp decode(ByteBuffer payload) throws DecodeException {
        return KmCodec.decode(payload, WakeUp.class);
    }

    static WakeUp decodeBody(KmHeader h, WireReader r) throws DecodeException {
        return new WakeUp(h, r.s32("server nonce"), r.cString("server principal"));
    }
}
