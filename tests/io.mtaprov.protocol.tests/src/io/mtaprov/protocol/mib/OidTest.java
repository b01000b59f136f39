package io.mtaprov.protocol.mib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.mtaprov.protocol.DecodeException;

class OidTest {
    // PROTOCOL.md hash TLV: 06 0e 2b ... 07 00 is the CableLabs hash OID 1.3.6.1.4.1.4491.2.2.1.1.2.7.0
    static final String CL_HASH_OID_BER = "2b06010401a30b0202010102 0700".replace(" ", "");

    @Test
    void encodesMultiByteArcsAsBase128() {
        Oid oid = Oid.parse("1.3.6.1.4.1.4491.2.2.1.1.2.7.0");
        byte[] out = new byte[oid.berContentLength()];
        oid.writeBerContent(out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo(CL_HASH_OID_BER);
    }

    @Test
    void decodesWhatItEncodes() throws DecodeException {
        byte[] b = HexFormat.of().parseHex(CL_HASH_OID_BER);
        assertThat(Oid.decodeBerContent(b, 0, b.length, 0)).isEqualTo(Oid.parse("1.3.6.1.4.1.4491.2.2.1.1.2.7.0"));
    }

    @Test
    void rejectsTruncatedSubIdentifier() {
        byte[] b = { 0x2b, (byte) 0x83 };
        assertThatThrownBy(() -> Oid.decodeBerContent(b, 0, 2, 0)).isInstanceOf(DecodeException.class);
    }

    @Test
    void keepsUnsignedArcs() {
        assertThat(Oid.parse(".1.3.4294967295").arc(2)).isEqualTo(4294967295L);
    }
}
