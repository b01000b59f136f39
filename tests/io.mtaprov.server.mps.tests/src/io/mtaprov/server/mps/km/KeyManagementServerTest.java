package io.mtaprov.server.mps.km;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.protocol.km.ApReply;
import io.mtaprov.protocol.km.ApRequest;
import io.mtaprov.protocol.km.Ciphersuite;
import io.mtaprov.protocol.km.Doi;
import io.mtaprov.protocol.km.ErrorReply;
import io.mtaprov.protocol.km.KmHeader;
import io.mtaprov.protocol.km.KmMessage;
import io.mtaprov.protocol.km.MtaFqdnMessage;
import io.mtaprov.protocol.km.MtaFqdnUserData;
import io.mtaprov.protocol.km.SecurityParameterRecovered;
import io.mtaprov.protocol.km.SnmpApplicationData;
import io.mtaprov.protocol.km.SnmpKeyDerivation;
import io.mtaprov.server.kdc.ap.ApExchange;
import io.mtaprov.server.kdc.ap.KrbSafe;
import io.mtaprov.server.kdc.ap.ServiceKeys;
import io.mtaprov.server.kdc.ap.ServiceTickets;
import io.mtaprov.tests.support.Await;
import io.mtaprov.tests.support.FreePorts;
import io.mtaprov.tests.support.RecordingTraceBus;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.common.EncryptionUtil;
import org.apache.kerby.kerberos.kerb.type.ap.EncAPRepPart;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KrbError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key management (UDP, AP Request/Reply, SPR, errors) and MTA FQDN at the provisioning server, over real sockets. */
class KeyManagementServerTest {
    static final String REALM = "MTAPROV.LAB";
    static final String MPS = "mtaprovsrvr/mps.mtaprov.lab@" + REALM;
    static final String MTA = "mta/mta-001095000001.mtaprov.lab@" + REALM;
    static final String MAC = "00:10:95:00:00:01";
    @TempDir
    static Path dir;
    static ServiceKeys keys;
    static RecordingTraceBus trace = new RecordingTraceBus();
    static KeyManagementServer server;
    static RecordingSink sink = new RecordingSink();
    static int kmPort;
    static int fqdnPort;

    static final class RecordingSink implements SnmpEngineSink {
        final List<SnmpKeys> installed = new CopyOnWriteArrayList<>();

        @Override
        public byte[] engineId() {
            return HexFormat.of().parseHex("8000118b046d7073");
        }

        @Override
        public long engineBoots() {
            return 3;
        }

        @Override
        public long engineTime() {
            return 42;
        }

        @Override
        public void install(SnmpKeys k) {
            installed.add(k);
        }
    }

    static final LeaseLookup LEASES = new LeaseLookup() {
        final Lease lease = new Lease(MAC, "127.0.0.1", "lab", "pktc", "pktc1.5:", "mta-001095000001.mtaprov.lab", "",
                Lease.State.BOUND, Instant.now(), Instant.now().plusSeconds(3600), "SECURE.LAB");

        @Override
        public Optional<Lease> byMac(String mac) {
            return mac.equals(MAC) ? Optional.of(lease) : Optional.empty();
        }

        @Override
        public Optional<Lease> byIp(String ip) {
            return ip.equals(lease.ip()) ? Optional.of(lease) : Optional.empty();
        }

        @Override
        public List<Lease> active(int limit) {
            return List.of(lease);
        }
    };

