package io.mtaprov.protocol.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DhcpMessageTest {

    @Test
    void decodesHeaderFieldsOfRelayedDiscover() throws DecodeException {
        DhcpMessage m = DhcpMessage.decode(ByteBuffer.wrap(Vectors.discover()));
        assertThat(m.op()).isEqualTo(DhcpMessage.BOOTREQUEST);
        assertThat(m.htype()).isEqualTo(1);
        assertThat(m.hlen()).isEqualTo(6);
        assertThat(m.hops()).isEqualTo(1);
        assertThat(m.xid()).isEqualTo(0x1a2b3c4d);
        assertThat(m.secs()).isEqualTo(4);
        assertThat(m.broadcast()).isTrue();
        assertThat(m.flags()).isEqualTo(0x8000);
        assertThat(m.ciaddr()).isEqualTo(Ipv4Address.ANY);
        assertThat(m.yiaddr()).isEqualTo(Ipv4Address.ANY);
        assertThat(m.siaddr()).isEqualTo(Ipv4Address.ANY);
        assertThat(m.giaddr()).isEqualTo(Ipv4Address.parse("10.1.0.1"));
        assertThat(m.hardwareAddressText()).isEqualTo("00:11:22:33:44:55");
        assertThat(m.chaddr()).hasSize(16);
        assertThat(m.serverName()).isEmpty();
        assertThat(m.fileName()).isEmpty();
        assertThat(m.options().asList()).extracting(DhcpOption::code).containsExactly(53, 61, 55, 60, 43, 82);
        assertThat(m.options().messageType()).contains(DhcpMessageType.DISCOVER);
    }

    @Test
    void roundTripsDiscoverByteExact() throws DecodeException {
        byte[] wire = Vectors.discover();
        assertThat(DhcpMessage.decode(wire).encode()).isEqualTo(wire);
    }

    @Test
    void roundTripsPaddedMessageByteExact() throws DecodeException {
        byte[] wire = Arrays.copyOf(Vectors.discover(), 548);
        assertThat(DhcpMessage.decode(wire).encode()).isEqualTo(wire);
    }

    @Test
    void roundTripsOptionsTakenFromSnameAndFileFieldsWhenNotOverloaded() throws DecodeException {
        byte[] wire = Vectors.discover();
        byte[] withNames = wire.clone();
        byte[] sname = "mps.example.com".getBytes();
        byte[] file = "mta/0011223344.bin".getBytes();
        System.arraycopy(sname, 0, withNames, 44, sname.length);
        System.arraycopy(file, 0, withNames, 108, file.length);
        DhcpMessage m = DhcpMessage.decode(withNames);
        assertThat(m.serverName()).isEqualTo("mps.example.com");
        assertThat(m.fileName()).isEqualTo("mta/0011223344.bin");
        assertThat(m.encode()).isEqualTo(withNames);
    }

    @Test
    void decodeConsumesTheBufferFromItsPositionWhateverItsByteOrder() throws DecodeException {
        byte[] wire = Vectors.discover();
        ByteBuffer b = ByteBuffer.allocate(wire.length + 10).order(ByteOrder.LITTLE_ENDIAN);
        b.position(7);
        b.put(wire).flip().position(7);
        DhcpMessage m = DhcpMessage.decode(b);
        assertThat(b.hasRemaining()).isFalse();
        assertThat(m.xid()).isEqualTo(0x1a2b3c4d);
        assertThat(m.encode()).isEqualTo(wire);
    }

    @Test
    void decodesFromDirectAndReadOnlyBuffers() throws DecodeException {
        byte[] wire = Vectors.discover();
        ByteBuffer direct = ByteBuffer.allocateDirect(wire.length).put(wire).flip();
        assertThat(DhcpMessage.decode(direct).encode()).isEqualTo(wire);
        assertThat(DhcpMessage.decode(ByteBuffer.wrap(wire).asReadOnlyBuffer()).encode()).isEqualTo(wire);
    }

    @Test
    void encodesIntoHeapAndDirectBuffersAtTheirPosition() throws DecodeException {
        DhcpMessage m = DhcpMessage.decode(Vectors.discover());
        for (ByteBuffer out : new ByteBuffer[] {ByteBuffer.allocate(1000), ByteBuffer.allocateDirect(1000)}) {
            out.put((byte) 0x77);
            m.encode(out);
            out.flip();
            assertThat(out.get()).isEqualTo((byte) 0x77);
            byte[] rest = new byte[out.remaining()];
            out.get(rest);
            assertThat(rest).isEqualTo(Vectors.discover());
        }
    }

    @Test
    void rejectsEncodingIntoTooSmallBuffer() throws DecodeException {
        DhcpMessage m = DhcpMessage.decode(Vectors.discover());
        assertThatThrownBy(() -> m.encode(ByteBuffer.allocate(100)))
                .isInstanceOf(java.nio.BufferOverflowException.class);
    }

    @Test
    void rejectsMessageShorterThanHeaderAndCookie() {
        byte[] wire = Arrays.copyOf(Vectors.discover(), 239);
        assertThatThrownBy(() -> DhcpMessage.decode(wire)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("shorter").extracting(e -> ((DecodeException) e).offset()).isEqualTo(239);
    }

    @Test
    void rejectsMissingMagicCookie() {
        byte[] wire = Vectors.discover();
        wire[239] = 0x64;
        assertThatThrownBy(() -> DhcpMessage.decode(wire)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("magic cookie");
    }

    @Test
    void rejectsOptionRunningPastTheEndOfTheMessage() {
        byte[] wire = Hex.bytes(Vectors.DISCOVER_HEADER + "35 01 01 3c 10 706b7463");
        assertThatThrownBy(() -> DhcpMessage.decode(wire)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("option 60")
                .extracting(e -> ((DecodeException) e).offset()).isEqualTo(243);
    }

    @Test
    void rejectsOptionWithoutLengthByte() {
        byte[] wire = Hex.bytes(Vectors.DISCOVER_HEADER + "35 01 01 3c");
        assertThatThrownBy(() -> DhcpMessage.decode(wire)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("no length byte");
    }

    @Test
    void acceptsMissingEndOptionAsWiresharkDoes() throws DecodeException {
        DhcpMessage m = DhcpMessage.decode(Hex.bytes(Vectors.DISCOVER_HEADER + "35 01 03"));
        assertThat(m.options().messageType()).contains(DhcpMessageType.REQUEST);
    }

    @Test
    void acceptsMessageWithCookieAndNoOptions() throws DecodeException {
        DhcpMessage m = DhcpMessage.decode(Hex.bytes(Vectors.DISCOVER_HEADER));
        assertThat(m.options().size()).isZero();
        assertThat(m.options()).isSameAs(DhcpOptions.EMPTY);
    }

    @Test
    void skipsPadOptionsAndIgnoresBytesAfterEnd() throws DecodeException {
        // RFC 2132 sections 3.1 and 3.2: pad is one byte, nothing after end is an option.
        DhcpMessage m = DhcpMessage.decode(Hex.bytes(Vectors.DISCOVER_HEADER + "00 00 35 01 05 00 ff 33 04"));
        assertThat(m.options().asList()).containsExactly(DhcpOption.uint8(53, 5));
    }

    @Test
    void joinsRepeatedInstancesOfAnOptionInOrder() throws DecodeException {
        // RFC 3396 section 5: instances concatenate; the option stays where it first appeared.
        DhcpMessage m = DhcpMessage.decode(Hex.bytes(Vectors.DISCOVER_HEADER
                + "0c 02 6d74 35 01 01 0c 01 61 0c 00 0c 02 2d31 ff"));
        assertThat(m.options().asList()).extracting(DhcpOption::code).containsExactly(12, 53);
        assertThat(m.options().hostName()).contains("mta-1");
    }

    @Test
    void splitsOptionLongerThan255BytesIntoConsecutiveInstances() throws DecodeException {
        byte[] big = new byte[600];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        DhcpMessage m = DhcpMessage.builder().option(DhcpOption.of(43, big)).build();
        byte[] wire = m.encode();
        int p = DhcpMessage.HEADER_LENGTH;
        assertThat(wire[p] & 0xff).isEqualTo(43);
        assertThat(wire[p + 1] & 0xff).isEqualTo(255);
        assertThat(wire[p + 257] & 0xff).isEqualTo(43);
        assertThat(wire[p + 258] & 0xff).isEqualTo(255);
        assertThat(wire[p + 514] & 0xff).isEqualTo(43);
        assertThat(wire[p + 515] & 0xff).isEqualTo(90);
        assertThat(wire[p + 606] & 0xff).isEqualTo(255);
        assertThat(wire).hasSize(240 + 606 + 1);
        assertThat(DhcpMessage.decode(wire).options().get(43).orElseThrow().value()).isEqualTo(big);
    }

    @Test
    void encodesEmptyOptionAsCodeAndZeroLength() throws DecodeException {
        byte[] wire = DhcpMessage.builder().option(DhcpOption.of(80, new byte[0])).build().encode();
        assertThat(Arrays.copyOfRange(wire, 240, 243)).isEqualTo(Hex.bytes("50 00 ff"));
        assertThat(DhcpMessage.decode(wire).options().get(80).orElseThrow().length()).isZero();
    }

    @Test
    void padsEncodingToTheBootpMinimumOf300Bytes() {
        byte[] wire = DhcpMessage.builder().option(DhcpMessageType.DISCOVER.toOption()).build().encode();
        assertThat(wire).hasSize(300);
        assertThat(Arrays.copyOfRange(wire, 240, 244)).isEqualTo(Hex.bytes("35 01 01 ff"));
        assertThat(Arrays.copyOfRange(wire, 244, 300)).containsOnly(0);
    }

    @Test
    void encodesHeaderFieldsAtTheirRfc2131Offsets() {
        byte[] wire = DhcpMessage.builder().op(2).htype(1).hardwareAddress(Hex.bytes("001122334455"))
                .hops(3).xid(0xdeadbeef).secs(0x0102).broadcast(true)
                .ciaddr(Ipv4Address.of(1, 2, 3, 4)).yiaddr(Ipv4Address.of(5, 6, 7, 8))
                .siaddr(Ipv4Address.of(9, 10, 11, 12)).giaddr(Ipv4Address.of(13, 14, 15, 16))
                .serverName("tftp").fileName("cfg.bin").minimumLength(240).build().encode();
        assertThat(Arrays.copyOfRange(wire, 0, 34)).isEqualTo(Hex.bytes(
                "02 01 06 03 deadbeef 0102 8000 01020304 05060708 090a0b0c 0d0e0f10 001122334455"));
        assertThat(Arrays.copyOfRange(wire, 44, 49)).isEqualTo(Hex.bytes("7466747000"));
        assertThat(Arrays.copyOfRange(wire, 108, 116)).isEqualTo(Hex.bytes(Hex.ascii("cfg.bin") + "00"));
        assertThat(Arrays.copyOfRange(wire, 236, 241)).isEqualTo(Hex.bytes("63825363 ff"));
        assertThat(wire).hasSize(241);
    }

    @Test
    void decodesOptionsOverloadedIntoFileThenSname() throws DecodeException {
        // RFC 2132 section 9.3 (52 = 3: both fields), RFC 3396 section 5 order: options, file, sname.
        byte[] wire = Hex.bytes(Vectors.DISCOVER_HEADER + "34 01 03 0c 02 6d74 ff");
        System.arraycopy(Hex.bytes("0c 01 61 35 01 02 ff"), 0, wire, 108, 7);   // file
        System.arraycopy(Hex.bytes("0c 02 2d32 0f 03 636f6d"), 0, wire, 44, 9);   // sname, no end
        DhcpMessage m = DhcpMessage.decode(wire);
        assertThat(m.options().hostName()).contains("mta-2");
        assertThat(m.options().messageType()).contains(DhcpMessageType.OFFER);
        assertThat(m.options().domainName()).contains("com");
        assertThat(m.options().contains(DhcpOptionCode.OVERLOAD)).isFalse();
        assertThat(m.sname()).containsOnly(0);
        assertThat(m.file()).containsOnly(0);
    }

    @Test
    void decodesOverloadOfFileOnlyAndKeepsSname() throws DecodeException {
        byte[] wire = Hex.bytes(Vectors.DISCOVER_HEADER + "34 01 01 ff");
        System.arraycopy(Hex.bytes("35 01 05 ff"), 0, wire, 108, 4);
        System.arraycopy("srv".getBytes(), 0, wire, 44, 3);
        DhcpMessage m = DhcpMessage.decode(wire);
        assertThat(m.options().messageType()).contains(DhcpMessageType.ACK);
        assertThat(m.serverName()).isEqualTo("srv");
    }

    @Test
    void rejectsOverloadOptionWithInvalidValue() {
        for (String bad : new String[] {"34 01 00", "34 01 04", "34 02 0101", "34 01 01 34 01 01"}) {
            byte[] wire = Hex.bytes(Vectors.DISCOVER_HEADER + bad + " ff");
            assertThatThrownBy(() -> DhcpMessage.decode(wire)).as(bad).isInstanceOf(DecodeException.class)
                    .hasMessageContaining("option 52");
        }
    }

    @Test
    void rejectsOverloadedOptionRunningPastTheFileField() {
        byte[] wire = Hex.bytes(Vectors.DISCOVER_HEADER + "34 01 01 ff");
        wire[108 + 125] = 12;
        wire[108 + 126] = 5;
        assertThatThrownBy(() -> DhcpMessage.decode(wire)).isInstanceOf(DecodeException.class)
                .extracting(e -> ((DecodeException) e).offset()).isEqualTo(233);
    }

    @Test
    void encodeWithinMaxSizeSpillsIntoFileThenSnameUnderOption52() throws DecodeException {
        DhcpMessageBuilder b = DhcpMessage.builder().option(DhcpMessageType.OFFER.toOption());
        for (int code = 100; code < 104; code++) {
            b.option(DhcpOption.of(code, new byte[100]));
        }
        DhcpMessage m = b.option(DhcpOption.of(110, new byte[40])).build();
        byte[] wire = m.encode(576);
        assertThat(wire).hasSize(576);
        assertThat(Arrays.copyOfRange(wire, 240, 243)).isEqualTo(Hex.bytes("34 01 03"));
        DhcpMessage back = DhcpMessage.decode(wire);
        assertThat(back.options()).isEqualTo(m.options());
    }

    @Test
    void encodeWithinMaxSizeKeepsAnEmptyOptionAtTheSpillBoundary() throws DecodeException {
        // fuzz finding F1 (releng/bench/findings/F1-dhcp-encode576-drops-empty-option.hex): option 80
        // (Rapid Commit, RFC 4039, no value) right where options spill into 'file' was dropped
        DhcpMessage m = DhcpMessage.builder().option(DhcpMessageType.DISCOVER.toOption())
                .option(DhcpOption.of(43, new byte[252])).option(DhcpOption.of(44, new byte[72]))
                .option(DhcpOption.of(80, new byte[0]))
                .option(DhcpOption.addresses(3, Ipv4Address.parse("10.1.0.1"))).build();
        DhcpMessage back = DhcpMessage.decode(m.encode(576));
        assertThat(back.options()).isEqualTo(m.options());
        assertThat(back.options().get(80)).hasValueSatisfying(o -> assertThat(o.value()).isEmpty());
    }

    @Test
    void encodeWithinMaxSizeLeavesMessageAloneWhenItFits() throws DecodeException {
        DhcpMessage m = DhcpMessage.decode(Vectors.discover());
        assertThat(m.encode(576)).isEqualTo(Vectors.discover());
        byte[] padded = Arrays.copyOf(Vectors.discover(), 1000);
        assertThat(DhcpMessage.decode(padded).encode(576)).hasSize(576);
    }

    @Test
    void encodeWithinMaxSizeSplitsLongOptionAcrossFields() throws DecodeException {
        byte[] big = new byte[500];
        Arrays.fill(big, (byte) 7);
        DhcpMessage m = DhcpMessage.builder().option(DhcpOption.of(122, big)).build();
        DhcpMessage back = DhcpMessage.decode(m.encode(576));
        assertThat(back.options().get(122).orElseThrow().value()).isEqualTo(big);
    }

    @Test
    void encodeWithinMaxSizeRefusesUsedFieldsAndImpossibleSizes() {
        DhcpMessage m = DhcpMessage.builder().fileName("in-use.bin")
                .option(DhcpOption.of(100, new byte[250])).option(DhcpOption.of(101, new byte[250])).build();
        assertThatThrownBy(() -> m.encode(576)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not fit");
        assertThatThrownBy(() -> m.encode(100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replyCopiesRfc2131Table3FieldsFromRequest() throws DecodeException {
        DhcpMessage request = DhcpMessage.decode(Vectors.discover());
        DhcpMessage offer = DhcpMessageBuilder.replyTo(request).yiaddr(Ipv4Address.parse("10.1.0.50"))
                .option(StandardOptions.messageType(DhcpMessageType.OFFER)).build();
        assertThat(offer.op()).isEqualTo(DhcpMessage.BOOTREPLY);
        assertThat(offer.xid()).isEqualTo(request.xid());
        assertThat(offer.flags()).isEqualTo(request.flags());
        assertThat(offer.giaddr()).isEqualTo(request.giaddr());
        assertThat(offer.chaddr()).isEqualTo(request.chaddr());
        assertThat(offer.hops()).isZero();
        assertThat(offer.secs()).isZero();
        assertThat(offer.options().size()).isEqualTo(1);
    }

    @Test
    void toBuilderReplacesOptionInPlaceAndRemovesOthers() throws DecodeException {
        DhcpMessage m = DhcpMessage.decode(Vectors.discover()).toBuilder()
                .option(DhcpMessageType.REQUEST.toOption()).removeOption(82).broadcast(false).build();
        assertThat(m.options().asList()).extracting(DhcpOption::code).containsExactly(53, 61, 55, 60, 43);
        assertThat(m.options().messageType()).contains(DhcpMessageType.REQUEST);
        assertThat(m.broadcast()).isFalse();
        assertThat(m.xid()).isEqualTo(0x1a2b3c4d);
    }

    @Test
    void equalMessagesHaveEqualHashCodes() throws DecodeException {
        DhcpMessage a = DhcpMessage.decode(Vectors.discover());
        DhcpMessage b = DhcpMessage.decode(Vectors.discover());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(a.toBuilder().xid(1).build());
        assertThat(a.toString()).contains("00:11:22:33:44:55", "10.1.0.1");
    }

    @Test
    void builderRejectsValuesTheHeaderCannotCarry() {
        DhcpMessageBuilder b = DhcpMessage.builder();
        assertThatThrownBy(() -> b.op(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.secs(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.flags(0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.hardwareAddress(new byte[17])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.serverName("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.fileName("x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.minimumLength(239)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hardwareAddressIsLimitedToHlenAndTo16Bytes() throws DecodeException {
        byte[] wire = Vectors.discover();
        wire[2] = 40; // hlen beyond chaddr, kept raw
        DhcpMessage m = DhcpMessage.decode(wire);
        assertThat(m.hlen()).isEqualTo(40);
        assertThat(m.hardwareAddress()).hasSize(16);
        assertThat(m.encode()).isEqualTo(wire);
    }
}
