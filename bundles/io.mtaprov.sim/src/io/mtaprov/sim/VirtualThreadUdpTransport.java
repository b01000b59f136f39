package io.mtaprov.sim;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.snmp4j.TransportStateReference;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.UdpTransportMapping;

/**
 * An SNMP4J UDP transport bound to one MTA's address ({@code <yiaddr>:<mtaSnmpPort>}) whose receive
 * loop is a virtual thread, so thousands of simulated MTAs do not cost thousands of platform
 * threads (SNMP4J's DefaultUdpTransportMapping starts one platform thread each). Messages are
 * handed to the transport listeners (the shared message dispatcher of {@link SnmpHub}) on that
 * virtual thread. Thread-safe.
 */
final class VirtualThreadUdpTransport extends UdpTransportMapping {
    /** Largest SNMP message accepted; our PDUs are far smaller (RFC 3417 requires 484). */
    static final int MAX_MESSAGE = 8192;
    private final DatagramSocket socket;
    private volatile Thread receiver;
    /** Fault injection: datagrams to and from {@link #lossPeer} that are lost. */
    private final AtomicInteger loseOut = new AtomicInteger(), loseIn = new AtomicInteger();
    private volatile InetSocketAddress lossPeer;

    VirtualThreadUdpTransport(InetAddress address, int port) throws IOException {
        super(new UdpAddress(address, port));
        socket = new DatagramSocket(null);
        try {
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot bind the MTA's SNMP agent to " + address.getHostAddress() + ":" + port
                    + ": " + e.getMessage(), e);
        }
        udpAddress = new UdpAddress(address, socket.getLocalPort());
        maxInboundMessageSize = MAX_MESSAGE;
    }

    /**
     * Loses the next {@code outgoing} datagrams sent to {@code peer} and the next {@code incoming}
     * ones received from it ({@link Integer#MAX_VALUE}: all); {@code peer} null ends the loss.
     */
    void lose(InetSocketAddress peer, int outgoing, int incoming) {
        loseOut.set(outgoing);
        loseIn.set(incoming);
        lossPeer = peer;
    }

    private boolean lost(AtomicInteger counter, InetAddress address, int port) {
        InetSocketAddress p = lossPeer;
        return p != null && p.getPort() == port && p.getAddress().equals(address)
                && counter.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0;
    }

    @Override
    public void sendMessage(UdpAddress target, byte[] message, TransportStateReference ref, long timeout, int retries)
            throws IOException {
        if (lost(loseOut, target.getInetAddress(), target.getPort())) {
            return;
        }
        socket.send(new DatagramPacket(message, message.length, target.getInetAddress(), target.getPort()));
    }

    @Override
    public synchronized void listen() {
        if (receiver == null) {
            receiver = Thread.ofVirtual().name("mtaprov-sim-snmp-" + udpAddress).start(this::receive);
        }
    }

    private void receive() {
        byte[] buf = new byte[MAX_MESSAGE];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                p.setLength(buf.length);
                socket.receive(p);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
                continue; // e.g. ICMP port unreachable from an earlier send: keep listening
            }
            if (lost(loseIn, p.getAddress(), p.getPort())) {
                continue;
            }
            UdpAddress from = new UdpAddress(p.getAddress(), p.getPort());
            TransportStateReference ref = new TransportStateReference(this, from, null, SecurityLevel.undefined,
                    SecurityLevel.undefined, false, socket);
            fireProcessMessage(from, ByteBuffer.wrap(Arrays.copyOf(buf, p.getLength())), ref);
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public boolean isListening() {
        return receiver != null && !socket.isClosed();
    }

    /** The address it is bound to. */
    InetSocketAddress socketAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }
}
