package io.mtaprov.server.tftp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * TFTP packet encoding (RFC 1350 section 5, RFC 2347 OACK). Requests are parsed strictly: a
 * malformed request yields a {@link MalformedTftpException} whose message becomes the ERROR reply.
 */
final class TftpPacket {
    // RFC 1350 section 5 and RFC 2347 opcodes
    static final int RRQ = 1;
    static final int WRQ = 2;
    static final int DATA = 3;
    static final int ACK = 4;
    static final int ERROR = 5;
    static final int OACK = 6;
    // RFC 1350 appendix error codes, RFC 2347 code 8
    static final int ERR_UNDEFINED = 0;
    static final int ERR_FILE_NOT_FOUND = 1;
    static final int ERR_ACCESS_VIOLATION = 2;
    static final int ERR_ILLEGAL_OPERATION = 4;
    static final int ERR_UNKNOWN_TID = 5;
    static final int ERR_OPTION_REFUSED = 8;
    /** RFC 1350: the longest request we accept (filename + mode + options fit easily). */
    static final int MAX_REQUEST = 512;

    /** A read or write request with its options (names lower-cased, RFC 2347: case-insensitive). */
    record Request(int opcode, String filename, String mode, Map<String, String> options) {
    }

    static final class MalformedTftpException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedTftpException(String reason) {
            super(reason);
        }
    }

    private TftpPacket() {
    }

    static int opcode(byte[] b, int len) {
        return len < 2 ? -1 : (b[0] & 0xff) << 8 | b[1] & 0xff;
    }

    static Request parseRequest(byte[] b, int len) throws MalformedTftpException {
        if (len < 4) {
            throw new MalformedTftpException("request of " + len + " bytes is too short");
        }
        if (len > MAX_REQUEST) {
            throw new MalformedTftpException("request of " + len + " bytes exceeds " + MAX_REQUEST);
        }
        int op = opcode(b, len);
        if (op != RRQ && op != WRQ) {
            throw new MalformedTftpException("opcode " + op + " is not a request");
        }
        int[] pos = {2};
        String filename = string(b, len, pos, "filename");
        String mode = string(b, len, pos, "mode").toLowerCase(Locale.ROOT);
        Map<String, String> options = new LinkedHashMap<>();
        while (pos[0] < len) {
            String name = string(b, len, pos, "option name").toLowerCase(Locale.ROOT);
            String value = string(b, len, pos, "value of option " + name);
            if (options.putIfAbsent(name, value) != null) {
                throw new MalformedTftpException("option " + name + " given twice");
            }
        }
        return new Request(op, filename, mode, options);
    }

    private static String string(byte[] b, int len, int[] pos, String what) throws MalformedTftpException {
        int start = pos[0];
        int end = start;
        while (end < len && b[end] != 0) {
            byte c = b[end];
            if (c < 0x20 || c > 0x7e) {
                throw new MalformedTftpException(what + " has a non-printable byte 0x"
                        + Integer.toHexString(c & 0xff) + " at offset " + end);
            }
            end++;
        }
        if (end >= len) {
            throw new MalformedTftpException(what + " is not NUL-terminated");
        }
        pos[0] = end + 1;
        return new String(b, start, end - start, StandardCharsets.US_ASCII);
    }

    static byte[] data(int block, byte[] content, int offset, int length) {
        ByteBuffer bb = ByteBuffer.allocate(4 + length);
        bb.putShort((short) DATA).putShort((short) block).put(content, offset, length);
        return bb.array();
    }

    static byte[] error(int code, String message) {
        byte[] m = message.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bb = ByteBuffer.allocate(5 + m.length);
        bb.putShort((short) ERROR).putShort((short) code).put(m).put((byte) 0);
        return bb.array();
    }

    static byte[] oack(Map<String, String> options) {
        ByteBuffer bb = ByteBuffer.allocate(MAX_REQUEST);
        bb.putShort((short) OACK);
        options.forEach((k, v) -> bb.put(k.getBytes(StandardCharsets.US_ASCII)).put((byte) 0)
                .put(v.getBytes(StandardCharsets.US_ASCII)).put((byte) 0));
        byte[] out = new byte[bb.position()];
        bb.flip().get(out);
        return out;
    }

    /** Block number of an ACK packet, or -1 if it is not a well-formed ACK. */
    static int ackBlock(byte[] b, int len) {
        return len == 4 && opcode(b, len) == ACK ? (b[2] & 0xff) << 8 | b[3] & 0xff : -1;
    }

    /** "code: message" of an ERROR packet, for the trace. */
    static String describeError(byte[] b, int len) {
        if (len < 4) {
            return "truncated ERROR";
        }
        int code = (b[2] & 0xff) << 8 | b[3] & 0xff;
        int end = 4;
        while (end < len && b[end] != 0) {
            end++;
        }
        return code + ": " + new String(b, 4, end - 4, StandardCharsets.US_ASCII);
    }
}
