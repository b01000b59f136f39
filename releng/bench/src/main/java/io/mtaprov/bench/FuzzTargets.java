package io.mtaprov.bench;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.config.ConfigDocument;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.config.ConfigText;
import io.mtaprov.protocol.config.ConfigValidator;
import io.mtaprov.protocol.dhcp.CableLabsVendorInfo;
import io.mtaprov.protocol.dhcp.ClientConfiguration;
import io.mtaprov.protocol.dhcp.DeviceCapability;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.DhcpOption;
import io.mtaprov.protocol.dhcp.DhcpOptionCode;
import io.mtaprov.protocol.dhcp.DhcpOptions;
import io.mtaprov.protocol.dhcp.LegacyClientConfiguration;
import io.mtaprov.protocol.dhcp.RelayAgentInfo;
import io.mtaprov.protocol.dhcp.VendorClass;
import io.mtaprov.protocol.km.KmMessage;
import io.mtaprov.protocol.km.MtaFqdnMessage;
import io.mtaprov.protocol.pcap.PcapReader;
import io.mtaprov.protocol.pcap.PcapWriter;
import io.mtaprov.protocol.pcap.UdpRecord;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The fuzz targets: every public decoder of io.mtaprov.protocol, with the invariants of the
 * robustness tests in tests/io.mtaprov.protocol.tests (round trip to the same bytes, typed views
 * that may only reject with DecodeException, printed config text that parses back).
 */
final class FuzzTargets {
    private static final byte[] COOKIE = {0x63, (byte) 0x82, 0x53, 0x63};

    private FuzzTargets() {
    }

