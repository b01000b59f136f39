package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The little DER (ITU-T X.690) this package needs around Kerberos messages (RFC 4120 section 5),
 * which the KM and MTA FQDN protocols carry as opaque bytes without a length prefix: finding where
 * an element ends from its tag and definite length, reading the user data out of a KRB-SAFE
 * (RFC 4120 5.6.1), and writing a tag-length-value. Single-octet tags only (all Kerberos tags are
 * below 31); lengths in short form or long form of up to 4 octets; indefinite length is rejected
 * (DER forbids it). Stateless.
 */
public final class KerberosDer {
    /** KRB_AP_REQ, [APPLICATION 14] constructed. */
    public static final int AP_REQ = 0x6e;
    /** KRB_AP_REP, [APPLICATION 15] constructed. */
    public static final int AP_REP = 0x6f;
    /** KRB_SAFE, [APPLICATION 20] constructed. */
    public static final int KRB_SAFE = 0x74;
    /** KRB_ERROR, [APPLICATION 30] constructed. */
    public static final int KRB_ERROR = 0x7e;

    private static final int SEQUENCE = 0x30;
    private static final int OCTET_STRING = 0x04;

    private KerberosDer() {
    }

    /**
     * Total length (identifier, length octets and contents) of the element at the buffer's
     * position, which must carry identifier octet {@code tag} and fit in the buffer. Does not move
     * the buffer. {@code offset} is the element's offset, for the exception.
     */
    static int elementLength(ByteBuffer b, int tag, String what, int offset) throws DecodeException {
        int p = b.position();
        int[] header = header(b, p, b.limit(), what, offset);
        if (header[0] != tag) {
            throw new DecodeException(offset, String.format("%s must start with tag %02x, found %02x",
                    what, tag, header[0]));
        }
        return header[1] - p + header[2];
    }

    /** {tag, content start, content length} of the element at {@code p}, checked against {@code end}. */
    private static int[] header(ByteBuffer b, int p, int end, String what, int offset)
            throws DecodeException {
        if (end - p < 2) {
            throw new DecodeException(offset, "truncated DER header of " + what);
        }
        int tag = b.get(p) & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw new DecodeException(offset, "multi-octet DER tag in " + what);
        }
        int first = b.get(p + 1) & 0xff;
        int content = p + 2;
        long length = first;
        if (first == 0x80) {
            throw new DecodeException(offset + 1, "indefinite length is not DER in " + what);
        }
        if (first > 0x80) {
            int n = first & 0x7f;
            if (n > 4 || end - content < n) {
                throw new DecodeException(offset + 1, "bad DER length octets in " + what);
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (b.get(content++) & 0xff);
            }
        }
        if (length > end - content) {
            throw new DecodeException(offset, what + " claims " + length + " content bytes, "
                    + (end - content) + " available");
        }
        return new int[] {tag, content, (int) length};
    }

    /**
     * The user-data OCTET STRING of a KRB-SAFE ({@code safe-body[2] KRB-SAFE-BODY { user-data[0]
     * OCTET STRING, ...}}). The checksum is not verified here.
     */
    public static byte[] safeUserData(byte[] krbSafe) throws DecodeException {
        ByteBuffer b = ByteBuffer.wrap(krbSafe);
        int[] app = expect(b, 0, krbSafe.length, KRB_SAFE, "KRB-SAFE");
        if (app[1] + app[2] != krbSafe.length) {
            throw new DecodeException(app[1] + app[2], "trailing bytes after KRB-SAFE");
        }
        int[] seq = expect(b, app[1], app[1] + app[2], SEQUENCE, "KRB-SAFE SEQUENCE");
        int p = seq[1];
        int end = seq[1] + seq[2];
        while (p < end) {
            int[] field = header(b, p, end, "KRB-SAFE field", p);
            if (field[0] == 0xa2) {
                int[] body = expect(b, field[1], field[1] + field[2], SEQUENCE, "KRB-SAFE-BODY");
                int[] userData = expect(b, body[1], body[1] + body[2], 0xa0, "user-data");
                int[] octets = expect(b, userData[1], userData[1] + userData[2], OCTET_STRING,
                        "user-data OCTET STRING");
                byte[] out = new byte[octets[2]];
                b.get(octets[1], out);
                return out;
            }
            p = field[1] + field[2];
        }
        throw new DecodeException(seq[1], "KRB-SAFE has no safe-body [2]");
    }

    private static int[] expect(ByteBuffer b, int p, int end, int tag, String what) throws DecodeException {
        int[] h = header(b, p, end, what, p);
        if (h[0] != tag) {
            throw new DecodeException(p, String.format("%s must have tag %02x, found %02x", what, tag, h[0]));
        }
        return h;
    }

    /** A DER element: identifier octet {@code tag}, definite length, the contents concatenated. */
    public static byte[] tlv(int tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] c : contents) {
            body.writeBytes(c);
        }
        int n = body.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 6);
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else {
            int octets = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}
