package io.mtaprov.protocol.km;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.protocol.DecodeException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DerShapeTest {
    /** [APPLICATION 10] { SEQUENCE { [1] INTEGER 5, [2] INTEGER 10, [4] SEQUENCE { [2] GeneralString "R" } } } */
    static final byte[] NESTED = KerberosDer.tlv(0x6a, KerberosDer.tlv(0x30,
            KerberosDer.tlv(0xa1, new byte[] {2, 1, 5}), KerberosDer.tlv(0xa2, new byte[] {2, 1, 10}),
            KerberosDer.tlv(0xa4, KerberosDer.tlv(0x30, KerberosDer.tlv(0xa2, new byte[] {0x1b, 1, 'R'})))));

    @Test
    void acceptsNestedDefiniteLengthsAndLongForms() {
        assertThatCode(() -> DerShape.check(NESTED)).doesNotThrowAnyException();
        byte[] big = KerberosDer.tlv(0x30, KerberosDer.tlv(0x04, new byte[300])); // 0x82 lengths
        assertThatCode(() -> DerShape.check(big)).doesNotThrowAnyException();
        assertThatCode(() -> DerShape.check(new byte[] {(byte) 0x9f, (byte) 0x81, 0x01, 0})) // high tag number 129
                .doesNotThrowAnyException();
    }

    @Test
    void refusesWhatKerbyWouldTrust() {
        refuses(new byte[0], "empty");
        refuses(new byte[] {0x30, (byte) 0x80, 0, 0}, "indefinite length");
        refuses(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0}, "where 1 remain");
        refuses(new byte[] {0x30, (byte) 0x85, 1, 0, 0, 0, 0}, "length of 5 octets");
        refuses(new byte[] {0x30, 0x03, 0x04, 0x05, 0}, "where 1 remain"); // a child longer than its parent
        refuses(new byte[] {0x24, 0x03, 0x04, 0x01, 0}, "constructed encoding of universal type 4");
        refuses(Arrays.copyOf(NESTED, NESTED.length + 2), "2 octets after the outermost element");
        refuses(Arrays.copyOf(NESTED, NESTED.length - 1), "remain");
        refuses(new byte[] {0x30}, "length expected");
        refuses(new byte[] {0x1f, (byte) 0x81, (byte) 0x81, (byte) 0x81, (byte) 0x81, 0x01, 0}, "longer than 4 octets");
        byte[] deep = new byte[0];
        for (int i = 0; i < DerShape.MAX_DEPTH + 1; i++) {
            deep = KerberosDer.tlv(0x30, deep);
        }
        refuses(deep, "nested deeper");
    }

    @Test
    void mutationsOnlyEverGiveADecodeException() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = NESTED.clone();
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            byte[] input = r.nextInt(4) == 0 ? Arrays.copyOf(b, r.nextInt(b.length + 8)) : b;
            try {
                DerShape.check(input);
            } catch (DecodeException expected) {
                // refused with a reason
            }
        }
    }

    private static void refuses(byte[] der, String reason) {
        assertThatThrownBy(() -> DerShape.check(der)).isInstanceOf(DecodeException.class).hasMessageContaining(reason);
    }
}
