package io.mtaprov.protocol.dhcp;

/**
 * Encoding of {@link DhcpMessage} (RFC 2131 section 2): header, magic cookie, options (values over
 * 255 bytes split into consecutive instances, RFC 3396 section 7), End, zero padding to the
 * message's minimum length; with a size limit, spilling into {@code file} and {@code sname} under
 * option 52 (RFC 2132 section 9.3).
 */
final class DhcpEncoder {
    private static final int OPTIONS_AT = DhcpMessage.HEADER_LENGTH;
    private static final int SNAME_AT = 44, FILE_AT = 108;

    private DhcpEncoder() {
    }

    /** Length of the plain encoding: header, options, End, padding. */
    static int length(DhcpMessage m) {
        return Math.max(naturalLength(m), m.minimumLength);
    }

    /** Length without padding. */
    static int naturalLength(DhcpMessage m) {
        int n = OPTIONS_AT + 1;
        for (DhcpOption o : m.options.array()) {
            n += o.encodedLength();
        }
        return n;
    }

    static byte[] encode(DhcpMessage m, int maxSize) {
        int n = length(m);
        if (n > maxSize) {
            if (naturalLength(m) <= maxSize) {
                n = maxSize; // padding trimmed to the limit
            } else {
                return overloaded(m, maxSize);
            }
        }
        byte[] out = new byte[n];
        encodeInto(m, out, 0, n);
        return out;
    }

    /** Writes the plain encoding into {@code out[at, at+n)}; {@code n} from {@link #length}. */
    static void encodeInto(DhcpMessage m, byte[] out, int at, int n) {
        header(m, out, at, m.sname, m.file);
        int p = at + OPTIONS_AT;
        for (DhcpOption o : m.options.array()) {
            p = o.encodeInto(out, p);
        }
        out[p++] = (byte) DhcpOptionCode.END;
        java.util.Arrays.fill(out, p, at + n, (byte) 0);
    }

    private static void header(DhcpMessage m, byte[] out, int at, byte[] sname, byte[] file) {
        out[at] = (byte) m.op;
        out[at + 1] = (byte) m.htype;
        out[at + 2] = (byte) m.hlen;
        out[at + 3] = (byte) m.hops;
        Bytes.put32(out, at + 4, m.xid);
        Bytes.put16(out, at + 8, m.secs);
        Bytes.put16(out, at + 10, m.flags);
        Bytes.put32(out, at + 12, m.ciaddr);
        Bytes.put32(out, at + 16, m.yiaddr);
        Bytes.put32(out, at + 20, m.siaddr);
        Bytes.put32(out, at + 24, m.giaddr);
        System.arraycopy(m.chaddr, 0, out, at + 28, DhcpMessage.CHADDR_LENGTH);
        System.arraycopy(sname, 0, out, at + SNAME_AT, DhcpMessage.SNAME_LENGTH);
        System.arraycopy(file, 0, out, at + FILE_AT, DhcpMessage.FILE_LENGTH);
        Bytes.put32(out, at + 236, DhcpMessage.MAGIC_COOKIE);
    }

    /**
     * Fills the options field (after option 52), then {@code file}, then {@code sname} when they
     * are empty. An option of at most 255 bytes is never split (old clients do not join); a longer
     * one is split wherever a field ends.
     */
    private static byte[] overloaded(DhcpMessage m, int maxSize) {
        if (maxSize < DhcpMessage.HEADER_LENGTH + 4) {
            throw new IllegalArgumentException("maximum message size " + maxSize + " is too small");
        }
        boolean fileFree = isZero(m.file);
        boolean snameFree = isZero(m.sname);
        byte[] out = new byte[maxSize];
        int[][] fields = {
            {OPTIONS_AT + 3, maxSize - 1},
            {FILE_AT, FILE_AT + DhcpMessage.FILE_LENGTH - 1},
            {SNAME_AT, SNAME_AT + DhcpMessage.SNAME_LENGTH - 1}};
        int usable = 1 + (fileFree ? 1 : 0) + (fileFree && snameFree ? 1 : 0);
        int f = 0;
        int p = fields[0][0];
        for (DhcpOption o : m.options.array()) {
            byte[] v = o.raw();
            int off = 0;
            boolean written = false; // an empty option (e.g. 80 Rapid Commit) is still written once
            while (!written || off < v.length) {
                int room = fields[f][1] - p - 2;
                int rest = v.length - off;
                boolean fits = v.length <= 255 ? room >= rest : room >= Math.min(rest, 1);
                if (!fits) {
                    out[p] = (byte) DhcpOptionCode.END;
                    if (++f == usable) {
                        throw new IllegalArgumentException("options of " + naturalLength(m)
                                + " bytes do not fit a message of at most " + maxSize + " bytes");
                    }
                    p = fields[f][0];
                    continue;
                }
                int chunk = Math.min(Math.min(255, rest), room);
                out[p++] = (byte) o.code();
                out[p++] = (byte) chunk;
                System.arraycopy(v, off, out, p, chunk);
                p += chunk;
                off += chunk;
                written = true;
            }
        }
        out[p] = (byte) DhcpOptionCode.END;
        int overload = f == 0 ? 0 : f == 1 ? 1 : 3;
        byte[] sname = (overload & 2) != 0 ? java.util.Arrays.copyOfRange(out, SNAME_AT, FILE_AT) : m.sname;
        byte[] file = (overload & 1) != 0
                ? java.util.Arrays.copyOfRange(out, FILE_AT, FILE_AT + DhcpMessage.FILE_LENGTH) : m.file;
        header(m, out, 0, sname, file);
        out[OPTIONS_AT] = (byte) DhcpOptionCode.OVERLOAD;
        out[OPTIONS_AT + 1] = 1;
        out[OPTIONS_AT + 2] = (byte) overload;
        if (overload == 0) {
            out[OPTIONS_AT] = out[OPTIONS_AT + 1] = out[OPTIONS_AT + 2] = 0; // pads
        }
        return out;
    }

    private static boolean isZero(byte[] a) {
        for (byte b : a) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
