package io.mtaprov.protocol.pcap;

import io.mtaprov.protocol.DecodeException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deterministic fuzz inputs for decoder robustness tests: random byte arrays and mutations
 * (bit flips, boundary bytes, insertions, deletions, truncations) of valid samples, from a fixed
 * seed so that a failure reproduces. {@link #run} feeds them to a decoder and lets only
 * {@link DecodeException} pass.
 */
public final class FuzzInputs {
    /** Inputs of each kind per decoder. */
    public static final int COUNT = 10_000;
    private static final byte[] BOUNDARY = {0, 1, 0x7f, (byte) 0x80, (byte) 0x81, (byte) 0x84, (byte) 0xff};

    /** What a decoder does with one input; may throw DecodeException only. */
    @FunctionalInterface
    public interface Decoder {
        void decode(byte[] input) throws DecodeException;
    }

    private FuzzInputs() {
    }

    /** {@link #COUNT} random arrays of 0..maxLength bytes. */
    public static void random(long seed, int maxLength, Decoder decoder) {
        Random rnd = new Random(seed);
        for (int i = 0; i < COUNT; i++) {
            byte[] b = new byte[rnd.nextInt(maxLength + 1)];
            rnd.nextBytes(b);
            run(decoder, b, "random #" + i);
        }
    }

    /** {@link #COUNT} mutations (1..4 edits each) of the samples, taken in turn. */
    public static void mutated(long seed, List<byte[]> samples, Decoder decoder) {
        Random rnd = new Random(seed);
        for (int i = 0; i < COUNT; i++) {
            byte[] b = samples.get(i % samples.size());
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits; e++) {
                b = mutate(rnd, b);
            }
            run(decoder, b, "mutation #" + i);
        }
    }

    private static byte[] mutate(Random rnd, byte[] b) {
        if (b.length == 0) {
            return new byte[] {(byte) rnd.nextInt(256)};
        }
        int at = rnd.nextInt(b.length);
        byte[] c = b.clone();
        switch (rnd.nextInt(6)) {
            case 0 -> c[at] ^= (byte) (1 << rnd.nextInt(8));
            case 1 -> c[at] = BOUNDARY[rnd.nextInt(BOUNDARY.length)];
            case 2 -> c[at] = (byte) rnd.nextInt(256);
            case 3 -> c = Arrays.copyOf(b, at); // truncate
            case 4 -> { // delete one byte
                c = new byte[b.length - 1];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + 1, c, at, b.length - at - 1);
            }
            default -> { // insert one byte
                c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = BOUNDARY[rnd.nextInt(BOUNDARY.length)];
                System.arraycopy(b, at, c, at + 1, b.length - at);
            }
        }
        return c;
    }

    private static void run(Decoder decoder, byte[] input, String label) {
        try {
            decoder.decode(input);
        } catch (DecodeException expected) {
            // the one accepted way to refuse input
        } catch (RuntimeException | Error e) {
            throw new AssertionError(label + ": " + e + " for input "
                    + java.util.HexFormat.of().formatHex(input), e);
        }
    }
}
