package io.mtaprov.sim.fuzz;

import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.sim.MtaProfile;
import io.mtaprov.sim.SeedPackets;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.PDU;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The console's listening ports as fuzz targets, each with valid seeds of what real clients send
 * and a probe of a good client: DHCP (an eMTA's DISCOVER and REQUEST, plain and relayed), DNS over
 * UDP and TCP (A, SRV, SOA), the KDC over UDP and TCP (AS-REQ), the provisioning server's SNMP
 * port (the enrollment INFORM) and TFTP (read and write requests with options).
 */
public final class StandardTargets {
    /** Probe MACs come from this range (02 = locally administered) so that they are easy to tell apart in the trace. */
    private static final String PROBE_MAC_BASE = "02:66:7a:00:00:00";
    private static final AtomicLong PROBES = new AtomicLong();

    private StandardTargets() {
    }

    /**
     * Where the servers listen and what they serve.
     *
     * @param host      the servers' address (loopback)
     * @param ports     port per target name ("dhcp", "dns", "kdc", "snmp", "tftp"); the TCP targets use the UDP port
     * @param zone      the provisioning zone (DNS)
     * @param realm     the KDC's realm
     * @param community the provisioning server's SNMP community
     */
    public record Network(InetAddress host, Map<String, Integer> ports, String zone, String realm, String community) {
    }

    /** All targets, in a stable order: dhcp, dns, dns-tcp, kdc, kdc-tcp, snmp, tftp. */
    public static Map<String, FuzzTarget> all(Network n) {
        Map<String, FuzzTarget> m = new LinkedHashMap<>();
        for (FuzzTarget t : List.of(dhcp(n), dns(n, Transport.UDP), dns(n, Transport.TCP), kdc(n, Transport.UDP),
                kdc(n, Transport.TCP), snmp(n), tftp(n))) {
            m.put(t.name(), t);
        }
        return m;
    }

    static FuzzTarget dhcp(Network n) {
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            MtaProfile mta = MtaProfile.lab(MtaProfile.macAfter("02:66:7a:10:00:00", i));
            seeds.add(SeedPackets.dhcpDiscover(mta, 0x1000 + i, null));
            seeds.add(SeedPackets.dhcpDiscover(mta, 0x2000 + i, Ipv4Address.parse("127.77.0.1")));
            seeds.add(SeedPackets.dhcpRequest(mta, 0x3000 + i, Ipv4Address.parse("127.77.0.20"),
                    Ipv4Address.parse("127.0.0.1")));
        }
        return new FuzzTarget("dhcp", Transport.UDP, at(n, "dhcp"), seeds, 1500, StandardTargets::dhcpProbe);
    }

    /** A DISCOVER from a fresh probe MAC; the answer must be an OFFER for it. */
    private static String dhcpProbe(InetSocketAddress server, Duration timeout) throws Exception {
        MtaProfile mta = MtaProfile.lab(MtaProfile.macAfter(PROBE_MAC_BASE, PROBES.incrementAndGet() & 0xffffff));
        int xid = ThreadLocalRandom.current().nextInt();
        byte[] reply = udpExchange(server, SeedPackets.dhcpDiscover(mta, xid, null), timeout,
                r -> r.length > 240 && r[0] == 2 && ByteBuffer.wrap(r, 4, 4).getInt() == xid);
        DhcpMessage m = DhcpMessage.decode(reply);
        DhcpMessageType type = m.options().messageType().orElse(null);
        if (type != DhcpMessageType.OFFER) {
            throw new IOException("expected DHCPOFFER, got " + type);
        }
        return "OFFER " + m.yiaddr();
    }

    static FuzzTarget dns(Network n, Transport transport) {
        List<byte[]> seeds = new ArrayList<>();
        for (String[] q : new String[][] {{"mps." + n.zone(), "A"}, {"_kerberos._udp." + n.realm(), "SRV"},
                {n.zone(), "SOA"}, {"nowhere.example", "A"}, {"mta-1." + n.zone(), "AAAA"}}) {
            byte[] wire = query(q[0], Type.value(q[1]), true);
            seeds.add(transport == Transport.TCP ? dnsTcpFramed(wire) : wire);
        }
        String name = transport == Transport.TCP ? "dns-tcp" : "dns";
        Probe probe = transport == Transport.TCP ? (s, t) -> dnsTcpProbe(s, t, n.zone()) : (s, t) -> dnsUdpProbe(s, t, n.zone());
        return new FuzzTarget(name, transport, at(n, "dns"), seeds, transport == Transport.TCP ? 65_537 : 4096, probe);
    }

    private static byte[] query(String name, int type, boolean edns) {
        try {
            Message q = Message.newQuery(Record.newRecord(Name.fromString(name.endsWith(".") ? name : name + "."), type,
                    DClass.IN));
            if (edns) {
                q.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 0), org.xbill.DNS.Section.ADDITIONAL);
            }
            return q.toWire();
        } catch (IOException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private static byte[] dnsTcpFramed(byte[] wire) {
        byte[] r = new byte[wire.length + 2]; // RFC 1035 section 4.2.2: two-byte length first
        r[0] = (byte) (wire.length >>> 8);
        r[1] = (byte) wire.length;
        System.arraycopy(wire, 0, r, 2, wire.length);
        return r;
    }

    private static String dnsUdpProbe(InetSocketAddress server, Duration timeout, String zone) throws Exception {
        byte[] q = query(zone, Type.SOA, false);
        int id = (q[0] & 0xff) << 8 | q[1] & 0xff;
        byte[] r = udpExchange(server, q, timeout, b -> b.length >= 12 && ((b[0] & 0xff) << 8 | b[1] & 0xff) == id);
        return dnsAnswer(r);
    }

    private static String dnsTcpProbe(InetSocketAddress server, Duration timeout, String zone) throws Exception {
        try (Socket s = probeConnection(server, timeout)) {
            s.getOutputStream().write(dnsTcpFramed(query(zone, Type.SOA, false)));
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] r = new byte[in.readUnsignedShort()];
            in.readFully(r);
            return dnsAnswer(r);
        }
    }

    private static String dnsAnswer(byte[] r) throws IOException {
        Message m = new Message(r);
        if (m.getRcode() != Rcode.NOERROR || m.getSection(org.xbill.DNS.Section.ANSWER).isEmpty()) {
            throw new IOException("SOA query answered " + Rcode.string(m.getRcode()) + " without the SOA");
        }
        return "SOA " + m.getSection(org.xbill.DNS.Section.ANSWER).get(0).getName();
    }

    static FuzzTarget kdc(Network n, Transport transport) {
        List<byte[]> seeds = new ArrayList<>();
        for (String client : List.of("mta-02667a100000", "mps/provisioning", "x")) {
            byte[] req = KerberosSeeds.asRequest(client, n.realm(), client.hashCode());
            seeds.add(transport == Transport.TCP ? KerberosSeeds.tcpFramed(req) : req);
        }
        String name = transport == Transport.TCP ? "kdc-tcp" : "kdc";
        Probe probe = (s, t) -> kdcProbe(s, t, n.realm(), transport);
        return new FuzzTarget(name, transport, at(n, "kdc"), seeds, transport == Transport.TCP ? 65_536 : 4096, probe);
    }

    /** An AS-REQ without pre-authentication: any KRB-ERROR or AS-REP is a live KDC. */
    private static String kdcProbe(InetSocketAddress server, Duration timeout, String realm, Transport transport)
            throws Exception {
        byte[] req = KerberosSeeds.asRequest("mtaprov-fuzz-probe", realm, ThreadLocalRandom.current().nextInt());
        byte[] r;
        if (transport == Transport.UDP) {
            r = udpExchange(server, req, timeout, b -> b.length > 0);
        } else {
            try (Socket s = probeConnection(server, timeout)) {
                s.getOutputStream().write(KerberosSeeds.tcpFramed(req));
                DataInputStream in = new DataInputStream(s.getInputStream());
                int len = in.readInt();
                if (len < 0 || len > 65_536) {
                    throw new IOException("KDC answered with a TCP length of " + len);
                }
                r = new byte[len];
                in.readFully(r);
            }
        }
        int tag = r[0] & 0xff;
        if (tag != KerberosSeeds.APPLICATION_KRB_ERROR && tag != KerberosSeeds.APPLICATION_AS_REP) {
            throw new IOException(String.format("KDC answered tag 0x%02x, neither KRB-ERROR nor AS-REP", tag));
        }
        return tag == KerberosSeeds.APPLICATION_KRB_ERROR ? "KRB-ERROR" : "AS-REP";
    }

    static FuzzTarget snmp(Network n) {
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seeds.add(SeedPackets.enrollmentInform(MtaProfile.lab(MtaProfile.macAfter("02:66:7a:20:00:00", i)),
                    n.community(), 100 + i));
        }
        return new FuzzTarget("snmp", Transport.UDP, at(n, "snmp"), seeds, 4096, (s, t) -> snmpProbe(s, t, n.community()));
    }

    /**
     * An INFORM the provisioning server must acknowledge (RFC 3416 section 4.2.7: a Response with
     * the same request-id); its trap OID is not an enrollment, so no provisioning attempt starts.
     */
    private static String snmpProbe(InetSocketAddress server, Duration timeout, String community) throws Exception {
        int id = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        PDU pdu = new PDU();
        pdu.setType(PDU.INFORM);
        pdu.setRequestID(new org.snmp4j.smi.Integer32(id));
        pdu.add(new org.snmp4j.smi.VariableBinding(new org.snmp4j.smi.OID("1.3.6.1.2.1.1.3.0"),
                new org.snmp4j.smi.TimeTicks(1)));
        pdu.add(new org.snmp4j.smi.VariableBinding(new org.snmp4j.smi.OID("1.3.6.1.6.3.1.1.4.1.0"),
                new org.snmp4j.smi.OID("1.3.6.1.6.3.1.1.5.1"))); // coldStart
        byte[] r = udpExchange(server, SeedPackets.snmpV2cMessage(community, pdu), timeout, b -> b.length > 0);
        BERInputStream in = new BERInputStream(ByteBuffer.wrap(r));
        BER.MutableByte type = new BER.MutableByte();
        BER.decodeHeader(in, type);
        BER.decodeInteger(in, type);
        BER.decodeString(in, type);
        PDU answer = new PDU();
        answer.decodeBER(in);
        if (answer.getType() != PDU.RESPONSE || answer.getRequestID().getValue() != id) {
            throw new IOException("expected the Response to request-id " + id + ", got " + PDU.getTypeString(answer.getType())
                    + " " + answer.getRequestID());
        }
        return "Response " + id;
    }

    static FuzzTarget tftp(Network n) {
        List<byte[]> seeds = List.of(tftpRequest(1, "0123456789abcdef0123456789abcdef.cfg", "octet", "blksize", "1428", "tsize", "0"),
                tftpRequest(1, "mta.cfg", "netascii"), tftpRequest(2, "upload.bin", "octet", "timeout", "3"),
                tftpRequest(1, "../../etc/passwd", "octet"));
        return new FuzzTarget("tftp", Transport.UDP, at(n, "tftp"), seeds, 1500, StandardTargets::tftpProbe);
    }

    /** RFC 1350 section 5 / RFC 2347: opcode, name NUL, mode NUL, [option NUL value NUL]... */
    private static byte[] tftpRequest(int opcode, String name, String mode, String... options) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        o.write(0);
        o.write(opcode);
        for (String s : concat(name, mode, options)) {
            o.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            o.write(0);
        }
        return o.toByteArray();
    }

    private static List<String> concat(String a, String b, String[] rest) {
        List<String> l = new ArrayList<>(List.of(a, b));
        l.addAll(Arrays.asList(rest));
        return l;
    }

    /** A read request of a well-formed name the server never generated: the answer must be ERROR 1 (RFC 1350 section 5). */
    private static String tftpProbe(InetSocketAddress server, Duration timeout) throws Exception {
        String name = String.format("%032x.cfg", PROBES.incrementAndGet()); // well formed, never generated
        byte[] r = udpExchange(server, tftpRequest(1, name, "octet"),
                timeout, b -> b.length >= 4);
        int opcode = (r[0] & 0xff) << 8 | r[1] & 0xff;
        int code = (r[2] & 0xff) << 8 | r[3] & 0xff;
        if (opcode != 5 || code != 1) {
            throw new IOException("expected TFTP ERROR 1 (file not found), got opcode " + opcode + " code " + code);
        }
        return "ERROR 1";
    }

    /**
     * Probes come from their own address, so that the per-client rate limits the fuzzer's flood
     * runs into (TFTP, DHCP) do not hide whether the server still serves a good client.
     */
    static InetAddress probeSource(InetSocketAddress server) {
        if (!server.getAddress().isLoopbackAddress()) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Socket probeConnection(InetSocketAddress server, Duration timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.bind(new InetSocketAddress(probeSource(server), 0));
            s.connect(server, (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private static InetSocketAddress at(Network n, String port) {
        Integer p = n.ports().get(port);
        if (p == null) {
            throw new IllegalArgumentException("no port given for " + port);
        }
        return new InetSocketAddress(n.host(), p);
    }

    /** Sends {@code request} from a fresh socket and returns the first datagram that {@code accept}s. */
    private static byte[] udpExchange(InetSocketAddress server, byte[] request, Duration timeout,
            java.util.function.Predicate<byte[]> accept) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(probeSource(server), 0))) {
            s.send(new DatagramPacket(request, request.length, server));
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] buf = new byte[65_535];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("no answer within " + timeout.toMillis() + " ms");
                }
                s.setSoTimeout((int) left);
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                byte[] r = Arrays.copyOf(buf, p.getLength());
                if (accept.test(r)) {
                    return r;
                }
            }
        }
    }
}
