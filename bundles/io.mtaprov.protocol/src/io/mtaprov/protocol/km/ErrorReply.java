package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Error Reply, KMMID 6 (PKT-SP-SEC): a KRB_ERROR (RFC 4120 5.9.1, DER, {@code [APPLICATION 30]})
 * with no length prefix; its end is given by its own DER length.
 *
 * @param header DOI and version
 * @param krbError the whole KRB_ERROR element; copied in and out
 */
public record ErrorReply(KmHeader header, byte[] krbError) implements KmMessage {

    /** @throws IllegalArgumentException if {@code krbError} is not exactly one KRB_ERROR element */
    public ErrorReply {
        krbError = KmCodec.der(krbError, KerberosDer.KRB_ERROR, "KRB_ERROR");
    }

    @Override
    public byte[] krbError() {
        return krbError.clone();
    }

    @Override
    public int kmmid() {
        return KMMID_ERROR_REPLY;
    }

    @Override
    public byte[] encode() {
        return KmCodec.start(this).bytes(krbError).toBytes();
    }

    /** Decodes a whole UDP payload that must be an Error Reply. */
    public static ErrorReply decode(ByteBuffer payload) throws DecodeException {
        return KmCodec.decode(payload, ErrorReply.class);
    }

    static ErrorReply decodeBody(KmHeader h, WireReader r) throws DecodeException {
        return new ErrorReply(h, r.der(KerberosDer.KRB_ERROR, "KRB_ERROR"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorReply e && header.equals(e.header) && Arrays.equals(krbError, e.krbError);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, Arrays.hashCode(krbError));
    }

    @Override
    public String toString() {
        return "ErrorReply[" + header + ", KRB_ERROR " + krbError.length + " bytes]";
    }
}
