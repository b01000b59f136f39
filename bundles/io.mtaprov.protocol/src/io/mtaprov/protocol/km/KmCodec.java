package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;

/** Dispatch on the KMMID and the shared checks of the key management codecs. */
final class KmCodec {
    private KmCodec() {
    }

    static KmMessage decode(ByteBuffer payload) throws DecodeException {
        WireReader r = new WireReader(payload);
        int kmmid = r.u8("KMMID");
        KmHeader h = KmHeader.decode(r);
        KmMessage m = switch (kmmid) {
            case KmMessage.KMMID_WAKE_UP -> WakeUp.decodeBody(h, r);
            case KmMessage.KMMID_AP_REQUEST -> ApRequest.decodeBody(h, r);
            case KmMessage.KMMID_AP_REPLY -> ApReply.decodeBody(h, r);
            case KmMessage.KMMID_SEC_PARAM_RECOVERED -> SecurityParameterRecovered.decodeBody(h, r);
            case KmMessage.KMMID_REKEY -> Rekey.decodeBody(h, r);
            case KmMessage.KMMID_ERROR_REPLY -> ErrorReply.decodeBody(h, r);
            default -> throw new DecodeException(0, "unknown KMMID " + kmmid);
        };
        r.end();
        return m;
    }

    /** Decodes and requires a particular message class. */
    static <T extends KmMessage> T decode(ByteBuffer payload, Class<T> type) throws DecodeException {
        KmMessage m = decode(payload);
        if (!type.isInstance(m)) {
            throw new DecodeException(0, "expected " + type.getSimpleName() + ", got "
                    + m.getClass().getSimpleName());
        }
        return type.cast(m);
    }

    static WireWriter start(KmMessage m) {
        WireWriter w = new WireWriter();
        m.header().encode(w, m.kmmid());
        return w;
    }

    static byte[] hmac(byte[] hmac) {
        if (hmac.length != KmMessage.HMAC_LENGTH) {
            throw new IllegalArgumentException("SHA-1 HMAC must be 20 bytes, got " + hmac.length);
        }
        return hmac.clone();
    }

    static byte[] der(byte[] der, int tag, String what) {
        try {
            int n = KerberosDer.elementLength(ByteBuffer.wrap(der), tag, what, 0);
            if (n != der.length) {
                throw new IllegalArgumentException(what + " has " + (der.length - n) + " bytes after its DER element");
            }
        } catch (DecodeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return der.clone();
    }

    static String principal(String principal) {
        for (int i = 0; i < principal.length(); i++) {
            char c = principal.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("principal must be printable ASCII: " + principal);
            }
        }
        return principal;
    }

    static long u32(long v, String what) {
        if ((v & ~0xffff_ffffL) != 0) {
            throw new IllegalArgumentException(what + " must fit 32 bits unsigned: " + v);
        }
        return v;
    }
}