    static List<FuzzTarget> all() {
        byte[][] tlvTokens = tokens("ff", "00", "0100", "01ff", "7a00", "2b00", "3c00", "5200", "b100", "3401 03",
                "63825363", "0000", "ffff", "0a000001", "00 03 6d7073 00", "07 6578616d706c65 c0");
        List<FuzzTarget> t = new ArrayList<>();
        t.add(new FuzzTarget("dhcp.message", b -> DhcpMessage.decode(ByteBuffer.wrap(b)), FuzzTargets::exerciseMessage,
                dhcpSeeds(), 700, (r, b) -> {
                    if (b.length >= 240 && r.nextBoolean()) {
                        System.arraycopy(COOKIE, 0, b, 236, 4);
                    }
                    return b;
                }, tlvTokens, true));
        t.add(new FuzzTarget("dhcp.option122", b -> ClientConfiguration.decode(ByteBuffer.wrap(b)),
                FuzzTargets::exerciseCcc, List.of(Fixtures.hex(Fixtures.OPTION_122), Fixtures.hex("0609054241534943013100"),
                        Fixtures.hex("0305010a000005")), 300, FuzzTarget.asIs(), tlvTokens, true));
        t.add(new FuzzTarget("dhcp.option177", b -> LegacyClientConfiguration.decode(ByteBuffer.wrap(b)),
                FuzzTargets::exerciseLegacyCcc, List.of(Fixtures.hex(Fixtures.OPTION_177)), 300, FuzzTarget.asIs(),
                tlvTokens, true));
        t.add(new FuzzTarget("dhcp.option43", b -> CableLabsVendorInfo.decode(ByteBuffer.wrap(b)),
                FuzzTargets::exerciseVendorInfo, List.of(Fixtures.hex(Fixtures.OPTION_43)), 300, FuzzTarget.asIs(),
                tlvTokens, true));
        t.add(new FuzzTarget("dhcp.option82", b -> RelayAgentInfo.decode(ByteBuffer.wrap(b)),
                FuzzTargets::exerciseRelayAgent, List.of(Fixtures.hex(Fixtures.OPTION_82)), 300, FuzzTarget.asIs(),
                tlvTokens, true));
        t.add(new FuzzTarget("dhcp.option60", b -> VendorClass.decode(ByteBuffer.wrap(b)),
                FuzzTargets::exerciseVendorClass, List.of(ascii(Fixtures.PKTC10_VENDOR_CLASS),
                        ascii("pktc1.5:05081706020038020107"), ascii("docsis3.0:0506010101020102")), 300,
                FuzzTargets::randomHexClass, tokens(ascii("pktc1.0:"), ascii("docsis3.0:"), ascii("05"), ascii("ff"),
                        ascii("00"), ascii("17"), ascii("0b"), ascii("12"), ascii("g"), ascii(":")), true));
        t.add(new FuzzTarget("config.binary", b -> ConfigFile.decode(ByteBuffer.wrap(b)),
                FuzzTargets::exerciseConfigFile, configSeeds(), 600, (r, b) -> {
                    if (b.length > 3 && r.nextBoolean()) { // plausible framing: MTA delimiter TLV 254 = 1
                        b[0] = (byte) 0xfe;
                        b[1] = 1;
                        b[2] = 1;
                    }
                    return b;
                }, tokens("fe0101", "feff01", "fe01ff", "0b", "0b00", "0b8100", "0b820000", "30", "3000", "3081",
                        "300e", "06", "0600", "060b2b0601040182", "02", "0201", "0209 00ffffffffffffffff", "04",
                        "0400", "0481ff", "40", "41", "42", "43", "44", "46", "05 00", "2b"), true)
                // a TLV can be 2 bytes and is one object (RawTlv + array + list slot, about 80 bytes)
                .allocPerByte(64));
        t.add(new FuzzTarget("config.text", b -> ConfigText.parse(new String(b, StandardCharsets.ISO_8859_1)),
                FuzzTargets::exerciseConfigText, textSeeds(), 300, FuzzTargets::randomText, textTokens(), false)
                .allocPerByte(64));
        t.add(new FuzzTarget("km.message", b -> KmMessage.decode(ByteBuffer.wrap(b)),
                (b, d) -> same(((KmMessage) d).encode(), b), KmSeeds.kmMessages(), 160, (r, b) -> {
                    if (b.length >= 3 && r.nextBoolean()) { // a valid KMMID and DOI
                        b[0] = (byte) (1 + Math.floorMod(b[0], 6));
                        b[1] = (byte) (1 + Math.floorMod(b[1], 2));
                    }
                    return b;
                }, tokens("6e", "6f", "74", "7e", "30", "a0", "a1", "02", "04", "1b", "18", "81", "82ffff", "84ffffffff",
                        "00", "ff", "0000"), true));
        t.add(new FuzzTarget("km.mtafqdn", b -> MtaFqdnMessage.decode(ByteBuffer.wrap(b)),
                (b, d) -> {
                    MtaFqdnMessage m = (MtaFqdnMessage) d;
                    same(m.encode(), b);
                    m.isRequest();
                    m.userData().encode();
                    m.toString();
                }, KmSeeds.mtaFqdnMessages(), 200, FuzzTarget.asIs(),
                tokens("6e", "6f", "74", "30", "a0", "a2", "02", "04", "1b", "18", "81", "82ffff", "84ffffffff",
                        "0000118b01", "0200", "00"), true));
        t.add(new FuzzTarget("pcap.reader", b -> PcapReader.read(b), FuzzTargets::exercisePcap, pcapSeeds(), 300,
                (r, b) -> {
                    byte[] header = pcapSeeds().get(0);
                    if (b.length > 24 && r.nextBoolean()) {
                        System.arraycopy(header, 0, b, 0, 24);
                    }
                    return b;
                }, tokens("d4c3b2a1", "a1b2c3d4", "4d3cb2a1", "ffffffff", "0000", "4500", "45000000", "11", "0800",
                        "ffff0000"), true));
        return t;
    }

    // ---- invariants ----

