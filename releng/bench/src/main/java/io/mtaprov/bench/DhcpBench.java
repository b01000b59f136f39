package io.mtaprov.bench;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpOptions;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * DHCP messages per second (issue 4 floor: 1,000,000/s on one core) for an eMTA DISCOVER with
 * options 60, 43, 82 and 55 (relayed, 439 bytes; the ACK is 414) and the server's ACK with option 122. Decode is
 * {@code DhcpMessage.decode(ByteBuffer)} of the wire bytes; encode writes into a reused buffer as
 * the server does. {@code discoverDecodeAndViews} also parses the typed views a server reads
 * (option 60 capabilities, 43, 82, 55).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DhcpBench {
    private byte[] discoverWire;
    private byte[] ackWire;
    private DhcpMessage discover;
    private DhcpMessage ack;
    private final ByteBuffer out = ByteBuffer.allocate(1500);

    @Setup
    public void setUp() throws DecodeException {
        discoverWire = Fixtures.discover();
        discover = DhcpMessage.decode(discoverWire);
        ack = Fixtures.ack();
        ackWire = ack.encode();
        if (!DhcpMessage.decode(ackWire).options().clientConfiguration().isPresent()) {
            throw new IllegalStateException("ACK fixture lacks option 122");
        }
    }

    @Benchmark
    public DhcpMessage discoverDecode() throws DecodeException {
        return DhcpMessage.decode(ByteBuffer.wrap(discoverWire));
    }

    @Benchmark
    public DhcpMessage ackDecode() throws DecodeException {
        return DhcpMessage.decode(ByteBuffer.wrap(ackWire));
    }

    @Benchmark
    public int discoverEncode() {
        out.clear();
        discover.encode(out);
        return out.position();
    }

    @Benchmark
    public int ackEncode() {
        out.clear();
        ack.encode(out);
        return out.position();
    }

    @Benchmark
    public void discoverDecodeAndViews(Blackhole bh) throws DecodeException {
        DhcpOptions o = DhcpMessage.decode(ByteBuffer.wrap(discoverWire)).options();
        bh.consume(o.messageType());
        bh.consume(o.vendorClass().orElseThrow().capabilities());
        bh.consume(o.cableLabsVendorInfo());
        bh.consume(o.relayAgentInfo());
        bh.consume(o.parameterRequestList());
    }
}
