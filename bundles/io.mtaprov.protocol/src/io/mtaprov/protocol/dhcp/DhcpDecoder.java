package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;
import java.util.Arrays;

/**
 * Decoding of {@link DhcpMessage}: header (RFC 2131 section 2), options with pad and end
 * (RFC 2132 sections 3.1, 3.2), overload into file then sname (RFC 2132 section 9.3) and joining
 * of repeated codes (RFC 3396 section 5). Works in place on the input array; allocates the option
 * values (bounded by the input length) plus a table of at most one entry per two input bytes.
 *
 * <p>Leniency (as Wireshark): a missing End option is accepted at the end of a field.
 */
final class DhcpDecoder {
    private static final byte[] ZERO_SNAME = new byte[DhcpMessage.SNAME_LENGTH];
    private static final byte[] ZERO_FILE = new byte[DhcpMessage.FILE_LENGTH];
    private static final byte[] ZERO_CHADDR = new byte[DhcpMessage.CHADDR_LENGTH];
    private static final int SNAME_AT = 44, FILE_AT = 108, COOKIE_AT = 236;

    /** Per option instance: code (bits 48..55), length (32..39), absolute offset (0..31). */
    private long[] entries = new long[32];
    private int count;
    /** Codes seen, one bit per code. */
    private final long[] seen = new long[4];
    private boolean duplicates;
    private int overload = -1;
    private int overloadInstances;

    private DhcpDecoder() {
    }

    static DhcpMessage decode(byte[] a, int base, int length) throws DecodeException {
        if (length < DhcpMessage.HEADER_LENGTH) {
            throw new DecodeException(length, "message of " + length
                    + " bytes is shorter than the 240-byte DHCP header and magic cookie");
        }
        if (Bytes.i32(a, base + COOKIE_AT) != DhcpMessage.MAGIC_COOKIE) {
            throw new DecodeException(COOKIE_AT, "no DHCP magic cookie 99.130.83.99 (RFC 2131 section 3)");
        }
        DhcpDecoder d = new DhcpDecoder();
        d.scan(a, base, base + DhcpMessage.HEADER_LENGTH, base + length);
        byte[] file = null;
        byte[] sname = null;
        if (d.overloadInstances > 0) {
            if (d.overloadInstances != 1 || d.overload < 1 || d.overload > 3) {
                throw new DecodeException(DhcpMessage.HEADER_LENGTH,
                        "option 52 (overload) must be one byte of value 1, 2 or 3");
            }
            if ((d.overload & 1) != 0) {
                d.scan(a, base, base + FILE_AT, base + COOKIE_AT);
                file = ZERO_FILE;
            }
            if ((d.overload & 2) != 0) {
                d.scan(a, base, base + SNAME_AT, base + FILE_AT);
                sname = ZERO_SNAME;
            }
        }
        int[] h = {
            a[base] & 0xff, a[base + 1] & 0xff, a[base + 2] & 0xff, a[base + 3] & 0xff,
            Bytes.i32(a, base + 4), Bytes.u16(a, base + 8), Bytes.u16(a, base + 10),
            Bytes.i32(a, base + 12), Bytes.i32(a, base + 16), Bytes.i32(a, base + 20),
            Bytes.i32(a, base + 24)};
        return new DhcpMessage(h, field(a, base + 28, ZERO_CHADDR),
                sname != null ? sname : field(a, base + SNAME_AT, ZERO_SNAME),
                file != null ? file : field(a, base + FILE_AT, ZERO_FILE),
                d.options(a), length);
    }

    /** A copy of a fixed field, or the shared zero array when the field is all zeros. */
    private static byte[] field(byte[] a, int at, byte[] zero) {
        int n = zero.length;
        for (int i = 0; i < n; i++) {
            if (a[at + i] != 0) {
                return Arrays.copyOfRange(a, at, at + n);
            }
        }
        return zero;
    }

    /** Records the option instances of one field [from, to); {@code base} is for offsets. */
    private void scan(byte[] a, int base, int from, int to) throws DecodeException {
        int p = from;
        while (p < to) {
            int code = a[p] & 0xff;
            if (code == DhcpOptionCode.PAD) {
                p++;
                continue;
            }
            if (code == DhcpOptionCode.END) {
                return;
            }
            if (p + 1 >= to) {
                throw new DecodeException(p - base, "option " + code + " has no length byte");
            }
            int len = a[p + 1] & 0xff;
            if (p + 2 + len > to) {
                throw new DecodeException(p - base, "option " + code + " of " + len
                        + " bytes runs past the end of its field");
            }
            if (code == DhcpOptionCode.OVERLOAD) {
                if (from == base + DhcpMessage.HEADER_LENGTH) {
                    overloadInstances++;
                    overload = len == 1 ? a[p + 2] & 0xff : -1;
                }
            } else {
                add(code, len, p + 2);
            }
            p += 2 + len;
        }
    }

    private void add(int code, int len, int offset) {
        long bit = 1L << (code & 63);
        if ((seen[code >> 6] & bit) != 0) {
            duplicates = true;
        }
        seen[code >> 6] |= bit;
        if (count == entries.length) {
            entries = Arrays.copyOf(entries, count * 2);
        }
        entries[count++] = (long) code << 48 | (long) len << 32 | offset;
    }

    private DhcpOptions options(byte[] a) {
        if (count == 0) {
            return DhcpOptions.EMPTY;
        }
        if (!duplicates) {
            DhcpOption[] out = new DhcpOption[count];
            for (int i = 0; i < count; i++) {
                out[i] = option(a, entries[i]);
            }
            return new DhcpOptions(out);
        }
        return joined(a);
    }

    private static DhcpOption option(byte[] a, long e) {
        int off = (int) e;
        int len = (int) (e >>> 32) & 0xff;
        return DhcpOption.wrap((int) (e >>> 48), Arrays.copyOfRange(a, off, off + len));
    }

    /** RFC 3396 section 5: all instances of a code, in order, form one value at the first one. */
    private DhcpOptions joined(byte[] a) {
        DhcpOption[] out = new DhcpOption[256];
        int n = 0;
        long[] done = new long[4];
        for (int i = 0; i < count; i++) {
            int code = (int) (entries[i] >>> 48);
            if ((done[code >> 6] & 1L << (code & 63)) != 0) {
                continue;
            }
            done[code >> 6] |= 1L << (code & 63);
            int total = 0;
            for (int j = i; j < count; j++) {
                if ((int) (entries[j] >>> 48) == code) {
                    total += (int) (entries[j] >>> 32) & 0xff;
                }
            }
            byte[] value = new byte[total];
            int at = 0;
            for (int j = i; j < count; j++) {
                if ((int) (entries[j] >>> 48) == code) {
                    int len = (int) (entries[j] >>> 32) & 0xff;
                    System.arraycopy(a, (int) entries[j], value, at, len);
                    at += len;
                }
            }
            out[n++] = DhcpOption.wrap(code, value);
        }
        return new DhcpOptions(Arrays.copyOf(out, n));
    }
}