    private static void exerciseMessage(byte[] b, Object decoded) throws Exception {
        DhcpMessage m = (DhcpMessage) decoded;
        DhcpOptions o = m.options();
        List<FuzzTarget.Decoder> views = List.of(x -> o.messageType(), x -> o.serverId(), x -> o.subnetMask(),
                x -> o.leaseTime(), x -> o.renewalTime(), x -> o.rebindingTime(), x -> o.routers(),
                x -> o.dnsServers(), x -> o.clientId(), x -> o.vendorClass(), x -> o.cableLabsVendorInfo(),
                x -> o.relayAgentInfo(), x -> o.clientConfiguration(), x -> o.legacyClientConfiguration(),
                x -> o.maxMessageSize(), x -> o.hostName(), x -> o.domainName(), x -> o.tftpServer(), x -> o.bootfile(),
                x -> o.parameterRequestList(), x -> o.requests(DhcpOptionCode.CCC));
        for (FuzzTarget.Decoder view : views) {
            try {
                view.decode(b);
            } catch (DecodeException rejected) {
                // a malformed option is reported to the caller, not fatal
            }
        }
        if (o.contains(DhcpOptionCode.CCC)) {
            try {
                exerciseCcc(o.get(DhcpOptionCode.CCC).orElseThrow().value(), o.clientConfiguration().orElseThrow());
            } catch (DecodeException malformed122) {
                // reported above
            }
        }
        try {
            o.vendorClass().flatMap(VendorClass::capabilities).ifPresent(FuzzTargets::exerciseCapabilities);
        } catch (DecodeException malformed60) {
            // reported above
        }
        m.hardwareAddress();
        m.hardwareAddressText();
        m.serverName();
        m.fileName();
        m.toString();
        byte[] once = m.encode();
        DhcpMessage again = DhcpMessage.decode(once);
        if (!again.options().equals(o)) {
            throw new AssertionError("options change after encode/decode: " + o + " -> " + again.options());
        }
        same(again.encode(), once);
        try {
            DhcpMessage small = DhcpMessage.decode(m.encode(DhcpMessage.DEFAULT_MAX_MESSAGE_SIZE));
            if (!small.options().equals(o)) {
                throw new AssertionError("options change after encode(576) with overload: " + codes(o) + " -> "
                        + codes(small.options()));
            }
        } catch (IllegalArgumentException tooBig) {
            // the encoder may refuse a message that cannot fit 576 bytes
        }
        m.toBuilder().build();
        DhcpMessage.builder().option(DhcpMessageType.ACK.toOption()).build();
    }

    private static void exerciseCcc(byte[] b, Object decoded) {
        ClientConfiguration c = (ClientConfiguration) decoded;
        same(c.encode(), b);
        c.primaryDhcpServer();
        c.secondaryDhcpServer();
        c.provisioningServer();
        c.asReqBackoff();
        c.apReqBackoff();
        c.kerberosRealm();
        c.tgsUtilization();
        c.provisioningTimer();
        c.ticketControl();
        c.kdcServers();
        c.toString();
        if (!c.toBuilder().build().equals(c)) {
            throw new AssertionError("toBuilder().build() differs");
        }
        DhcpOption option = c.toOption();
        same(option.value(), b);
    }

    private static void exerciseLegacyCcc(byte[] b, Object decoded) {
        LegacyClientConfiguration c = (LegacyClientConfiguration) decoded;
        same(c.encode(), b);
        c.primaryDhcpServer();
        c.secondaryDhcpServer();
        c.snmpEntity();
        c.primaryDnsServer();
        c.secondaryDnsServer();
        c.kerberosRealm();
        c.fetchTgt();
        c.provisioningTimer();
        c.cmsFqdn();
        c.asReqBackoff();
        c.apReqBackoff();
        c.clearTickets();
        c.toString();
    }

    private static void exerciseVendorInfo(byte[] b, Object decoded) {
        CableLabsVendorInfo v = (CableLabsVendorInfo) decoded;
        same(v.encode(), b);
        v.deviceType();
        v.esafeTypes();
        v.serialNumber();
        v.hardwareVersion();
        v.softwareVersion();
        v.bootRomVersion();
        v.oui();
        v.modelNumber();
        v.vendorName();
        v.mtaMacText();
        v.correlationId();
        v.toString();
    }

