package io.mtaprov.protocol.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mtaprov.protocol.DecodeException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every decoder of the package gets 10,000 random and 10,000 mutated inputs (bit flips,
 * truncations, extensions, corrupted length bytes of valid seeds) from a fixed seed. It may only
 * return or throw {@link DecodeException}; it must finish (timeout) and allocate no more than a
 * small multiple of its input. Whatever decodes must survive its typed getters and re-encode.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DecoderRobustnessTest {
    private static final int RUNS = 10_000;
    private static final long ALLOWANCE = 64 * 1024; // exception stack traces, small objects

    interface Decoder {
        Object decode(byte[] input) throws DecodeException;
    }

    interface Afterwards {
        void check(byte[] input, Object decoded) throws DecodeException;
    }

    enum Target {
        MESSAGE(b -> DhcpMessage.decode(ByteBuffer.wrap(b)), DecoderRobustnessTest::exerciseMessage, 240, new byte[][] {
            Vectors.discover(), overloaded(), longOption(),
            Hex.bytes(Vectors.DISCOVER_HEADER + "35 01 05 7a 25 01 04 0a000001 " + Vectors.REALM_BASIC_1
                    + " 03 12 00 03 6d7073 07 6578616d706c65 03 636f6d 00 b1 03 08 01 05 ff")}),
        CCC(b -> ClientConfiguration.decode(ByteBuffer.wrap(b)), DecoderRobustnessTest::reencodes, 0, new byte[][] {
            Hex.bytes(Vectors.OPTION_122), Hex.bytes(Vectors.REALM_BASIC_1), Hex.bytes("03 05 01 0a000005")}),
        LEGACY_CCC(b -> LegacyClientConfiguration.decode(ByteBuffer.wrap(b)), DecoderRobustnessTest::reencodes, 0,
                new byte[][] {Hex.bytes(Vectors.OPTION_177)}),
        VENDOR_INFO(b -> CableLabsVendorInfo.decode(ByteBuffer.wrap(b)), DecoderRobustnessTest::reencodes, 0,
                new byte[][] {Hex.bytes(Vectors.OPTION_43)}),
        RELAY_AGENT(b -> RelayAgentInfo.decode(ByteBuffer.wrap(b)), DecoderRobustnessTest::reencodes, 0,
                new byte[][] {Hex.bytes(Vectors.OPTION_82)}),
        VENDOR_CLASS(b -> VendorClass.decode(ByteBuffer.wrap(b)), DecoderRobustnessTest::exerciseVendorClass, -1, new byte[][] {
            Vectors.PKTC10_VENDOR_CLASS.getBytes(), "pktc1.5:050817060200380201 07".replace(" ", "").getBytes(),
            "docsis3.0:0506010101020102".getBytes()});

        final Decoder decoder;
        final Afterwards afterwards;
        /** Where TLVs start in the seeds (-1: hex text, no binary TLVs). */
        final int tlvStart;
        final byte[][] seeds;

        Target(Decoder decoder, Afterwards afterwards, int tlvStart, byte[][] seeds) {
            this.decoder = decoder;
            this.afterwards = afterwards;
            this.tlvStart = tlvStart;
            this.seeds = seeds;
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void survivesRandomInputs(Target target) {
        Random r = new Random(0x5eed_0001L + target.ordinal());
        for (int i = 0; i < RUNS; i++) {
            byte[] in = new byte[r.nextInt(target == Target.MESSAGE ? 700 : 300)];
            r.nextBytes(in);
            if (target == Target.MESSAGE && in.length >= 240 && r.nextBoolean()) {
                System.arraycopy(Hex.bytes("63825363"), 0, in, 236, 4); // get past the cookie
            }
            if (target == Target.VENDOR_CLASS && r.nextBoolean()) {
                in = randomHexClass(r);
            }
            check(target, in);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void survivesMutatedSeeds(Target target) {
        Random r = new Random(0x5eed_0002L + target.ordinal());
        for (int i = 0; i < RUNS; i++) {
            byte[] seed = target.seeds[r.nextInt(target.seeds.length)];
            check(target, mutate(r, seed, target.tlvStart));
        }
    }

    private static void check(Target target, byte[] input) {
        Object decoded = null;
        long allocated = 0;
        for (int attempt = 0; attempt < 2; attempt++) { // the first run may bootstrap call sites
            long before = MX.getCurrentThreadAllocatedBytes();
            try {
                decoded = target.decoder.decode(input.clone());
            } catch (DecodeException expected) {
                decoded = null; // the only failure allowed
            } catch (Throwable t) {
                fail(target + " threw " + t + " for input " + Hex.of(input), t);
            }
            allocated = MX.getCurrentThreadAllocatedBytes() - before;
            if (allocated <= ALLOWANCE + 32L * input.length) {
                break;
            }
        }
        if (allocated > ALLOWANCE + 32L * input.length) {
            fail(target + " allocated " + allocated + " bytes for " + input.length + "-byte input " + Hex.of(input));
        }
        if (decoded != null) {
            try {
                target.afterwards.check(input, decoded);
            } catch (Throwable t) {
                fail(target + " failed after decoding: " + t + " for input " + Hex.of(input), t);
            }
        }
    }

    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static void reencodes(byte[] input, Object decoded) throws DecodeException {
        byte[] out = switch (decoded) {
            case ClientConfiguration c -> c.encode();
            case LegacyClientConfiguration c -> c.encode();
            case CableLabsVendorInfo c -> c.encode();
            case RelayAgentInfo c -> c.encode();
            default -> throw new AssertionError(decoded);
        };
        assertThat(out).isEqualTo(input);
        if (decoded instanceof ClientConfiguration c) {
            assertThat(c.toBuilder().build()).isEqualTo(c);
        }
    }

    private static byte[] mutate(Random r, byte[] seed, int tlvStart) {
        byte[] b = seed.clone();
        switch (r.nextInt(5)) {
            case 0 -> { // bit flips
                for (int n = 1 + r.nextInt(8); n > 0 && b.length > 0; n--) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> b = Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length)); // truncation
            case 2 -> { // extension with random bytes
                int old = b.length;
                b = Arrays.copyOf(b, old + 1 + r.nextInt(300));
                for (int i = old; i < b.length; i++) {
                    b[i] = (byte) r.nextInt(256);
                }
            }
            default -> { // length-byte corruption
                List<Integer> lengths = tlvStart < 0 ? List.of() : lengthPositions(b, tlvStart);
                int[] values = {0, 1, 2, 3, 4, 0x7f, 0x80, 0xfe, 0xff, r.nextInt(256)};
                for (int n = 1 + r.nextInt(2); n > 0 && b.length > 0; n--) {
                    int at = lengths.isEmpty() ? r.nextInt(b.length) : lengths.get(r.nextInt(lengths.size()));
                    b[at] = (byte) values[r.nextInt(values.length)];
                }
            }
        }
        return b;
    }

    /** Positions of the length bytes of the TLVs from {@code start} (pad and end skipped at 240). */
    private static List<Integer> lengthPositions(byte[] b, int start) {
        List<Integer> out = new ArrayList<>();
        int p = start;
        while (p + 1 < b.length) {
            int code = b[p] & 0xff;
            if (start == 240 && code == 0) {
                p++;
                continue;
            }
            if (start == 240 && code == 255) {
                break;
            }
            out.add(p + 1);
            p += 2 + (b[p + 1] & 0xff);
        }
        return out;
    }

    private static byte[] randomHexClass(Random r) {
        String hex = "0123456789abcdefABCDEF";
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? "pktc1.0:05" : "docsis3.0:05");
        for (int n = r.nextInt(80); n > 0; n--) {
            sb.append(hex.charAt(r.nextInt(hex.length())));
        }
        return sb.toString().getBytes();
    }

    private static void exerciseVendorClass(byte[] b, Object decoded) {
        VendorClass v = (VendorClass) decoded;
        assertThat(v.encode()).isEqualTo(b);
        v.capabilities().ifPresent(c -> {
            c.version();
            c.codecs();
            c.mibSupport();
            c.supportedFlows();
            c.asList().forEach(DeviceCapability::unsignedValue);
        });
    }

    /** Decodes, reads every typed view (each may reject), and re-encodes idempotently. */
    private static void exerciseMessage(byte[] b, Object decoded) throws DecodeException {
        DhcpMessage m = (DhcpMessage) decoded;
        DhcpOptions o = m.options();
        List<Decoder> views = List.of(x -> o.messageType(), x -> o.serverId(), x -> o.subnetMask(),
                x -> o.leaseTime(), x -> o.renewalTime(), x -> o.rebindingTime(), x -> o.routers(),
                x -> o.dnsServers(), x -> o.clientId(), x -> o.vendorClass(), x -> o.cableLabsVendorInfo(),
                x -> o.relayAgentInfo(), x -> o.clientConfiguration(), x -> o.legacyClientConfiguration(),
                x -> o.maxMessageSize(), x -> o.hostName(), x -> o.parameterRequestList());
        if (o.contains(DhcpOptionCode.CCC)) {
            try {
                reencodes(o.get(DhcpOptionCode.CCC).orElseThrow().value(), o.clientConfiguration().orElseThrow());
            } catch (DecodeException rejected) {
                // malformed 122
            }
        }
        for (Decoder view : views) {
            try {
                view.decode(b);
            } catch (DecodeException rejected) {
                // a malformed option is reported, not fatal
            }
        }
        m.hardwareAddress();
        m.toString();
        byte[] once = m.encode();
        DhcpMessage again = DhcpMessage.decode(once);
        assertThat(again.options()).isEqualTo(o);
        assertThat(again.encode()).isEqualTo(once);
        try {
            assertThat(DhcpMessage.decode(m.encode(576)).options()).isEqualTo(o);
        } catch (IllegalArgumentException tooBig) {
            // the encoder may refuse a message that cannot fit 576 bytes
        }
    }

    private static byte[] overloaded() {
        byte[] wire = Hex.bytes(Vectors.DISCOVER_HEADER + "34 01 03 0c 02 6d74 ff");
        System.arraycopy(Hex.bytes("0c 01 61 35 01 02 ff"), 0, wire, 108, 7);
        System.arraycopy(Hex.bytes("0c 02 2d32 0f 03 636f6d"), 0, wire, 44, 9);
        return wire;
    }

    private static byte[] longOption() {
        return DhcpMessage.builder().option(DhcpOption.of(43, new byte[400])).option(DhcpMessageType.ACK.toOption())
                .build().encode();
    }
}
