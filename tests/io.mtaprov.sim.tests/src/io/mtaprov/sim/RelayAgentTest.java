package io.mtaprov.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.tests.support.FreePorts;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

class RelayAgentTest {

    private static final Ipv4Address GIADDR = Ipv4Address.parse("127.81.9.1");

    /** A CI run once failed with "Address already in use" when an agent was re-bound right after its release. */
    @Test
    void agentCanBeReacquiredImmediatelyAfterItsLastRelease() throws Exception {
        int port = FreePorts.udp();
        for (int i = 0; i < 300; i++) {
            RelayAgent agent = RelayAgent.acquire(GIADDR, port);
            assertThat(agent.address().getPort()).isEqualTo(port);
            agent.release();
        }
    }

    @Test
    void replyReachesOnlyTheMtaWaitingForItsXidAndChaddr() throws Exception {
        int port = FreePorts.udp();
        RelayAgent agent = RelayAgent.acquire(GIADDR, port);
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            byte[] mac = {2, 0, 0, 0, 0, 1};
            BlockingQueue<byte[]> mine = agent.register(0x01020304, mac);
            BlockingQueue<byte[]> other = agent.register(0x01020305, mac);
            byte[] reply = new byte[300];
            reply[0] = 2; // BOOTREPLY
            reply[2] = 6;
            reply[4] = 1; reply[5] = 2; reply[6] = 3; reply[7] = 4;
            System.arraycopy(mac, 0, reply, 28, 6);
            server.send(new DatagramPacket(reply, reply.length, agent.address()));
            assertThat(RelayAgent.poll(mine, 2_000)).isEqualTo(reply);
            assertThat(RelayAgent.poll(other, 50)).isNull();
            agent.unregister(0x01020304, mac);
            agent.unregister(0x01020305, mac);
        } finally {
            agent.release();
        }
    }
}