    private static void exerciseRelayAgent(byte[] b, Object decoded) {
        RelayAgentInfo a = (RelayAgentInfo) decoded;
        same(a.encode(), b);
        a.circuitId();
        a.remoteId();
        a.remoteIdMac();
        a.vendorSpecific();
        a.toString();
    }

    private static void exerciseVendorClass(byte[] b, Object decoded) {
        VendorClass v = (VendorClass) decoded;
        same(v.encode(), b);
        v.identifier();
        v.isPacketCable();
        v.isDocsis();
        v.capabilities().ifPresent(FuzzTargets::exerciseCapabilities);
        v.toString();
    }

    private static void exerciseCapabilities(io.mtaprov.protocol.dhcp.DeviceCapabilities c) {
        c.version();
        c.endpoints();
        c.nvramTicketStorage();
        c.firstIfIndex();
        c.supportedFlows();
        c.codecs();
        c.mibSupport();
        c.asList().forEach(DeviceCapability::unsignedValue);
        c.asList().forEach(DeviceCapability::name);
        c.toString();
    }

    private static void exerciseConfigFile(byte[] b, Object decoded) throws DecodeException {
        ConfigFile f = (ConfigFile) decoded;
        same(f.encode(), b);
        ConfigValidator.validate(f);
        ConfigHash.verify(f);
        f.varbinds();
        String text = ConfigText.print(f);
        try {
            same(ConfigText.parse(text).toConfigFile().encode(), b);
        } catch (DecodeException e) {
            throw new AssertionError("printed text does not parse: " + e.getMessage() + "\n" + text, e);
        }
    }

    private static void exerciseConfigText(byte[] b, Object decoded) {
        ConfigDocument doc = (ConfigDocument) decoded;
        ConfigValidator.validate(doc);
        String printed = ConfigText.print(doc);
        try {
            if (!ConfigText.parse(printed).toConfigFile().equals(doc.toConfigFile())) {
                throw new AssertionError("printed text parses to another file:\n" + printed);
            }
        } catch (DecodeException e) {
            throw new AssertionError("printed text does not parse: " + e.getMessage() + "\n" + printed, e);
        }
        doc.toConfigFile().encode();
    }

    private static void exercisePcap(byte[] b, Object decoded) {
        @SuppressWarnings("unchecked")
        List<UdpRecord> records = (List<UdpRecord>) decoded;
        long total = 0;
        for (UdpRecord r : records) {
            total += r.payload().length + 16 + 28; // record header + IPv4 + UDP at least
            r.toString();
        }
        if (total > b.length) {
            throw new AssertionError("records hold " + total + " bytes, more than the " + b.length + "-byte file");
        }
    }

    private static List<Integer> codes(DhcpOptions o) {
        return o.asList().stream().map(DhcpOption::code).toList();
    }

    static void same(byte[] actual, byte[] expected) {
        if (!Arrays.equals(actual, expected)) {
            throw new AssertionError("re-encodes to " + java.util.HexFormat.of().formatHex(actual));
        }
    }

    // ---- seeds and random shapes ----

    private static List<byte[]> dhcpSeeds() {
        String header = java.util.HexFormat.of().formatHex(Arrays.copyOf(Fixtures.discover(), 240));
        byte[] overloaded = Fixtures.hex(header + "340103 0c026d74 ff");
        System.arraycopy(Fixtures.hex("0c0161 350102 ff"), 0, overloaded, 108, 7);
        System.arraycopy(Fixtures.hex("0c022d32 0f03636f6d"), 0, overloaded, 44, 9);
        byte[] longOption = DhcpMessage.builder().option(DhcpOption.of(43, new byte[400]))
                .option(DhcpMessageType.ACK.toOption()).build().encode();
        byte[] ccc = Fixtures.hex(header + "350105 7a25 01040a000001 0609054241534943013100"
                + " 031200036d7073076578616d706c6503636f6d00 b103080105 ff");
        return List.of(Fixtures.discover(), Fixtures.ack().encode(), overloaded, longOption, ccc);
    }

