package io.mtaprov.sim;

import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.server.tftp.TftpServer;
import io.mtaprov.tests.support.FreePorts;
import io.mtaprov.tests.support.MemoryFileStore;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The peers of a simulated MTA on loopback: a fake DHCP server, a fake MPS, the real TFTP server on
 * a memory store, and settings that point the simulator at them with short lab timers.
 */
final class Lab implements AutoCloseable {
    final MemoryFileStore files = new MemoryFileStore();
    final RecordingTraceBus trace = new RecordingTraceBus();
    final TftpServer tftp;
    final FakeDhcpServer dhcp;
    final FakeMps mps;
    final int mtaSnmpPort = FreePorts.udp();
    final SimSettings settings;

    Lab() throws IOException {
        int tftpPort = FreePorts.udp();
        tftp = new TftpServer(new ServerSettings("127.0.0.1", tftpPort, true), files, new RecordingTraceBus());
        tftp.start().join();
        dhcp = new FakeDhcpServer();
        mps = new FakeMps(mtaSnmpPort, files, tftpPort);
        settings = SimSettings.builder().dhcpServer(new InetSocketAddress("127.0.0.1", dhcp.port()))
                .dhcpTimeouts(Duration.ofMillis(200), Duration.ofMillis(800), 4).mpsPort(mps.port)
                .mtaSnmpPort(mtaSnmpPort).snmp(Duration.ofMillis(500), 2).setWait(Duration.ofSeconds(10))
                .tftp(Duration.ofMillis(500), 4).basicTftpPort(tftpPort).build();
    }

    SimulatedMta mta(MtaProfile p) {
        return new SimulatedMta(p, settings, null, trace, SecureFlowSteps.NOT_IMPLEMENTED);
    }

    @Override
    public void close() throws IOException {
        mps.close();
        dhcp.close();
        tftp.stop().join();
    }
}
