package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked big-endian cursor over one datagram; every failure is a {@link DecodeException}
 * whose offset is relative to the datagram's first byte. Never allocates more than what remains.
 */
final class WireReader {
    private final ByteBuffer buffer;
    private final int base;

    WireReader(ByteBuffer buffer) {
        this.buffer = buffer;
        this.base = buffer.position();
    }

    int offset() {
        return buffer.position() - base;
    }

    int remaining() {
        return buffer.remaining();
    }

    private void need(int n, String what) throws DecodeException {
        if (buffer.remaining() < n) {
            throw new DecodeException(offset(), "truncated " + what + ": needs " + n
                    + " bytes, " + buffer.remaining() + " left");
        }
    }

    int u8(String what) throws DecodeException {
        need(1, what);
        return buffer.get() & 0xff;
    }

    int s32(String what) throws DecodeException {
        need(4, what);
        return buffer.getInt();
    }

    long u32(String what) throws DecodeException {
        return s32(what) & 0xffff_ffffL;
    }

    boolean flag(String what) throws DecodeException {
        int at = offset();
        int v = u8(what);
        if (v > 1) {
            throw new DecodeException(at, what + " must be 0 or 1, got " + v);
        }
        return v == 1;
    }

    byte[] bytes(int n, String what) throws DecodeException {
        need(n, what);
        byte[] b = new byte[n];
        buffer.get(b);
        return b;
    }

    /** An ASCII string up to and including its terminating NUL (which is not returned). */
    String cString(String what) throws DecodeException {
        int at = offset();
        int end = -1;
        for (int i = buffer.position(); i < buffer.limit(); i++) {
            if (buffer.get(i) == 0) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new DecodeException(at, what + " has no terminating NUL");
        }
        byte[] b = bytes(end - buffer.position(), what);
        buffer.get();
        return ascii(b, at, what);
    }

    static String ascii(byte[] b, int at, String what) throws DecodeException {
        for (byte c : b) {
            if (c < 0x20 || c > 0x7e) {
                throw new DecodeException(at, String.format("%s contains non-printable byte %02x", what, c & 0xff));
            }
        }
        return new String(b, StandardCharsets.US_ASCII);
    }

    String utf8(int n, String what) throws DecodeException {
        int at = offset();
        byte[] b = bytes(n, what);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new DecodeException(at, what + " is not UTF-8", e);
        }
    }

    /** One DER element with the given identifier octet, header included. */
    byte[] der(int tag, String what) throws DecodeException {
        int at = offset();
        int length = KerberosDer.elementLength(buffer.slice(), tag, what, at);
        return bytes(length, what);
    }

    void end() throws DecodeException {
        if (buffer.hasRemaining()) {
            throw new DecodeException(offset(), buffer.remaining() + " unexpected trailing bytes");
        }
    }
}
