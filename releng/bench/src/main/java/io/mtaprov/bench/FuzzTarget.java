package io.mtaprov.bench;

import io.mtaprov.protocol.DecodeException;
import java.util.List;
import java.util.Random;

/**
 * One decoder under fuzzing: how to decode an input (may only return or throw
 * {@link DecodeException}), what must hold for whatever decodes (round trip, typed views), valid
 * seeds, how to make a random input plausible, and tokens for the mutator.
 *
 * @param name short name (printed, and accepted by {@code --targets})
 * @param decoder the decoder call; its allocation is measured
 * @param check invariants on an accepted input; any throwable is a finding
 * @param seeds valid inputs to mutate
 * @param maxRandom largest random input
 * @param shaper makes a random input plausible (valid magic, header...)
 * @param dictionary tokens the mutator inserts
 * @param binaryOffsets whether a DecodeException offset must lie within the input (0..length)
 * @param allocPerByte allocation the decoder may make per input byte (beyond a fixed allowance)
 */
record FuzzTarget(String name, Decoder decoder, Check check, List<byte[]> seeds, int maxRandom, Shaper shaper,
        byte[][] dictionary, boolean binaryOffsets, int allocPerByte) {

    /** The default bound of the robustness tests: 32 bytes allocated per input byte. */
    FuzzTarget(String name, Decoder decoder, Check check, List<byte[]> seeds, int maxRandom, Shaper shaper,
            byte[][] dictionary, boolean binaryOffsets) {
        this(name, decoder, check, seeds, maxRandom, shaper, dictionary, binaryOffsets, 32);
    }

    /** The same target with another allocation bound per input byte. */
    FuzzTarget allocPerByte(int bytes) {
        return new FuzzTarget(name, decoder, check, seeds, maxRandom, shaper, dictionary, binaryOffsets, bytes);
    }

    /** Allocation allowed for one input: a fixed allowance plus {@link #allocPerByte} per byte. */
    long allocationBound(int inputLength) {
        return FuzzRun.ALLOWANCE + (long) allocPerByte * inputLength;
    }

    /** Decodes one input. */
    @FunctionalInterface
    interface Decoder {
        Object decode(byte[] input) throws DecodeException;
    }

    /** Checks what an input decoded to. */
    @FunctionalInterface
    interface Check {
        void check(byte[] input, Object decoded) throws Exception;
    }

    /** Turns random bytes into a more plausible random input. */
    @FunctionalInterface
    interface Shaper {
        byte[] shape(Random r, byte[] random);
    }

    static Shaper asIs() {
        return (r, b) -> b;
    }
}
