package io.mtaprov.server.kdc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact byte slices of a received AS-REQ (RFC 4120 5.4.1: {@code [APPLICATION 10] SEQUENCE {
 * pvno [1], msg-type [2], padata [3] SEQUENCE OF PA-DATA OPTIONAL, req-body [4] KDC-REQ-BODY }}).
 * PKINIT's paChecksum covers the KDC-REQ-BODY as the client encoded it, so it is taken from the
 * wire, not re-encoded; the padata type numbers are kept as sent (Kerby maps unknown ones to NONE).
 */
record AsReqDer(byte[] reqBody, List<Integer> padataTypes) {

    static AsReqDer parse(byte[] msg) {
        int[] app = header(msg, 0); // [APPLICATION 10]
        int[] seq = header(msg, app[1]);
        int pos = seq[1];
        int end = seq[1] + seq[2];
        byte[] body = null;
        List<Integer> types = new ArrayList<>();
        while (pos < end) {
            int[] field = header(msg, pos);
            int tag = msg[pos] & 0x1f;
            if (tag == 3) {
                int[] list = header(msg, field[1]);
                int p = list[1];
                while (p < list[1] + list[2]) {
                    int[] pa = header(msg, p);
                    int[] typeField = header(msg, pa[1]); // [1] Int32
                    int[] integer = header(msg, typeField[1]);
                    types.add(intValue(msg, integer[1], integer[2]));
                    p = pa[1] + pa[2];
                }
            } else if (tag == 4) {
                int[] inner = header(msg, field[1]);
                body = Arrays.copyOfRange(msg, field[1], inner[1] + inner[2]);
            }
            pos = field[1] + field[2];
        }
        if (body == null) {
            throw new IllegalArgumentException("AS-REQ without req-body");
        }
        return new AsReqDer(body, List.copyOf(types));
    }

    /** {tag start, content start, content length} of the TLV at {@code pos}. */
    private static int[] header(byte[] b, int pos) {
        int p = pos + 1;
        if ((b[pos] & 0x1f) == 0x1f) {
            while ((b[p++] & 0x80) != 0) {
                // multi-byte tag number
            }
        }
        int len = b[p++] & 0xff;
        if (len > 0x80) {
            int n = len & 0x7f;
            if (n > 3) {
                throw new IllegalArgumentException("DER length too long at " + pos);
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (b[p++] & 0xff);
            }
        } else if (len == 0x80) {
            throw new IllegalArgumentException("indefinite length at " + pos);
        }
        if (p + len > b.length) {
            throw new IllegalArgumentException("truncated at " + pos);
        }
        return new int[] {pos, p, len};
    }

    private static int intValue(byte[] b, int start, int len) {
        long v = b[start]; // sign-extended
        for (int i = 1; i < len; i++) {
            v = (v << 8) | (b[start + i] & 0xff);
        }
        return (int) v;
    }
}
