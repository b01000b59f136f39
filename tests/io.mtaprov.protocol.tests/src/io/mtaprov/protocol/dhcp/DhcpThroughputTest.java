package io.mtaprov.protocol.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput check for the hot path (decode a DISCOVER, read its typed options, build and encode
 * an OFFER): the target is over 1,000,000 messages per second on one core. Timing tests are
 * flaky on shared CI, so it runs only with {@code -Dmtaprov.perf=true}.
 */
@EnabledIfSystemProperty(named = "mtaprov.perf", matches = "true")
class DhcpThroughputTest {
    private static final int N = 2_000_000;

    @Test
    void decodesAndEncodesOverAMillionMessagesPerSecond() throws DecodeException {
        byte[] wire = Vectors.discover();
        DhcpMessage template = DhcpMessage.decode(wire);
        ByteBuffer out = ByteBuffer.allocate(1500);
        long sink = 0;
        for (int round = 0; round < 3; round++) { // the last round counts, after JIT warm-up
            long start = System.nanoTime();
            for (int i = 0; i < N; i++) {
                DhcpMessage m = DhcpMessage.decode(ByteBuffer.wrap(wire));
                sink += m.xid() + m.options().size();
            }
            long decodeNanos = System.nanoTime() - start;
            start = System.nanoTime();
            for (int i = 0; i < N; i++) {
                out.clear();
                template.encode(out);
                sink += out.position();
            }
            long encodeNanos = System.nanoTime() - start;
            if (round == 2) {
                assertThat(N * 1e9 / decodeNanos).as("decodes/s").isGreaterThan(1_000_000);
                assertThat(N * 1e9 / encodeNanos).as("encodes/s").isGreaterThan(1_000_000);
            }
        }
        assertThat(sink).isNotZero();
    }
}
