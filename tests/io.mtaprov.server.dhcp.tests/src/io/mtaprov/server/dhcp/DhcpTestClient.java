package io.mtaprov.server.dhcp;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageBuilder;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.DhcpOption;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.StandardOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.HexFormat;
import java.util.Optional;

/** A loopback DHCP client (or relay, when bound to the giaddr and the server port) for tests. */
final class DhcpTestClient implements AutoCloseable {
    /** A PacketCable 1.5 eMTA's option 60 (PROTOCOL.md example with version 01: all three flows). */
    static final String MTA_VENDOR_CLASS = "pktc1.5:051f0101010201020901010b04060903040c01010d01010f010110010912020007";
    /** Option 43 with CableLabs sub-options 2 "EMTA" and 4 serial number. */
    static final byte[] MTA_OPTION_43 = HexFormat.of().parseHex("0204454d5441" + "0408" + "3132333435363738");
    final DatagramSocket socket;
    final int serverPort;
    private int xid = 0x1000;

    DhcpTestClient(String bind, int bindPort, int serverPort) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(bind), bindPort));
            socket.setSoTimeout(2000);
            socket.setReceiveBufferSize(4 << 20); // loopback counts ~2 KB per queued datagram
            socket.setSendBufferSize(4 << 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.serverPort = serverPort;
    }

    static byte[] mac(int n) {
        return new byte[] {0x00, 0x10, (byte) 0x95, 0, (byte) (n >> 8), (byte) n};
    }

    static String macText(int n) {
        return String.format("00:10:95:00:%02x:%02x", (n >> 8) & 0xff, n & 0xff);
    }

    /** A request of this type from an MTA (option 60, 43, 55 asking for 1, 3, 6, 15, 122). */
    DhcpMessageBuilder mta(DhcpMessageType type, int macNo) {
        return client(type, macNo).option(StandardOptions.vendorClass(MTA_VENDOR_CLASS))
                .option(DhcpOption.of(43, MTA_OPTION_43))
                .option(StandardOptions.parameterRequestList(1, 3, 6, 12, 15, 43, 122));
    }

    /** A request of this type without option 60. */
    DhcpMessageBuilder client(DhcpMessageType type, int macNo) {
        return DhcpMessage.builder().xid(xid++).hardwareAddress(mac(macNo)).option(type.toOption());
    }

    static DhcpOption requestedIp(Ipv4Address ip) {
        return DhcpOption.addresses(50, ip);
    }

    void send(DhcpMessage m) {
        send(m.encode());
    }

    void send(byte[] b) {
        try {
            socket.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), serverPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends and waits for the reply; fails if none comes within 2 s. */
    DhcpMessage exchange(DhcpMessage m) {
        send(m);
        return receive().orElseThrow(() -> new AssertionError("no reply to " + m));
    }

    /** The next reply, or empty after the timeout. */
    Optional<DhcpMessage> receive() {
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
            return Optional.of(DhcpMessage.decode(java.util.Arrays.copyOf(buf, p.getLength())));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DecodeException e) {
            throw new AssertionError("the server sent an undecodable reply", e);
        }
    }

    void timeout(int millis) {
        try {
            socket.setSoTimeout(millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DhcpMessageType type(DhcpMessage m) {
        try {
            return m.options().messageType().orElseThrow();
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
