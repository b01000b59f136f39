package io.mtaprov.protocol.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.protocol.DecodeException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PcapReaderTest {
    /**
     * Little-endian, nanosecond pcap with LINKTYPE_RAW (101) holding one IPv4/UDP datagram
     * 10.0.0.1:53 -> 10.0.0.2:1024, payload "ab"; hand-built after draft-ietf-opsawg-pcap.
     */
    private static final String RAW_LE_NANOS = "4d3cb2a1" + "0200" + "0400" + "00000000" + "00000000"
            + "00000400" + "65000000"
            + "01000000" + "05000000" + "1e000000" + "1e000000"
            + "4500001e00000000401100000a0000010a000002" + "00350400000a0000" + "6162";

    @Test
    void readsLittleEndianNanosecondRawIpFile() throws DecodeException {
        UdpRecord r = PcapReader.read(HexFormat.of().parseHex(RAW_LE_NANOS)).get(0);
        assertThat(r.time()).isEqualTo(Instant.ofEpochSecond(1, 5));
        assertThat(r.source()).isEqualTo(new InetSocketAddress("10.0.0.1", 53));
        assertThat(r.destination()).isEqualTo(new InetSocketAddress("10.0.0.2", 1024));
        assertThat(r.payload()).containsExactly('a', 'b');
    }

    @Test
    void rejectsUnknownMagic() {
        byte[] f = HexFormat.of().parseHex(RAW_LE_NANOS);
        f[0] = 0;
        assertThatThrownBy(() -> PcapReader.read(f)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("magic");
    }

    @Test
    void rejectsRecordLongerThanFile() {
        byte[] f = HexFormat.of().parseHex(RAW_LE_NANOS.substring(0, RAW_LE_NANOS.length() - 2));
        assertThatThrownBy(() -> PcapReader.read(f)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("exceeds the file");
    }

    @Test
    void rejectsUdpLengthBeyondIpDatagram() {
        byte[] f = HexFormat.of().parseHex(RAW_LE_NANOS);
        f[24 + 16 + 20 + 5] = 0x20;
        assertThatThrownBy(() -> PcapReader.read(f)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("UDP length");
    }

    @Test
    void skipsNonUdpFrames() throws DecodeException {
        byte[] f = HexFormat.of().parseHex(RAW_LE_NANOS);
        f[24 + 16 + 9] = 6; // TCP
        assertThat(PcapReader.read(f)).isEmpty();
    }
}
