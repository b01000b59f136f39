package io.mtaprov.protocol.km;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.protocol.pcap.PcapWriter;
import io.mtaprov.protocol.pcap.TsharkJudge;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Wireshark's {@code pktc.mtafqdn} dissector (UDP 2246 by default) as the oracle of the layout. */
class MtaFqdnTsharkTest {
    private static final InetSocketAddress KDC = new InetSocketAddress("10.0.0.3", 50000);
    private static final InetSocketAddress MPS = new InetSocketAddress("10.0.0.2", 2246);
    private static final Instant T0 = Instant.parse("2026-11-02T10:15:30Z");

    @Test
    void requestAndReplyDissectWithEncodedFields() throws Exception {
        byte[] request = new MtaFqdnMessage(KerberosFixtures.apReq(),
                KerberosFixtures.krbSafe(MtaFqdnTest.request().encode())).encode();
        byte[] reply = new MtaFqdnMessage(KerberosFixtures.apRep(),
                KerberosFixtures.krbSafe(MtaFqdnTest.reply().encode())).encode();
        byte[] pcap = new PcapWriter().addUdp(T0, KDC, MPS, request)
                .addUdp(T0.plusMillis(3), MPS, KDC, reply).toBytes();

        TsharkJudge judge = TsharkJudge.of(pcap).assertClean();

        assertThat(judge.fields(1, "kerberos.msg_type")).containsExactly("14", "20");
        assertThat(judge.field(1, "pktc.mtafqdn.msgtype")).isEqualTo("1");
        assertThat(judge.field(1, "pktc.mtafqdn.enterprise")).isEqualTo("4491");
        assertThat(judge.field(1, "pktc.mtafqdn.version")).isEqualTo("1");
        assertThat(judge.field(1, "pktc.mtafqdn.mac")).isEqualTo("00:11:22:33:44:55");
        assertThat(judge.field(1, "pktc.mtafqdn.pub_key_hash"))
                .isEqualTo(HexFormat.of().formatHex(MtaFqdnTest.KEY_HASH));
        assertThat(judge.fields(1, "pktc.mtafqdn.manu_cert_revoked")).hasSize(1);
        assertThat(judge.fields(2, "kerberos.msg_type")).containsExactly("15", "20");
        assertThat(judge.field(2, "pktc.mtafqdn.msgtype")).isEqualTo("2");
        assertThat(judge.field(2, "pktc.mtafqdn.fqdn")).isEqualTo("mta1.example.com");
        assertThat(judge.field(2, "pktc.mtafqdn.ip")).isEqualTo("10.0.0.88");
    }

    @Test
    void errorReplyDissectsWithoutProblems() {
        byte[] error = new MtaFqdnMessage(KerberosFixtures.apRep(), KerberosFixtures.krbSafe(
                new MtaFqdnUserData.ErrorReply(MtaFqdnUserData.CABLELABS, 1, 1).encode())).encode();
        TsharkJudge judge = TsharkJudge.of(new PcapWriter().addUdp(T0, MPS, KDC, error).toBytes())
                .assertClean();
        assertThat(judge.field(1, "pktc.mtafqdn.msgtype")).isEqualTo("3");
    }
}
