package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;

/**
 * A Kerberized key management message (PacketCable Security, PKT-SP-SEC1.5 "Kerberized Key
 * Management", UDP 1293; Wireshark dissector {@code pktc}). Every message starts with the header
 * KMMID (1), DOI (1), version (1); the body depends on the KMMID. Implementations are immutable
 * values; {@link #decode(ByteBuffer)} reads any of them from one UDP payload.
 */
public sealed interface KmMessage
        permits WakeUp, ApRequest, ApReply, SecurityParameterRecovered, Rekey, ErrorReply {
    /** KMMID of Wake Up (server to MTA). */
    int KMMID_WAKE_UP = 1;
    /** KMMID of AP Request (MTA to server). */
    int KMMID_AP_REQUEST = 2;
    /** KMMID of AP Reply (server to MTA). */
    int KMMID_AP_REPLY = 3;
    /** KMMID of Security Parameter Recovered (MTA to server). */
    int KMMID_SEC_PARAM_RECOVERED = 4;
    /** KMMID of Rekey (server to MTA; IPsec). */
    int KMMID_REKEY = 5;
    /** KMMID of Error Reply. */
    int KMMID_ERROR_REPLY = 6;
    /** Length of the SHA-1 HMAC that ends several messages. */
    int HMAC_LENGTH = 20;

    /** The key management message id. */
    int kmmid();

    /** DOI and version. */
    KmHeader header();

    /** The UDP payload. */
    byte[] encode();

    /**
     * Decodes one whole UDP payload (from position to limit; the buffer is consumed). Trailing
     * bytes are an error.
     */
    static KmMessage decode(ByteBuffer payload) throws DecodeException {
        return KmCodec.decode(payload);
    }
}
