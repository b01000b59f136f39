package io.mtaprov.server.tftp;

import java.io.ByteArrayOutputStream;

/**
 * RFC 1350 "netascii" (RFC 764 NVT ASCII) for transfers in that mode: LF becomes CR LF and a bare
 * CR becomes CR NUL, so the client's conversion gives back the stored bytes exactly.
 */
final class NetAscii {
    private NetAscii() {
    }

    static byte[] encode(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 16 + 8);
        for (byte b : in) {
            if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else if (b == '\r') {
                out.write('\r');
                out.write(0);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
