package io.mtaprov.bench;

import java.util.Arrays;
import java.util.Random;

/**
 * Structure-blind mutations of a seed, deterministic for a given {@link Random}: bit flips,
 * boundary and random bytes, small arithmetic on length bytes, 16/32-bit boundary values,
 * truncation, deletion, insertion, chunk duplication, dictionary tokens, splicing with another
 * seed and random tails. 1, 2, 4 or 8 edits per input. Not thread-safe (one per target).
 */
final class Mutator {
    private static final byte[] BOUNDARY = {0, 1, 2, 0x7f, (byte) 0x80, (byte) 0x81, (byte) 0x82, (byte) 0x83,
        (byte) 0x84, (byte) 0xfe, (byte) 0xff};
    private static final int[] WIDE = {0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fff_ffff,
        0x8000_0000, 0xffff_ffff};

    private final Random r;
    private final byte[][] dictionary;
    private final int maxLength;

    Mutator(Random r, byte[][] dictionary, int maxLength) {
        this.r = r;
        this.dictionary = dictionary;
        this.maxLength = maxLength;
    }

    /** A mutant of {@code seed}; {@code other} is a second seed for splicing. */
    byte[] mutate(byte[] seed, byte[] other) {
        byte[] b = seed;
        for (int n = 1 << r.nextInt(4); n > 0; n--) {
            b = edit(b, other);
        }
        return b.length > maxLength ? Arrays.copyOf(b, maxLength) : b;
    }

    private byte[] edit(byte[] b, byte[] other) {
        if (b.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        int at = r.nextInt(b.length);
        byte[] c = b.clone();
        switch (r.nextInt(13)) {
            case 0 -> c[at] ^= (byte) (1 << r.nextInt(8));
            case 1 -> c[at] = BOUNDARY[r.nextInt(BOUNDARY.length)];
            case 2 -> c[at] = (byte) r.nextInt(256);
            case 3 -> c[at] = (byte) (c[at] + r.nextInt(9) - 4); // length off by a few
            case 4 -> { // 16- or 32-bit big-endian boundary value
                int v = WIDE[r.nextInt(WIDE.length)];
                int width = r.nextBoolean() ? 2 : 4;
                for (int i = 0; i < width && at + i < c.length; i++) {
                    c[at + i] = (byte) (v >>> (8 * (width - 1 - i)));
                }
            }
            case 5 -> c = Arrays.copyOf(b, at); // truncate
            case 6 -> { // delete 1..16 bytes
                int n = Math.min(1 + r.nextInt(16), b.length - at);
                c = new byte[b.length - n];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + n, c, at, b.length - at - n);
            }
            case 7 -> { // insert 1..16 random or boundary bytes
                byte[] ins = new byte[1 + r.nextInt(16)];
                for (int i = 0; i < ins.length; i++) {
                    ins[i] = r.nextBoolean() ? BOUNDARY[r.nextInt(BOUNDARY.length)] : (byte) r.nextInt(256);
                }
                c = insert(b, at, ins);
            }
            case 8 -> { // dictionary token, inserted or overwritten
                byte[] token = dictionary.length == 0 ? new byte[] {(byte) 0xff} : dictionary[r.nextInt(dictionary.length)];
                if (r.nextBoolean()) {
                    c = insert(b, at, token);
                } else {
                    System.arraycopy(token, 0, c, at, Math.min(token.length, c.length - at));
                }
            }
            case 9 -> { // duplicate a chunk elsewhere (nested or repeated TLVs)
                int from = r.nextInt(b.length);
                int n = Math.min(1 + r.nextInt(64), b.length - from);
                c = insert(b, at, Arrays.copyOfRange(b, from, from + n));
            }
            case 10 -> { // splice: head of this one, tail of the other
                if (other.length > 0) {
                    int cut = r.nextInt(other.length);
                    c = new byte[at + other.length - cut];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(other, cut, c, at, other.length - cut);
                }
            }
            case 11 -> { // random tail
                byte[] tail = new byte[1 + r.nextInt(300)];
                r.nextBytes(tail);
                c = insert(b, b.length, tail);
            }
            default -> { // swap two bytes
                int j = r.nextInt(b.length);
                byte t = c[at];
                c[at] = c[j];
                c[j] = t;
            }
        }
        return c;
    }

    private static byte[] insert(byte[] b, int at, byte[] ins) {
        byte[] c = new byte[b.length + ins.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(ins, 0, c, at, ins.length);
        System.arraycopy(b, at, c, at + ins.length, b.length - at);
        return c;
    }
}
