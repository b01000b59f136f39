package io.mtaprov.sim;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.dhcp.ClientConfiguration;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageBuilder;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.ProvisioningServer;
import io.mtaprov.protocol.dhcp.StandardOptions;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for the console's DHCP server (written concurrently): answers DISCOVER with an OFFER
 * and REQUEST with an ACK of a 127.77.x.y address, option 6 and option 122 (provisioning server,
 * realm), and for the Basic flow siaddr + file; replies to the request's source address and port,
 * or to giaddr on its own port when relayed.
 */
final class FakeDhcpServer implements AutoCloseable {
    final DatagramSocket socket;
    final List<DhcpMessage> received = new CopyOnWriteArrayList<>();
    final Map<String, Ipv4Address> leases = new ConcurrentHashMap<>();
    final AtomicInteger dropDiscovers = new AtomicInteger();
    volatile String realm = "HYBRID.2";
    /** The realm of the scope behind a relay (giaddr), as CMTS scopes have; others get {@link #realm}. */
    final Map<Ipv4Address, String> realmByRelay = new ConcurrentHashMap<>();
    volatile ProvisioningServer provisioningServer = new ProvisioningServer.Address(Ipv4Address.parse("127.0.0.1"));
    volatile Ipv4Address dns = Ipv4Address.parse("127.0.0.1");
    /** Basic flow: the file name for a MAC (the test stores the file). */
    volatile Function<String, String> basicFile = mac -> "";
    private final AtomicInteger next = new AtomicInteger();
    private final Thread loop;

    FakeDhcpServer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        loop = new Thread(this::serve, "fake-dhcp");
        loop.setDaemon(true);
        loop.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buf = new byte[1500];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                p.setLength(buf.length);
                socket.receive(p);
                DhcpMessage m = DhcpMessage.decode(Arrays.copyOf(buf, p.getLength()));
                received.add(m);
                DhcpMessage reply = answer(m);
                if (reply != null) {
                    byte[] out = reply.encode();
                    // RFC 2131 section 4.1: relayed replies go to giaddr on the server port
                    socket.send(new DatagramPacket(out, out.length, m.giaddr().bits() != 0
                            ? new InetSocketAddress(m.giaddr().toInetAddress(), port()) : p.getSocketAddress()));
                }
            } catch (IOException | DecodeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private DhcpMessage answer(DhcpMessage m) throws DecodeException {
        DhcpMessageType type = m.options().messageType().orElseThrow();
        if (type == DhcpMessageType.DISCOVER && dropDiscovers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return null;
        }
        String mac = m.hardwareAddressText().toLowerCase(java.util.Locale.ROOT);
        Ipv4Address ip = leases.computeIfAbsent(mac, k -> {
            int n = next.incrementAndGet();
            return Ipv4Address.of(127, 77, n / 250, n % 250 + 1);
        });
        String realm = m.giaddr().bits() != 0 ? realmByRelay.getOrDefault(m.giaddr(), this.realm) : this.realm;
        DhcpMessageBuilder b = DhcpMessageBuilder.replyTo(m).yiaddr(ip)
                .option(StandardOptions.messageType(type == DhcpMessageType.DISCOVER ? DhcpMessageType.OFFER
                        : DhcpMessageType.ACK))
                .option(StandardOptions.serverId(Ipv4Address.parse("127.0.0.1")))
                .option(StandardOptions.leaseTime(3600))
                .option(StandardOptions.subnetMask(Ipv4Address.parse("255.0.0.0")))
                .option(StandardOptions.dnsServers(List.of(dns)))
                .option(ClientConfiguration.builder().provisioningServer(provisioningServer).kerberosRealm(realm)
                        .build().toOption());
        if (realm.startsWith("BASIC")) {
            b.siaddr(Ipv4Address.parse("127.0.0.1")).fileName(basicFile.apply(mac));
        }
        return b.build();
    }

    /** The DISCOVERs received. */
    List<DhcpMessage> discovers() {
        return received.stream().filter(m -> {
            try {
                return m.options().messageType().orElse(null) == DhcpMessageType.DISCOVER;
            } catch (DecodeException e) {
                return false;
            }
        }).toList();
    }

    @Override
    public void close() {
        socket.close();
    }
}
