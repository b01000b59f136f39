package io.mtaprov.server.dns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** A plain loopback DNS client for the tests: dnsjava messages over a UDP socket or a TCP connection. */
final class DnsClient implements AutoCloseable {
    private final DatagramSocket socket;
    private final int port;

    DnsClient(int port) throws IOException {
        this.port = port;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5000); // not connected: a connected socket does not send empty datagrams
    }

    static Message query(String name, int type) {
        try {
            return Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
        } catch (IOException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    /** A query with an EDNS0 OPT record offering this UDP payload size (RFC 6891 section 6.1.2). */
    static Message ednsQuery(String name, int type, int payload, int version) {
        Message q = query(name, type);
        q.addRecord(new OPTRecord(payload, 0, version), Section.ADDITIONAL);
        return q;
    }

    Message udp(String name, int type) throws IOException {
        return udp(query(name, type));
    }

    /** Sends the query and returns the response with its ID, skipping answers to earlier packets. */
    Message udp(Message query) throws IOException {
        Message m = new Message(udpRaw(query.toWire()));
        while (m.getHeader().getID() != query.getHeader().getID()) {
            m = new Message(receive());
        }
        return m;
    }

    /** Sends raw bytes, returns the raw answer (fails after 5 s without one). */
    byte[] udpRaw(byte[] packet) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
        return receive();
    }

    private byte[] receive() throws IOException {
        byte[] buf = new byte[65_536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        return java.util.Arrays.copyOf(buf, p.getLength());
    }

    /** Sends raw bytes that get no answer. */
    void udpSendOnly(byte[] packet) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
    }

    /** Sends the queries pipelined on one TCP connection (RFC 7766 section 6.2.1.1), returns the answers. */
    List<Message> tcp(Message... queries) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            for (Message q : queries) {
                byte[] wire = q.toWire();
                out.writeShort(wire.length);
                out.write(wire);
            }
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            List<Message> answers = new ArrayList<>();
            for (int i = 0; i < queries.length; i++) {
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                answers.add(new Message(wire));
            }
            return answers;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