    private static List<byte[]> configSeeds() {
        byte[] twoLine = Fixtures.twoLineFileWire();
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(twoLine);
        try {
            seeds.add(ConfigText.parse(ConfigSeedsText.PROTOCOL_EXAMPLE).toConfigFile().encode());
        } catch (DecodeException e) {
            throw new IllegalStateException("seed text does not parse", e);
        }
        seeds.add(Fixtures.hex("fe0101 feff01"));
        return seeds;
    }

    private static List<byte[]> textSeeds() {
        try {
            String printed = ConfigText.print(ConfigFile.decode(Fixtures.twoLineFileWire()));
            return List.of(printed.getBytes(StandardCharsets.ISO_8859_1),
                    ConfigSeedsText.PROTOCOL_EXAMPLE.getBytes(StandardCharsets.ISO_8859_1),
                    ConfigSeedsText.GENERIC.getBytes(StandardCharsets.ISO_8859_1));
        } catch (DecodeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[][] textTokens() {
        String[] t = {"Main", "{", "}", ";", "SnmpMibObject ", "GenericTLV ", "TlvCode ", "TlvLength ", "TlvValue ",
            "MtaConfigDelimiter ", "Integer ", "String ", "HexString ", "Unsigned32 ", "Gauge32 ", "Counter64 ",
            "IPAddress ", "ObjectID ", "TimeTicks ", "0x", "\"", "'", "/*", "*/", "//", "#", "\n", "\\", ".0", ".9",
            ".'REALM.COM'", "pktcMtaDevEnabled", "pktcNcsEndPntConfigCallAgentId", "1.3.6.1.4.1.4491", "4294967296",
            "-1", "-2147483649", "99999999999999999999", "0xffffffffffffffffff", "PKTC-MTA-MIB::", ".", ":"};
        byte[][] out = new byte[t.length][];
        for (int i = 0; i < t.length; i++) {
            out[i] = t[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return out;
    }

    private static byte[] randomText(Random r, byte[] ignored) {
        String alphabet = "Main{};\"'.0123456789xabcdefSnmpMibObject GenericTLV TlvCode /*#\n\\-:";
        StringBuilder sb = new StringBuilder();
        for (int n = r.nextInt(300); n > 0; n--) {
            sb.append(r.nextInt(10) == 0 ? (char) r.nextInt(256) : alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] randomHexClass(Random r, byte[] b) {
        if (r.nextBoolean()) {
            return b;
        }
        String hex = "0123456789abcdefABCDEF";
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? "pktc1.0:05" : "docsis3.0:05");
        for (int n = r.nextInt(80); n > 0; n--) {
            sb.append(hex.charAt(r.nextInt(hex.length())));
        }
        return ascii(sb.toString());
    }

    private static List<byte[]> pcapSeeds() {
        return List.of(new PcapWriter()
                .addUdp(Instant.EPOCH, new InetSocketAddress("10.0.0.1", 1), new InetSocketAddress("10.0.0.2", 2),
                        new byte[] {1, 2, 3})
                .addUdp(Instant.EPOCH, new InetSocketAddress("10.0.0.2", 2), new InetSocketAddress("10.0.0.1", 1),
                        new byte[0]).toBytes(),
                new PcapWriter().addUdp(Instant.parse("2026-11-02T10:15:30.123456Z"), new InetSocketAddress("10.1.0.1", 67),
                        new InetSocketAddress("10.0.0.1", 67), Fixtures.discover()).toBytes());
    }

    private static byte[][] tokens(Object... items) {
        byte[][] out = new byte[items.length][];
        for (int i = 0; i < items.length; i++) {
            out[i] = items[i] instanceof byte[] b ? b : Fixtures.hex((String) items[i]);
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
