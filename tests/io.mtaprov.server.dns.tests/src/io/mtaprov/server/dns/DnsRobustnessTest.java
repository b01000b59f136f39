package io.mtaprov.server.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.tests.support.Await;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Garbage, truncated, oversized and unexpected messages: answered or dropped, never fatal. */
class DnsRobustnessTest extends ServerFixture {

    void assertStillAnswers() throws IOException {
        assertThat(answers(client.udp("mps.mtaprov.lab", Type.A))).containsExactly("mps.mtaprov.lab. 300 A 10.1.0.10");
        assertThat(client.tcp(DnsClient.query("kdc.mtaprov.lab", Type.A)).get(0).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    void awaitTraced(String summaryPart) {
        Await.until("trace containing " + summaryPart, Duration.ofSeconds(5), () -> trace.events().stream()
                .anyMatch(e -> e.summary().contains(summaryPart) && e.outcome() == Outcome.REJECTED));
    }

    @Test
    void survivesRandomGarbageAndAnswersTheNextClient() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] junk = new byte[random.nextInt(700)];
            random.nextBytes(junk);
            client.udpSendOnly(junk);
        }
        Await.until("300 garbage datagrams handled", Duration.ofSeconds(10), () -> server.status().answered()
                + server.status().rejected() + server.status().dropped() >= 300);
        assertStillAnswers();
    }

    @Test
    void answersFormerrWithTheIdToEveryTruncationOfAValidQuery() throws IOException {
        byte[] wire = DnsClient.query("_kerberos._udp.HYBRID.2", Type.SRV).toWire();
        for (int length = 12; length < wire.length; length++) {
            byte[] cut = Arrays.copyOf(wire, length);
            Message m = new Message(client.udpRaw(cut));
            assertThat(m.getRcode()).as("cut at " + length).isEqualTo(Rcode.FORMERR);
            assertThat(m.getHeader().getID()).isEqualTo(((wire[0] & 0xff) << 8) | (wire[1] & 0xff));
        }
        awaitTraced("FORMERR malformed query");
        assertStillAnswers();
    }

    /** Found by the live-port fuzzer: with TC set, dnsjava stops where the message ends and keeps the counts. */
    @Test
    void answersFormerrToATruncatedQueryWhoseTcFlagHidesTheMissingQuestion() throws IOException {
        byte[] wire = DnsClient.query("mps.mtaprov.lab", Type.A).toWire();
        byte[] cut = Arrays.copyOf(wire, 12); // header only, QDCOUNT still 1
        cut[2] |= 0x02; // TC
        Message m = new Message(client.udpRaw(cut));
        assertThat(m.getRcode()).isEqualTo(Rcode.FORMERR);
        awaitTraced("FORMERR question missing");
        assertStillAnswers();
    }

    @Test
    void dropsDatagramsShorterThanAHeaderAndTracesWhy() throws IOException {
        client.udpSendOnly(new byte[0]);
        client.udpSendOnly(new byte[] {1, 2, 3});
        Await.until("2 dropped", Duration.ofSeconds(5), () -> server.status().dropped() == 2);
        awaitTraced("dropped: shorter than a DNS header");
        assertStillAnswers();
    }

    @Test
    void dropsOversizedDatagramsAndTracesWhy() throws IOException {
        byte[] huge = Arrays.copyOf(DnsClient.query("mps.mtaprov.lab", Type.A).toWire(), 60_000);
        client.udpSendOnly(huge);
        client.udpSendOnly(Arrays.copyOf(huge, UdpTransport.MAX_QUERY + 1));
        Await.until("2 dropped", Duration.ofSeconds(5), () -> server.status().dropped() == 2);
        awaitTraced("dropped: oversized query");
        assertStillAnswers();
    }

    @Test
    void dropsResponsesSoThatTwoServersCannotPingPong() throws IOException {
        byte[] response = DnsClient.query("mps.mtaprov.lab", Type.A).toWire();
        response[2] |= (byte) 0x80; // QR
        client.udpSendOnly(response);
        awaitTraced("dropped: a response, not a query");
        assertStillAnswers();
    }

    @Test
    void answersNotimpToOpcodesOtherThanQuery() throws IOException {
        for (int opcode : new int[] {Opcode.IQUERY, Opcode.STATUS, Opcode.NOTIFY, Opcode.UPDATE}) {
            Message q = DnsClient.query("mtaprov.lab", Type.SOA);
            q.getHeader().setOpcode(opcode);
            Message m = new Message(client.udpRaw(q.toWire()));
            assertThat(m.getRcode()).as(Opcode.string(opcode)).isEqualTo(Rcode.NOTIMP);
            assertThat(m.getHeader().getOpcode()).isEqualTo(opcode);
            assertThat(m.getHeader().getID()).isEqualTo(q.getHeader().getID());
        }
        awaitTraced("NOTIMP opcode NOTIFY");
        Await.until("4 rejected", Duration.ofSeconds(5), () -> server.status().rejected() == 4);
    }

    @Test
    void answersFormerrToAQueryWithTwoQuestions() throws IOException {
        Message q = DnsClient.query("mps.mtaprov.lab", Type.A);
        q.addRecord(DnsClient.query("kdc.mtaprov.lab", Type.A).getQuestion(), org.xbill.DNS.Section.QUESTION);
        assertThat(new Message(client.udpRaw(q.toWire())).getRcode()).isEqualTo(Rcode.FORMERR);
        awaitTraced("FORMERR 2 questions");
    }

    @Test
    void survivesTcpGarbageShortMessagesAndConnectionsCutMidMessage() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.boundPort())) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeShort(3);
            out.write(new byte[] {1, 2, 3});
            out.writeShort(100);
            out.write(new byte[10]); // then close: the message is cut short
        }
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.boundPort())) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        awaitTraced("dropped: TCP message cut short");
        assertStillAnswers();
    }
}
