package io.mtaprov.sim;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The MTA's stub resolver (steps 2 and 8): A lookups of the provisioning server and TFTP host, and
 * (for the Secure flow) the KDC SRV {@code _kerberos._udp.<REALM>} (RFC 2782), sent over UDP to the
 * DNS server of option 6 from one socket on the MTA's own address, as a real MTA does, so the DNS
 * server can name it. Messages are dnsjava's {@link Message}; the exchange is a blocking send and
 * receive on the caller's (virtual) thread: a reply counts when its ID and question match the query
 * (RFC 1035 section 7.3, RFC 5452 section 9.1), the query is sent again after half the timeout
 * without one (RFC 1035 section 4.2.1 leaves retransmission to the resolver), and a truncated
 * reply is an error (our names fit in UDP). One client serves all lookups of an MTA's run; not
 * thread-safe; close it after the run.
 */
final class DnsClient implements AutoCloseable {
    /** RFC 1035 section 2.3.4: UDP messages up to 512 bytes without EDNS0. */
    static final int MAX_UDP = 512;
    private final InetSocketAddress server;
    private final Duration timeout;
    private final DatagramSocket socket;

    /** Queries from {@code local} (the MTA's leased address; an ephemeral port). */
    DnsClient(InetSocketAddress server, Duration timeout, InetAddress local) throws IOException {
        this.server = server;
        this.timeout = timeout;
        socket = new DatagramSocket(new InetSocketAddress(local, 0));
    }

    /** The server it asks. */
    InetSocketAddress server() {
        return server;
    }

    /** The first A record of {@code fqdn}. */
    InetAddress resolveA(String fqdn) throws IOException {
        for (Record r : query(fqdn, Type.A)) {
            if (r instanceof ARecord a) {
                return a.getAddress();
            }
        }
        throw new IOException("no A record for " + fqdn);
    }

    /** The SRV records of {@code _kerberos._udp.<realm>} (Secure flow; unused by Basic and Hybrid). */
    List<SRVRecord> kdcs(String realm) throws IOException {
        List<SRVRecord> out = new ArrayList<>();
        for (Record r : query("_kerberos._udp." + realm, Type.SRV)) {
            if (r instanceof SRVRecord s) {
                out.add(s);
            }
        }
        return out;
    }

    /** The answer section of the reply to {@code name}/{@code type}; an IOException for any rcode but NOERROR. */
    List<Record> query(String name, int type) throws IOException {
        Name n;
        try {
            n = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IOException("not a DNS name: " + name, e);
        }
        Record question = Record.newRecord(n, type, DClass.IN);
        Message query = Message.newQuery(question);
        byte[] wire = query.toWire(MAX_UDP);
        Message response = exchange(query.getHeader().getID(), question, wire, name, type);
        if (response.getHeader().getFlag(Flags.TC)) {
            throw new IOException(Type.string(type) + " " + name + ": the reply is truncated (TC)");
        }
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR) {
            throw new IOException(Type.string(type) + " " + name + ": " + Rcode.string(rcode));
        }
        return response.getSection(Section.ANSWER);
    }

    private Message exchange(int id, Record question, byte[] wire, String name, int type) throws IOException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long resend = start + timeout.toNanos() / 2;
        boolean resent = false;
        byte[] buf = new byte[MAX_UDP * 8]; // more than asked for is tolerated, then refused as not ours below
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        socket.send(new DatagramPacket(wire, wire.length, server));
        while (true) {
            long now = System.nanoTime();
            if (!resent && now - resend >= 0) {
                socket.send(new DatagramPacket(wire, wire.length, server));
                resent = true;
            }
            long until = resent ? deadline : resend;
            long waitMs = Math.max(1, (until - now + 999_999) / 1_000_000);
            if (resent && now - deadline >= 0) {
                throw new IOException(Type.string(type) + " " + name + ": no answer from " + server.getAddress()
                        .getHostAddress() + ":" + server.getPort() + " within " + timeout.toMillis() + " ms");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, waitMs));
            try {
                in.setLength(buf.length);
                socket.receive(in);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (!in.getAddress().equals(server.getAddress()) || in.getPort() != server.getPort()) {
                continue; // not from the server we asked
            }
            Message m;
            try {
                m = new Message(java.util.Arrays.copyOf(buf, in.getLength()));
            } catch (IOException malformed) {
                continue;
            }
            Record q = m.getQuestion();
            if (m.getHeader().getID() == id && m.getHeader().getFlag(Flags.QR) && q != null
                    && q.getName().equals(question.getName()) && q.getType() == question.getType()
                    && q.getDClass() == question.getDClass()) {
                return m;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
