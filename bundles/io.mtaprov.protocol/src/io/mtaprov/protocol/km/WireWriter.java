package io.mtaprov.protocol.km;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Big-endian byte sink for the encoders of this package. */
final class WireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    WireWriter u8(int v) {
        out.write(v);
        return this;
    }

    WireWriter u32(long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
        return this;
    }

    WireWriter flag(boolean v) {
        return u8(v ? 1 : 0);
    }

    WireWriter bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    WireWriter cString(String s) {
        return bytes(s.getBytes(StandardCharsets.US_ASCII)).u8(0);
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
