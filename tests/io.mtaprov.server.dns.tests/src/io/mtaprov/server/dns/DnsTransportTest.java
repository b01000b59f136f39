package io.mtaprov.server.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** TCP framing (RFC 1035 4.2.2, RFC 7766), EDNS0 (RFC 6891) and truncation (TC). */
class DnsTransportTest extends ServerFixture {

    /** Binds this many MTAs under one name: 40 A records do not fit in 512 bytes. */
    void bindManyMtasUnder(String name, int count) {
        for (int i = 0; i < count; i++) {
            server.handleEvent(MemoryLeases.changed(MemoryLeases.lease(String.format("00:10:95:00:01:%02x", i),
                    "10.9.0." + (i + 1), name, Lease.State.BOUND)));
        }
    }

    @Test
    void answersPipelinedQueriesOverTcpInOrder() throws IOException {
        List<Message> answers = client.tcp(DnsClient.query("mps.mtaprov.lab", Type.A),
                DnsClient.query("_kerberos._udp.HYBRID.2", Type.SRV), DnsClient.query("gone.mtaprov.lab", Type.A));
        assertThat(answers).extracting(Message::getRcode).containsExactly(Rcode.NOERROR, Rcode.NOERROR, Rcode.NXDOMAIN);
        assertThat(answers).allSatisfy(m -> assertThat(m.getHeader().getFlag(Flags.AA)).isTrue());
        assertThat(answers(answers.get(0))).containsExactly("mps.mtaprov.lab. 300 A 10.1.0.10");
        assertThat(answers(answers.get(1))).containsExactly("_kerberos._udp.HYBRID.2. 300 SRV 0 0 88 kdc.mtaprov.lab.");
    }

    @Test
    void echoesAnOptRecordWithItsOwnPayloadSizeAndTheDoBit() throws IOException {
        Message q = DnsClient.query("kdc.mtaprov.lab", Type.A);
        q.addRecord(new OPTRecord(4096, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        Message m = client.udp(q);
        OPTRecord opt = m.getOPT();
        assertThat(opt).as("OPT in the response").isNotNull();
        assertThat(opt.getPayloadSize()).isEqualTo(QueryHandler.ADVERTISED_PAYLOAD);
        assertThat(opt.getVersion()).isZero();
        assertThat(opt.getFlags() & ExtendedFlags.DO).isEqualTo(ExtendedFlags.DO);
        assertThat(answers(m)).containsExactly("kdc.mtaprov.lab. 300 A 10.1.0.11");
    }

    @Test
    void answersWithoutOptWhenTheQueryHadNone() throws IOException {
        assertThat(client.udp("kdc.mtaprov.lab", Type.A).getOPT()).isNull();
    }

    @Test
    void answersBadversToAnUnknownEdnsVersion() throws IOException {
        Message m = client.udp(DnsClient.ednsQuery("mps.mtaprov.lab", Type.A, 1232, 1));
        assertThat(m.getRcode()).as("extended RCODE").isEqualTo(QueryHandler.BADVERS);
        assertThat(m.getOPT().getVersion()).isZero();
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void setsTcOnAUdpAnswerLargerThan512BytesWithoutEdns() throws IOException {
        bindManyMtasUnder("shared.mtaprov.lab", 40);
        Message m = client.udp("shared.mtaprov.lab", Type.A);
        assertThat(m.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(m.toWire().length).isLessThanOrEqualTo(512);
    }

    @Test
    void honoursTheClientsEdnsPayloadSize() throws IOException {
        bindManyMtasUnder("shared.mtaprov.lab", 40);
        Message small = client.udp(DnsClient.ednsQuery("shared.mtaprov.lab", Type.A, 600, 0));
        assertThat(small.getHeader().getFlag(Flags.TC)).as("40 A records need about 680 bytes").isTrue();
        assertThat(small.getOPT()).as("OPT kept in a truncated answer").isNotNull();
        Message big = client.udp(DnsClient.ednsQuery("shared.mtaprov.lab", Type.A, 1232, 0));
        assertThat(big.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(big.getSection(Section.ANSWER)).hasSize(40);
        Message tiny = client.udp(DnsClient.ednsQuery("mps.mtaprov.lab", Type.A, 100, 0));
        assertThat(tiny.getHeader().getFlag(Flags.TC)).as("below 512 counts as 512 (RFC 6891 6.2.5)").isFalse();
    }

    @Test
    void servesTheWholeAnswerOverTcpAfterTruncation() throws IOException {
        bindManyMtasUnder("shared.mtaprov.lab", 40);
        Message m = client.tcp(DnsClient.query("shared.mtaprov.lab", Type.A)).get(0);
        assertThat(m.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(m.getSection(Section.ANSWER)).hasSize(40);
    }
}
