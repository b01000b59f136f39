package io.mtaprov.protocol.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mtaprov.protocol.DecodeException;

/**
 * The throughput floor: encode + hash and decode of a ~500-byte two-line MTA file each
 * above 200,000 files/s on one core. Measured after warm-up, best of several rounds.
 */
class ConfigPerformanceTest {
    private static final int FLOOR_PER_SECOND = 200_000;
    private static final int BATCH = 200_000;

    @Test
    void encodesAndHashesOver200kFilesPerSecond() {
        ConfigFile file = ConfigHash.withoutHash(ConfigFixtures.twoLineFile());
        assertThat(file.encodedLength()).isBetween(400, 600);
        double best = 0;
        long sink = 0;
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                sink += ConfigHash.encodeWithHash(file, HashDialect.CABLELABS).length;
            }
            best = Math.max(best, BATCH / ((System.nanoTime() - t0) / 1e9));
        }
        assertThat(sink).isPositive();
        assertThat(best).as("files/s").isGreaterThan(FLOOR_PER_SECOND);
    }

    @Test
    void decodesOver200kFilesPerSecond() throws DecodeException {
        byte[] bytes = ConfigFixtures.twoLineFile().encode();
        double best = 0;
        long sink = 0;
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                sink += ConfigFile.decode(bytes).tlvs().size();
            }
            best = Math.max(best, BATCH / ((System.nanoTime() - t0) / 1e9));
        }
        assertThat(sink).isPositive();
        assertThat(best).as("files/s").isGreaterThan(FLOOR_PER_SECOND);
    }
}
