package io.mtaprov.protocol.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.protocol.DecodeException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapWriterTest {
    private static final InetSocketAddress MTA = new InetSocketAddress("10.1.2.3", 1293);
    private static final InetSocketAddress MPS = new InetSocketAddress("192.168.7.9", 1293);
    private static final Instant T0 = Instant.parse("2026-11-02T10:15:30.123456Z");

    @Test
    void roundTripsDatagramsThroughReader() throws DecodeException {
        byte[] odd = "odd length!".getBytes(StandardCharsets.US_ASCII);
        PcapWriter w = new PcapWriter().addUdp(T0, MTA, MPS, odd)
                .addUdp(T0.plusMillis(5), MPS, MTA, new byte[0])
                .addUdp(T0.plusSeconds(1), MPS, MTA, new byte[UdpRecord.MAX_PAYLOAD]);

        List<UdpRecord> read = PcapReader.read(w.toBytes());

        assertThat(read).containsExactlyElementsOf(w.records());
        assertThat(read.get(0).payload()).isEqualTo(odd);
        assertThat(read.get(0).source()).isEqualTo(MTA);
    }

    @Test
    void writesIpv4AndUdpChecksumsThatVerify() {
        // RFC 1071: summing a header including its checksum gives 0xffff, so value() == 0
        byte[] frame = PcapWriter.frame(new UdpRecord(T0, MTA, MPS, new byte[] {1, 2, 3}), 7);
        assertThat(new InternetChecksum().add(frame, 14, 20).value()).isZero();
        byte[] pseudo = HexFormat.of().parseHex("0a010203c0a80709" + "0011" + "000b");
        assertThat(new InternetChecksum().add(pseudo, 0, pseudo.length).add(frame, 34, 11).value())
                .isZero();
    }

    @Test
    void truncatesTimestampsToMicroseconds() throws DecodeException {
        Instant fine = Instant.parse("2026-11-02T10:15:30.123456789Z");
        byte[] file = new PcapWriter().addUdp(fine, MTA, MPS, new byte[1]).toBytes();
        assertThat(PcapReader.read(file).get(0).time()).isEqualTo(T0);
    }

    @Test
    void rejectsIpv6AndOversizedPayloads() {
        InetSocketAddress v6 = new InetSocketAddress("::1", 1293);
        assertThatThrownBy(() -> new PcapWriter().addUdp(T0, v6, MPS, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PcapWriter().addUdp(T0, MTA, MPS, new byte[UdpRecord.MAX_PAYLOAD + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tsharkDissectsUdpDatagramWithoutProblems() {
        byte[] payload = "hello tshark".getBytes(StandardCharsets.US_ASCII);
        byte[] pcap = new PcapWriter().addUdp(T0, new InetSocketAddress("10.0.0.1", 40000),
                new InetSocketAddress("10.0.0.2", 40001), payload).toBytes();

        TsharkJudge judge = TsharkJudge.of(pcap).assertClean();

        assertThat(judge.frameCount()).isEqualTo(1);
        assertThat(judge.field(1, "ip.src")).isEqualTo("10.0.0.1");
        assertThat(judge.field(1, "udp.dstport")).isEqualTo("40001");
        assertThat(judge.field(1, "ip.checksum.status")).isEqualTo("1"); // PROTO_CHECKSUM_E_GOOD = 1
        assertThat(judge.field(1, "udp.checksum.status")).isEqualTo("1");
        assertThat(judge.field(1, "data.data")).isEqualTo(HexFormat.of().formatHex(payload));
    }

    @Test
    void judgeReportsBadChecksum() {
        byte[] pcap = new PcapWriter().addUdp(T0, MTA, MPS, new byte[] {1, 2, 3, 4}).toBytes();
        pcap[pcap.length - 5] ^= 0x55; // the UDP checksum's low byte
        assertThat(TsharkJudge.of(pcap).problems()).anyMatch(p -> p.contains("checksum"));
    }
}
