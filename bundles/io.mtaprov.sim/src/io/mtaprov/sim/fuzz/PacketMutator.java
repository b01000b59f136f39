package io.mtaprov.sim.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns valid seed messages into garbage that is close enough to pass a server's first checks:
 * bit flips, "interesting" bytes and 16/32-bit values in length and count fields, inserted,
 * deleted and duplicated ranges, truncation, oversized tails, splices of two seeds; a small share
 * of purely random packets. Deterministic for a given seed; not thread-safe (one per sender).
 */
public final class PacketMutator {
    /** Largest UDP payload over IPv4 (RFC 768 length field minus the IP and UDP headers). */
    public static final int MAX_UDP_PAYLOAD = 65_507;
    private static final byte[] INTERESTING_8 = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, 0x20, 0x30, (byte) 0x81, (byte) 0x82};
    private static final int[] INTERESTING_16 = {0, 0xffff, 0x7fff, 0x8000, 0x0100, 0x05dc, 0x0200};
    private static final int[] INTERESTING_32 = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x10000};

    private final List<byte[]> seeds;
    private final SplittableRandom random;
    private final int maxLength;

    /**
     * @param seeds     valid messages to start from (at least one)
     * @param seed      the random seed (the same seed gives the same inputs)
     * @param maxLength the longest input produced
     */
    public PacketMutator(List<byte[]> seeds, long seed, int maxLength) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a mutator needs at least one seed");
        }
        this.seeds = List.copyOf(seeds);
        this.random = new SplittableRandom(seed);
        this.maxLength = maxLength;
    }

    /** The next input. */
    public byte[] next() {
        if (random.nextInt(100) < 3) {
            byte[] r = new byte[random.nextInt(Math.min(maxLength, 1500) + 1)];
            random.nextBytes(r);
            return r;
        }
        byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            b = mutate(b);
        }
        return b.length > maxLength ? Arrays.copyOf(b, maxLength) : b;
    }

    private byte[] mutate(byte[] b) {
        if (b.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(b.length);
        switch (random.nextInt(11)) {
            case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b[at] = (byte) random.nextInt(256);
            case 2 -> b[at] = INTERESTING_8[random.nextInt(INTERESTING_8.length)];
            case 3 -> put(b, at, INTERESTING_16[random.nextInt(INTERESTING_16.length)], 2);
            case 4 -> put(b, at, INTERESTING_32[random.nextInt(INTERESTING_32.length)], 4);
            case 5 -> {
                return Arrays.copyOf(b, at); // truncated
            }
            case 6 -> {
                int n = 1 + random.nextInt(Math.min(64, b.length - at));
                byte[] r = new byte[b.length - n]; // a range deleted
                System.arraycopy(b, 0, r, 0, at);
                System.arraycopy(b, at + n, r, at, b.length - at - n);
                return r;
            }
            case 7 -> {
                byte[] ins = new byte[1 + random.nextInt(32)];
                random.nextBytes(ins);
                return splice(b, at, ins);
            }
            case 8 -> {
                int n = 1 + random.nextInt(Math.min(128, b.length - at));
                return splice(b, at, Arrays.copyOfRange(b, at, at + n)); // a range repeated
            }
            case 9 -> {
                int extra = random.nextInt(10) == 0 ? random.nextInt(Math.max(1, maxLength - b.length) + 1)
                        : random.nextInt(512);
                byte[] r = Arrays.copyOf(b, b.length + extra); // oversized: a random tail
                for (int i = b.length; i < r.length; i++) {
                    r[i] = (byte) random.nextInt(256);
                }
                return r;
            }
            default -> {
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = random.nextInt(other.length);
                byte[] r = Arrays.copyOf(b, at + other.length - from); // head of one, tail of another
                System.arraycopy(other, from, r, at, other.length - from);
                return r;
            }
        }
        return b;
    }

    private static void put(byte[] b, int at, int v, int width) {
        for (int i = 0; i < width && at + i < b.length; i++) {
            b[at + i] = (byte) (v >>> (8 * (width - 1 - i)));
        }
    }

    private static byte[] splice(byte[] b, int at, byte[] ins) {
        byte[] r = new byte[b.length + ins.length];
        System.arraycopy(b, 0, r, 0, at);
        System.arraycopy(ins, 0, r, at, ins.length);
        System.arraycopy(b, at, r, at + ins.length, b.length - at);
        return r;
    }
}
