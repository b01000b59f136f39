package io.mtaprov.protocol.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Random and mutated files: only DecodeException escapes, output never exceeds the input. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PcapReaderRobustnessTest {
    private static final List<byte[]> SAMPLES = List.of(new PcapWriter()
            .addUdp(Instant.EPOCH, new InetSocketAddress("10.0.0.1", 1), new InetSocketAddress("10.0.0.2", 2),
                    new byte[] {1, 2, 3})
            .addUdp(Instant.EPOCH, new InetSocketAddress("10.0.0.2", 2), new InetSocketAddress("10.0.0.1", 1),
                    new byte[0]).toBytes());

    private static void decodeBounded(byte[] input) throws io.mtaprov.protocol.DecodeException {
        int total = 0;
        for (UdpRecord r : PcapReader.read(input)) {
            total += r.payload().length + 16 + 28;
        }
        assertThat(total).isLessThanOrEqualTo(input.length);
    }

    @Test
    void survivesRandomInput() {
        FuzzInputs.random(0x9cab_1e01L, 200, PcapReaderRobustnessTest::decodeBounded);
    }

    @Test
    void survivesRandomInputBehindValidHeader() {
        byte[] header = java.util.Arrays.copyOf(SAMPLES.get(0), 24);
        FuzzInputs.random(0x9cab_1e02L, 200, b -> {
            byte[] f = new byte[24 + b.length];
            System.arraycopy(header, 0, f, 0, 24);
            System.arraycopy(b, 0, f, 24, b.length);
            decodeBounded(f);
        });
    }

    @Test
    void survivesMutatedFiles() {
        FuzzInputs.mutated(0x9cab_1e03L, SAMPLES, PcapReaderRobustnessTest::decodeBounded);
    }
}
