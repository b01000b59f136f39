package io.mtaprov.protocol.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VendorClassTest {

    @Test
    void decodesCapabilitiesOfARealEmta() throws DecodeException {
        VendorClass v = VendorClass.decode(Vectors.PKTC10_VENDOR_CLASS.getBytes());
        assertThat(v.identifier()).isEqualTo("pktc1.0");
        assertThat(v.isPacketCable()).isTrue();
        assertThat(v.isDocsis()).isFalse();
        DeviceCapabilities c = v.capabilities().orElseThrow();
        assertThat(c.packetCable()).isTrue();
        assertThat(c.version()).hasValue(0);
        assertThat(c.endpoints()).hasValue(2);
        assertThat(c.nvramTicketStorage()).hasValue(1);
        assertThat(c.codecs()).containsExactly(6, 9, 3, 4);
        assertThat(c.firstIfIndex()).hasValue(9);
        assertThat(c.supportedFlows()).hasValue(DeviceCapabilities.FLOW_SECURE
                | DeviceCapabilities.FLOW_HYBRID | DeviceCapabilities.FLOW_BASIC);
        assertThat(c.asList()).extracting(DeviceCapability::type)
                .containsExactly(0x01, 0x02, 0x09, 0x0b, 0x0c, 0x0d, 0x0f, 0x10, 0x12);
        assertThat(c.get(0x0c).orElseThrow().name()).isEqualTo("Silence Suppression Support");
        assertThat(c.get(0x12).orElseThrow().name()).isEqualTo("Supported Provisioning Flows");
        assertThat(CapabilityNames.codec(6)).isEqualTo("PCMU");
        assertThat(CapabilityNames.codec(9)).isEqualTo("PCMA");
        assertThat(CapabilityNames.codec(99)).isEqualTo("codec 99");
        assertThat(c.mibSupport()).isEmpty();
    }

    @Test
    void roundTripsVendorClassByteExact() throws DecodeException {
        byte[] raw = Vectors.PKTC10_VENDOR_CLASS.getBytes();
        assertThat(VendorClass.decode(ByteBuffer.wrap(raw)).encode()).isEqualTo(raw);
        assertThat(VendorClass.decode(raw).toOption().value()).isEqualTo(raw);
    }

    @Test
    void buildsTheRealEmtaVectorFromCapabilities() {
        DeviceCapabilities c = DeviceCapabilities.builder(true).add(0x01, (byte) 0).add(0x02, (byte) 2)
                .add(0x09, (byte) 1).add(0x0b, (byte) 6, (byte) 9, (byte) 3, (byte) 4).add(0x0c, (byte) 1)
                .add(0x0d, (byte) 1).add(0x0f, (byte) 1).add(0x10, (byte) 9).add(0x12, (byte) 0, (byte) 7)
                .build();
        assertThat(VendorClass.withCapabilities("pktc1.0", c).text()).isEqualTo(Vectors.PKTC10_VENDOR_CLASS);
    }

    @Test
    void acceptsUpperCaseHexAndKeepsItsBytes() throws DecodeException {
        String upper = "pktc1.5:" + Vectors.PKTC10_VENDOR_CLASS.substring(8).toUpperCase();
        VendorClass v = VendorClass.of(upper);
        assertThat(v.capabilities().orElseThrow().endpoints()).hasValue(2);
        assertThat(v.text()).isEqualTo(upper);
    }

    @Test
    void decodesMibSupportEntries() throws DecodeException {
        // capability 0x17: entries of length 02, organisation, bitmask (PROTOCOL.md, Wireshark)
        VendorClass v = VendorClass.of("pktc1.5:050817060200380201 07".replace(" ", ""));
        assertThat(v.capabilities().orElseThrow().mibSupport())
                .containsExactly(new MibSupport(MibSupport.CABLELABS, 0x38), new MibSupport(MibSupport.IETF, 0x07));
        assertThat(new MibSupport(MibSupport.IETF, 7).mtaMib()).isTrue();
    }

    @Test
    void keepsUnknownCapabilitiesAndTopLevelTlvs() throws DecodeException {
        VendorClass v = VendorClass.of("pktc2.0:0103aabbcc0503" + "7f01ee");
        DeviceCapabilities c = v.capabilities().orElseThrow();
        assertThat(c.asList()).singleElement().satisfies(x -> {
            assertThat(x.type()).isEqualTo(0x7f);
            assertThat(x.value()).containsExactly(0xee);
            assertThat(x.name()).isEqualTo("unknown capability 127");
            assertThat(x.unsignedValue()).isEqualTo(0xee);
        });
        assertThat(v.encode()).isEqualTo("pktc2.0:0103aabbcc05037f01ee".getBytes());
    }

    @Test
    void namesDocsisModemCapabilitiesWithoutPacketCableGetters() throws DecodeException {
        VendorClass v = VendorClass.of("docsis3.0:0506010101020102");
        DeviceCapabilities c = v.capabilities().orElseThrow();
        assertThat(v.isDocsis()).isTrue();
        assertThat(c.packetCable()).isFalse();
        assertThat(c.get(1).orElseThrow().name()).isEqualTo("Concatenation Support");
        assertThat(c.get(2).orElseThrow().name()).isEqualTo("DOCSIS Version");
        assertThat(c.version()).isEmpty();
        assertThat(c.codecs()).isEmpty();
    }

    @Test
    void treatsOtherClassesAsOpaqueText() throws DecodeException {
        VendorClass v = VendorClass.decode("MSFT 5.0".getBytes());
        assertThat(v.identifier()).isEqualTo("MSFT 5.0");
        assertThat(v.capabilities()).isEmpty();
        assertThat(v.isPacketCable()).isFalse();
        assertThat(VendorClass.of("udhcp:zz").capabilities()).isEmpty();
        assertThat(VendorClass.of("pktc1.0").capabilities()).isEmpty();
        assertThat(VendorClass.of("pktc1.0:").capabilities()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "pktc1.0:051",                 // odd number of hex digits
        "pktc1.0:05zz",                // not hex
        "pktc1.0:0510010100",          // TLV 5 longer than the data
        "pktc1.0:05",                  // TLV without length
        "pktc1.0:0503010200",          // version of 2 bytes
        "pktc1.0:05021200",            // flows of 0 bytes
        "pktc1.0:05051203000007",      // flows of 3 bytes
        "pktc1.0:0505170303000f",      // MIB entry of length 3
        "pktc1.0:050417020200",        // MIB entries not a multiple of 3
        "pktc1.0:050301",              // capability runs past TLV 5
        "docsis3.0:05030101"           // capability runs past TLV 5
    })
    void rejectsMalformedPacketCableVendorClass(String text) {
        assertThatThrownBy(() -> VendorClass.decode(text.getBytes())).isInstanceOf(DecodeException.class);
    }

    @Test
    void rejectsNonHexWithTheOffsetOfTheCharacter() {
        assertThatThrownBy(() -> VendorClass.decode("pktc1.0:05g0".getBytes()))
                .isInstanceOf(DecodeException.class)
                .extracting(e -> ((DecodeException) e).offset()).isEqualTo(10);
    }

    @Test
    void builderRejectsMalformedCapabilitiesAndBadIdentifiers() {
        assertThatThrownBy(() -> DeviceCapabilities.builder(true).add(0x01, (byte) 1, (byte) 2).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceCapabilities.builder(true).add(0x08, new byte[254]).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VendorClass.withCapabilities("pktc:1", DeviceCapabilities.builder(true).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VendorClass.of("pktc1.0:0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VendorClass.of("caf\u00e9")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityFollowsTheBytes() {
        VendorClass a = VendorClass.of(Vectors.PKTC10_VENDOR_CLASS);
        assertThat(a).isEqualTo(VendorClass.of(Vectors.PKTC10_VENDOR_CLASS)).hasSameHashCodeAs(VendorClass.of(Vectors.PKTC10_VENDOR_CLASS));
        assertThat(a.toString()).isEqualTo(Vectors.PKTC10_VENDOR_CLASS);
        assertThat(a.capabilities().orElseThrow().toString()).contains("01 PacketCable Version = 00");
    }
}