    @BeforeAll
    static void start() throws Exception {
        keys = ServiceKeys.of(MPS, EncryptionUtil.generateKeys(List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96)));
        keys.writeKeytab(dir.resolve("mps.keytab"));
        kmPort = FreePorts.udp();
        fqdnPort = FreePorts.udp();
        KmSettings km = new KmSettings(fqdnPort, KmSettings.suites("sha1-des,md5-none"), Duration.ofDays(7),
                Duration.ofHours(1), true, REALM, MPS, dir.resolve("mps.keytab"));
        server = new KeyManagementServer(new ServerSettings("127.0.0.1", kmPort, true), km, trace, LEASES, null);
        server.attach(sink);
        server.start().join();
    }

    @AfterAll
    static void stop() {
        server.stop().join();
    }

    static byte[] apRequest(ServiceTickets.Issued t, Instant now, List<Ciphersuite> offered, boolean tamper)
            throws Exception {
        byte[] apReq = ApExchange.request(t.ticket(), t.sessionKey(), MTA, null, 7, now);
        byte[] req = new ApRequest(KmHeader.of(Doi.SNMPV3), apReq, 0x1234, new SnmpApplicationData(
                HexFormat.of().parseHex("8000118b03001095000001"), 1, 5, "mta-001095000001"), offered, false,
                new byte[20]).encode();
        byte[] hmac = SnmpKeyDerivation.messageHmac(t.sessionKey().getKeyData(), req, req.length - 20);
        if (tamper) {
            hmac[0] ^= 1;
        }
        System.arraycopy(hmac, 0, req, req.length - 20, 20);
        return req;
    }

    static byte[] exchange(DatagramSocket s, byte[] req, int port) throws Exception {
        s.setSoTimeout(5000);
        s.send(new DatagramPacket(req, req.length, InetAddress.getLoopbackAddress(), port));
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        s.receive(p);
        return Arrays.copyOf(buf, p.getLength());
    }

    static KrbError krbError(byte[] reply) throws Exception {
        KmMessage m = KmMessage.decode(ByteBuffer.wrap(reply));
        assertThat(m).isInstanceOf(ErrorReply.class);
        return KrbCodec.decode(((ErrorReply) m).krbError(), KrbError.class);
    }

    @Test
    void apRequestGetsAnApReplyWhoseKeysAreInstalledAndConfirmedBySpr() throws Exception {
        ServiceTickets.Issued t = ServiceTickets.issue(keys, MTA, Instant.now(), Duration.ofHours(1));
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] reply = exchange(s, apRequest(t, Instant.now(), List.of(new Ciphersuite(0x21, 0x20),
                    new Ciphersuite(0x22, 0x21)), false), kmPort);
            ApReply r = (ApReply) KmMessage.decode(ByteBuffer.wrap(reply));
            assertThat(r.selectedCiphersuites()).as("the server's order wins: sha1-des first")
                    .containsExactly(new Ciphersuite(0x22, 0x21));
            assertThat(r.ackRequired()).isTrue();
            SnmpApplicationData server = (SnmpApplicationData) r.applicationData();
            assertThat(server.engineId()).isEqualTo(sink.engineId());
            assertThat(server.engineBoots()).isEqualTo(3);
            assertThat(server.userName()).isEqualTo("mta-001095000001");
            EncAPRepPart part = ApExchange.open(r.apRep(), t.sessionKey());
            byte[] subkey = part.getSubkey().getKeyData();
            assertThat(SnmpKeyDerivation.messageHmac(subkey, reply, reply.length - 20)).isEqualTo(r.hmac());
            SnmpKeys installed = sink.installed.get(sink.installed.size() - 1);
            assertThat(installed.mac()).isEqualTo(MAC);
            assertThat(installed.authKey()).hasSize(20).isEqualTo(SnmpKeyDerivation.authKey(subkey, r.selectedCiphersuites().get(0)));
            assertThat(installed.privKey()).hasSize(16);
            assertThat(server().keysFor("127.0.0.1")).isPresent();
            byte[] header = {4, 2, 0x10};
            byte[] spr = new SecurityParameterRecovered(KmHeader.of(Doi.SNMPV3), SnmpKeyDerivation.hmacSha1(subkey, header))
                    .encode();
            s.send(new DatagramPacket(spr, spr.length, InetAddress.getLoopbackAddress(), kmPort));
            Await.until("SPR traced", Duration.ofSeconds(5),
                    () -> trace.events().stream().anyMatch(e -> e.summary().contains("confirmed its SNMPv3 keys")));
            String auth = HexFormat.of().formatHex(installed.authKey());
            String priv = HexFormat.of().formatHex(installed.privKey());
            assertThat(trace.events()).allSatisfy(e -> assertThat(e.summary() + e.detail())
                    .doesNotContain(auth).doesNotContain(priv));
        }
    }

    static KeyManagementServer server() {
        return server;
    }

    @Test
    void replayedApRequestIsRefused() throws Exception {
        ServiceTickets.Issued t = ServiceTickets.issue(keys, MTA, Instant.now(), Duration.ofHours(1));
        byte[] req = apRequest(t, Instant.now().minusMillis(1234), List.of(new Ciphersuite(0x21, 0x20)), false);
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertThat(KmMessage.decode(ByteBuffer.wrap(exchange(s, req, kmPort)))).isInstanceOf(ApReply.class);
            KrbError e = krbError(exchange(s, req, kmPort));
            assertThat(e.getErrorCode()).isEqualTo(KrbErrorCode.KRB_AP_ERR_REPEAT);
            assertThat(e.getEtext()).contains("replayed");
        }
    }

    @Test
    void clockSkewBeyondFiveMinutesIsRefused() throws Exception {
        ServiceTickets.Issued t = ServiceTickets.issue(keys, MTA, Instant.now(), Duration.ofHours(1));
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            KrbError e = krbError(exchange(s, apRequest(t, Instant.now().plus(Duration.ofMinutes(10)),
                    List.of(new Ciphersuite(0x22, 0x20)), false), kmPort));
            assertThat(e.getErrorCode()).isEqualTo(KrbErrorCode.KRB_AP_ERR_SKEW);
        }
        TraceEvent last = trace.events().get(trace.events().size() - 1);
        assertThat(last.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void alteredHmacAndUnacceptableSuitesAreRefused() throws Exception {
        ServiceTickets.Issued t = ServiceTickets.issue(keys, MTA, Instant.now(), Duration.ofHours(1));
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertThat(krbError(exchange(s, apRequest(t, Instant.now(), List.of(new Ciphersuite(0x22, 0x21)), true),
                    kmPort)).getErrorCode()).isEqualTo(KrbErrorCode.KRB_AP_ERR_MODIFIED);
            KrbError e = krbError(exchange(s, apRequest(t, Instant.now().plusMillis(7),
                    List.of(new Ciphersuite(0x21, 0x21)), false), kmPort));
            assertThat(e.getEtext()).contains("no acceptable ciphersuite");
        }
    }

    @Test
    void ticketOfAnotherServiceKeyIsRefused() throws Exception {
        ServiceKeys other = ServiceKeys.of(MPS, EncryptionUtil.generateKeys(List.of(EncryptionType.AES256_CTS_HMAC_SHA1_96)));
        ServiceTickets.Issued t = ServiceTickets.issue(other, MTA, Instant.now(), Duration.ofHours(1));
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertThat(krbError(exchange(s, apRequest(t, Instant.now(), List.of(new Ciphersuite(0x22, 0x21)), false),
                    kmPort)).getErrorCode()).isEqualTo(KrbErrorCode.KRB_AP_ERR_BAD_INTEGRITY);
        }
    }

    static byte[] fqdnRequest(String mac, String client, ServiceKeys k) throws Exception {
        ServiceTickets.Issued t = ServiceTickets.issue(k, client, Instant.now(), Duration.ofMinutes(5));
        byte[] apReq = ApExchange.request(t.ticket(), t.sessionKey(), client, null, 0, Instant.now());
        byte[] data = new MtaFqdnUserData.Request(4491, 1, HexFormat.ofDelimiter(":").parseHex(mac), new byte[20], 0).encode();
        return new MtaFqdnMessage(apReq, KrbSafe.seal(data, (Inet4Address) InetAddress.getByName("127.0.0.1"),
                t.sessionKey(), Instant.now())).encode();
    }

    @Test
    void mtaFqdnRequestOfTheKdcIsAnsweredFromTheLease() throws Exception {
        byte[] req = fqdnRequest(MAC, "krbtgt/" + REALM + "@" + REALM, keys);
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            MtaFqdnMessage m = MtaFqdnMessage.decode(ByteBuffer.wrap(exchange(s, req, fqdnPort)));
            assertThat(m.isRequest()).isFalse();
            assertThat(m.userData()).isInstanceOfSatisfying(MtaFqdnUserData.Reply.class, r -> {
                assertThat(r.fqdn()).isEqualTo("mta-001095000001.mtaprov.lab");
                assertThat(r.address().getHostAddress()).isEqualTo("127.0.0.1");
            });
        }
        Await.until("MTA FQDN reply traced", Duration.ofSeconds(5),
                () -> trace.events().stream().anyMatch(e -> e.summary().startsWith("MTA FQDN reply: " + MAC)));
    }

    @Test
    void mtaFqdnRequestOfAnUnknownMacGetsAnErrorReplyAndOthersThanTheKdcNone() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            MtaFqdnMessage m = MtaFqdnMessage.decode(ByteBuffer.wrap(exchange(s,
                    fqdnRequest("00:10:95:99:99:99", "krbtgt/" + REALM + "@" + REALM, keys), fqdnPort)));
            assertThat(m.userData()).isInstanceOf(MtaFqdnUserData.ErrorReply.class);
            byte[] fromMta = fqdnRequest(MAC, MTA, keys);
            s.setSoTimeout(700);
            s.send(new DatagramPacket(fromMta, fromMta.length, InetAddress.getLoopbackAddress(), fqdnPort));
            boolean answered;
            try {
                s.receive(new DatagramPacket(new byte[4096], 4096));
                answered = true;
            } catch (SocketTimeoutException e) {
                answered = false;
            }
            assertThat(answered).as("only the KDC may ask").isFalse();
        }
        Await.until("refusal traced", Duration.ofSeconds(5), () -> trace.events().stream()
                .anyMatch(e -> e.summary().contains("refused") && e.detail().contains("only the KDC")));
    }


    /**
     * Wireshark's pktc and pktc.mtafqdn dissectors (UDP 1293 and 2246) read the real exchanges of
     * this server (Kerberos AP-REQ/AP-REP/KRB-SAFE inside) without a malformed field, and read our values.
     */
    @Test
    void wiresharkDissectsTheRealExchangesCleanly() throws Exception {
        ServiceTickets.Issued t = ServiceTickets.issue(keys, MTA, Instant.now(), Duration.ofHours(1));
        byte[] apRequest = apRequest(t, Instant.now().plusMillis(3), List.of(new Ciphersuite(0x22, 0x21),
                new Ciphersuite(0x21, 0x20)), false);
        byte[] fqdnRequest = fqdnRequest(MAC, "krbtgt/" + REALM + "@" + REALM, keys);
        byte[] apReply;
        byte[] fqdnReply;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            apReply = exchange(s, apRequest, kmPort);
            fqdnReply = exchange(s, fqdnRequest, fqdnPort);
        }
        java.net.InetSocketAddress mta = new java.net.InetSocketAddress("10.0.0.88", 50123);
        java.net.InetSocketAddress kdc = new java.net.InetSocketAddress("10.0.0.3", 50124);
        java.net.InetSocketAddress km = new java.net.InetSocketAddress("10.0.0.2", 1293);
        java.net.InetSocketAddress fqdn = new java.net.InetSocketAddress("10.0.0.2", 2246);
        Instant t0 = Instant.now();
        byte[] pcap = new io.mtaprov.protocol.pcap.PcapWriter().addUdp(t0, mta, km, apRequest)
                .addUdp(t0.plusMillis(1), km, mta, apReply).addUdp(t0.plusMillis(2), kdc, fqdn, fqdnRequest)
                .addUdp(t0.plusMillis(3), fqdn, kdc, fqdnReply).toBytes();
        Path file = dir.resolve("km.pcap");
        java.nio.file.Files.write(file, pcap);
        String verbose = tshark(file, "-V");
        assertThat(verbose).as(verbose).doesNotContain("Malformed").doesNotContain("Expert Info (Error")
                .doesNotContain("Expert Info (Warning");
        String fields = tshark(file, "-T", "fields", "-E", "occurrence=a", "-e", "frame.number", "-e", "pktc.kmmid",
                "-e", "pktc.doi", "-e", "pktc.asd.snmp_auth_alg", "-e", "pktc.asd.snmp_enc_alg",
                "-e", "pktc.asd.snmp_usm_username", "-e", "kerberos.msg_type", "-e", "pktc.mtafqdn.msgtype",
                "-e", "pktc.mtafqdn.mac", "-e", "pktc.mtafqdn.fqdn", "-e", "pktc.mtafqdn.ip");
        String[] lines = fields.strip().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0].split("\t", -1)).containsExactly("1", "0x02", "2", "0x22,0x21", "0x21,0x20",
                "mta-001095000001", "14", "", "", "", "");
        assertThat(lines[1].split("\t", -1)).containsExactly("2", "0x03", "2", "0x22", "0x21",
                "mta-001095000001", "15", "", "", "", "");
        assertThat(lines[2].split("\t", -1)).containsExactly("3", "", "", "", "", "", "14,20", "1", MAC, "", "");
        assertThat(lines[3].split("\t", -1)).containsExactly("4", "", "", "", "", "", "15,20", "2", "",
                "mta-001095000001.mtaprov.lab", "127.0.0.1");
    }

    private static String tshark(Path file, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("tshark", "-n", "-r", file.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
