package io.mtaprov.protocol.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.mtaprov.protocol.DecodeException;

/**
 * 10,000 random and 10,000 mutated inputs (fixed seeds) per decoder: only DecodeException may
 * escape, and whatever decodes must re-encode to the same bytes (binary) or print and parse back
 * to the same file (text).
 */
class DecoderRobustnessTest {
    private static final int RUNS = 10_000;

    @Test
    void binaryDecoderSurvivesRandomInput() {
        Random r = new Random(0xC0FFEEL);
        for (int i = 0; i < RUNS; i++) {
            byte[] b = new byte[r.nextInt(600)];
            r.nextBytes(b);
            if (i % 2 == 0 && b.length > 3) { // make framing plausible more often
                b[0] = (byte) 0xFE;
                b[1] = 1;
                b[2] = 1;
            }
            binaryRoundTrip(b);
        }
    }

    @Test
    void binaryDecoderSurvivesMutatedFiles() {
        Random r = new Random(42);
        byte[] seed = ConfigFixtures.twoLineFile().encode();
        for (int i = 0; i < RUNS; i++) {
            binaryRoundTrip(mutate(seed, r));
        }
    }

    @Test
    void textParserSurvivesRandomInput() {
        Random r = new Random(7);
        String alphabet = "Main{};\"'.0123456789xabcdefSnmpMibObject GenericTLV TlvCode /*#\n\\-:";
        for (int i = 0; i < RUNS; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(300);
            for (int k = 0; k < n; k++) {
                sb.append(r.nextInt(10) == 0 ? (char) r.nextInt(0x3000) : alphabet.charAt(r.nextInt(alphabet.length())));
            }
            textRoundTrip(sb.toString());
        }
    }

    @Test
    void textParserSurvivesMutatedFiles() throws DecodeException {
        Random r = new Random(99);
        String seed = ConfigText.print(ConfigFile.decode(ConfigFixtures.twoLineFile().encode())) + ConfigFixtures.PROTOCOL_EXAMPLE
                .replace("Main", "// x").replace("{", "/* y */").replace("}", "");
        byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < RUNS; i++) {
            textRoundTrip(new String(mutate(seedBytes, r), StandardCharsets.ISO_8859_1));
        }
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int p = r.nextInt(b.length);
            switch (r.nextInt(4)) {
                case 0 -> b[p] = (byte) r.nextInt(256);
                case 1 -> b[p] ^= (byte) (1 << r.nextInt(8));
                case 2 -> b = java.util.Arrays.copyOf(b, p + 1);
                default -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, p);
                    c[p] = (byte) r.nextInt(256);
                    System.arraycopy(b, p, c, p + 1, b.length - p);
                    b = c;
                }
            }
        }
        return b;
    }

    private static void binaryRoundTrip(byte[] b) {
        ConfigFile f;
        try {
            f = ConfigFile.decode(ByteBuffer.wrap(b));
        } catch (DecodeException e) {
            assertThat(e.offset()).isBetween(0, b.length);
            return;
        }
        assertThat(f.encode()).isEqualTo(b);
        ConfigValidator.validate(f);
        String text = ConfigText.print(f);
        try {
            assertThat(ConfigText.parse(text).toConfigFile().encode()).as(text).isEqualTo(b);
        } catch (DecodeException e) {
            throw new AssertionError("printed text does not parse: " + e.getMessage() + "\n" + text, e);
        }
    }

    private static void textRoundTrip(String text) {
        ConfigDocument doc;
        try {
            doc = ConfigText.parse(text);
        } catch (DecodeException e) {
            assertThat(e.offset()).isPositive();
            return;
        }
        ConfigValidator.validate(doc);
        String printed = ConfigText.print(doc);
        try {
            assertThat(ConfigText.parse(printed).toConfigFile()).isEqualTo(doc.toConfigFile());
        } catch (DecodeException e) {
            throw new AssertionError("printed text does not parse: " + e.getMessage() + "\n" + printed, e);
        }
    }
}
