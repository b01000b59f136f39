package io.mtaprov.server.dns;

import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Starts a DnsServer on an ephemeral loopback port (UDP and TCP) for each test, with a client. */
abstract class ServerFixture {
    /** Distinct addresses, so that a test sees which record answered. */
    static final ProvisioningNetwork NET = new ProvisioningNetwork("mtaprov.lab", "HYBRID.2", "mps.mtaprov.lab",
            "10.1.0.10", "kdc.mtaprov.lab", "10.1.0.11", "tftp.mtaprov.lab", "10.1.0.12", "10.1.0.2");

    final RecordingTraceBus trace = new RecordingTraceBus();
    final MemoryLeases leases = new MemoryLeases();
    DnsServer server;
    DnsClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = start(NET, DnsServer.DEFAULT_KDC_PORT);
        client = new DnsClient(server.boundPort());
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.stop().join();
    }

    DnsServer start(ProvisioningNetwork net, int kdcPort) {
        DnsServer s = new DnsServer(new ServerSettings("127.0.0.1", 0, true), net, kdcPort, leases, trace);
        s.start().join();
        return s;
    }

    /** The records of a section as "owner TTL TYPE rdata". */
    static List<String> section(Message m, int section) {
        return m.getSection(section).stream().map(ServerFixture::text).collect(Collectors.toList());
    }

    static String text(Record r) {
        return r.getName() + " " + r.getTTL() + " " + Type.string(r.getType()) + " " + r.rdataToString();
    }

    static List<String> answers(Message m) {
        return section(m, Section.ANSWER);
    }
}
