package io.mtaprov.bench;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.config.HashDialect;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Config files per second for the two-line MTA file of about 500 bytes (issue 4 floor: 200,000/s
 * on one core; the two-line fixture is checked at 400..600 bytes before
 * its hash TLV): encode with the SHA-1 hash TLV (what the MPS does per download), and decode of the
 * hashed bytes (what the editor and validator do). One operation is one whole file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConfigBench {
    private ConfigFile file;
    private byte[] wire;

    @Setup
    public void setUp() {
        file = Fixtures.twoLineFile();
        wire = Fixtures.twoLineFileWire();
        int plain = file.encodedLength(); // 400..600 bytes before the hash TLV
        if (plain < 400 || plain > 600) {
            throw new IllegalStateException("fixture is " + plain + " bytes, expected about 500");
        }
    }

    /** ConfigHash.encodeWithHash(file, CABLELABS): encode, SHA-1, encode again with TLV 11 hash. */
    @Benchmark
    public byte[] configEncodeWithHash() {
        return ConfigHash.encodeWithHash(file, HashDialect.CABLELABS);
    }

    /** ConfigFile.decode(ByteBuffer) of the ~500-byte hashed file. */
    @Benchmark
    public ConfigFile configDecode() throws DecodeException {
        return ConfigFile.decode(ByteBuffer.wrap(wire));
    }
}
