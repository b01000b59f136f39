package io.mtaprov.protocol.km;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.pcap.FuzzInputs;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 10,000 random and 10,000 mutated inputs (fixed seeds) per decoder: only DecodeException may
 * escape, and whatever is accepted re-encodes to exactly the input (so nothing was invented or
 * allocated beyond it: the codecs are canonical).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KmRobustnessTest {

    private static void km(byte[] input) throws DecodeException {
        assertThat(KmMessage.decode(ByteBuffer.wrap(input)).encode()).isEqualTo(input);
    }

    private static void fqdn(byte[] input) throws DecodeException {
        assertThat(MtaFqdnMessage.decode(ByteBuffer.wrap(input)).encode()).isEqualTo(input);
    }

    private static void userData(byte[] input) throws DecodeException {
        assertThat(MtaFqdnUserData.decode(ByteBuffer.wrap(input)).encode()).isEqualTo(input);
    }

    private static void safe(byte[] input) throws DecodeException {
        assertThat(KerberosDer.safeUserData(input).length).isLessThan(input.length);
    }

    private static List<byte[]> kmSamples() {
        return KmSamples.all().stream().map(KmMessage::encode).toList();
    }

    private static List<byte[]> fqdnSamples() throws Exception {
        return List.of(
                new MtaFqdnMessage(KerberosFixtures.apReq(), KerberosFixtures.krbSafe(MtaFqdnTest.request().encode())).encode(),
                new MtaFqdnMessage(KerberosFixtures.apRep(), KerberosFixtures.krbSafe(MtaFqdnTest.reply().encode())).encode());
    }

    @Test
    void kmDecoderSurvivesRandomInput() {
        FuzzInputs.random(0x1293_0001L, 120, KmRobustnessTest::km);
        // random bodies behind each valid header, to get past the KMMID/DOI checks
        FuzzInputs.random(0x1293_0002L, 120, b -> {
            if (b.length >= 3) {
                b[0] = (byte) (1 + Math.floorMod(b[0], 6));
                b[1] = (byte) (1 + Math.floorMod(b[1], 2));
            }
            km(b);
        });
    }

    @Test
    void kmDecoderSurvivesMutatedMessages() {
        FuzzInputs.mutated(0x1293_0003L, kmSamples(), KmRobustnessTest::km);
    }

    @Test
    void mtaFqdnDecoderSurvivesRandomInput() {
        FuzzInputs.random(0x2246_0001L, 120, KmRobustnessTest::fqdn);
        FuzzInputs.random(0x2246_0002L, 60, KmRobustnessTest::userData);
        FuzzInputs.random(0x2246_0003L, 120, KmRobustnessTest::safe);
    }

    @Test
    void mtaFqdnDecoderSurvivesMutatedMessages() throws Exception {
        FuzzInputs.mutated(0x2246_0004L, fqdnSamples(), KmRobustnessTest::fqdn);
        FuzzInputs.mutated(0x2246_0005L, List.of(MtaFqdnTest.request().encode(), MtaFqdnTest.reply().encode()),
                KmRobustnessTest::userData);
        FuzzInputs.mutated(0x2246_0006L, List.of(KerberosFixtures.krbSafe(MtaFqdnTest.reply().encode())),
                KmRobustnessTest::safe);
    }
}
