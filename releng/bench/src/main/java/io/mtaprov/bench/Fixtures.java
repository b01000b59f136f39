package io.mtaprov.bench;

import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.config.HashDialect;
import io.mtaprov.protocol.config.SnmpValue;
import io.mtaprov.protocol.config.Varbind;
import io.mtaprov.protocol.dhcp.ClientConfiguration;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageBuilder;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.KerberosBackoff;
import io.mtaprov.protocol.dhcp.StandardOptions;
import io.mtaprov.protocol.mib.MibTree;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The inputs of the benchmarks and the seeds of the fuzzer: a two-line MTA config file of about
 * 500 bytes (as tests/.../config/ConfigFixtures#twoLineFile) and the DHCP messages of an MTA's
 * provisioning (DISCOVER as tests/.../dhcp/Vectors#discover, an ACK with option 122). Built
 * through the public codec API only.
 */
public final class Fixtures {
    /** Option 60 of a real eMTA (PKT-SP-PROV1.5 section 8.2 form). */
    public static final String PKTC10_VENDOR_CLASS =
            "pktc1.0:051f0101000201020901010b04060903040c01010d01010f010110010912020007";

    /** Option 122 value, RFC 3495 sections 4.1-4.8, RFC 3594, RFC 3634 layouts. */
    public static final String OPTION_122 = "01040a000001" + "02040a000002"
            + "031200036d7073076578616d706c6503636f6d00" + "040c000000640000000a00000005"
            + "050c000000c80000001400000003" + "060d074558414d504c4503434f4d00" + "070101" + "08010a"
            + "09020003" + "0a080a0000580a000059";

    /** Option 43 of an eMTA (CableLabs sub-options, PKT-SP-PROV1.5 section 8.1). */
    public static final String OPTION_43 = "0204454d5441" + "030845434d3a454d5441" + "0408534e313233343536"
            + "05025631" + "0605312e322e33" + "07024231" + "0806303031313232"
            + "09044d353030" + "0a0441434d45" + "1f06001122334455" + "20040000002a";

    /** Option 82 from a CMTS (RFC 3046 3.1, 3.2; RFC 4243 for sub-option 9). */
    public static final String OPTION_82 = "010400000001" + "020600aabbccddee" + "090800007ed903010102";

    /** Option 177 (pre-RFC CCC). */
    public static final String OPTION_177 = "01040a000001" + "030f6d70732e6578616d706c652e636f6d"
            + "060b4558414d504c452e434f4d" + "070101" + "080105" + "0a0c000000640000000a00000005" + "0c0101";

    private Fixtures() {
    }

    /** A two-line (endpoints 9 and 10) CableLabs MTA file, without its hash TLV. */
    public static ConfigFile twoLineFile() {
        List<Varbind> v = new ArrayList<>();
        v.add(vb("pktcMtaDevEnabled.0", new SnmpValue.Integer32(1)));
        for (int line = 9; line <= 10; line++) {
            v.add(vb("pktcNcsEndPntConfigCallAgentId." + line, SnmpValue.OctetString.of("[10.0.0.1]")));
            v.add(vb("pktcNcsEndPntConfigCallAgentUdpPort." + line, new SnmpValue.Integer32(2727)));
            v.add(vb("pktcNcsEndPntConfigPartialDialTO." + line, new SnmpValue.Integer32(16)));
            v.add(vb("pktcNcsEndPntConfigCriticalDialTO." + line, new SnmpValue.Integer32(16)));
            v.add(vb("pktcNcsEndPntConfigMWD." + line, new SnmpValue.Integer32(600)));
            v.add(vb("pktcNcsEndPntConfigTdinit." + line, new SnmpValue.Integer32(15)));
            v.add(vb("pktcNcsEndPntConfigTdmin." + line, new SnmpValue.Integer32(15)));
            v.add(vb("pktcNcsEndPntConfigTdmax." + line, new SnmpValue.Integer32(600)));
            v.add(vb("pktcNcsEndPntConfigRtoMax." + line, new SnmpValue.Integer32(4)));
            v.add(vb("pktcNcsEndPntConfigRtoInit." + line, new SnmpValue.Integer32(200)));
        }
        v.add(vb("pktcMtaDevRealmOrgName.'REALM.COM'", SnmpValue.OctetString.of("Operator")));
        return ConfigHash.withoutHash(ConfigFile.ofVarbinds(v));
    }

    /** The two-line file as the MTA downloads it: encoded with its CableLabs hash TLV. */
    public static byte[] twoLineFileWire() {
        return ConfigHash.encodeWithHash(twoLineFile(), HashDialect.CABLELABS);
    }

    private static Varbind vb(String name, SnmpValue value) {
        return Varbind.of(name, MibTree.CABLELABS, value);
    }

    /** A relayed eMTA DISCOVER (RFC 2131 figure 1): options 53, 61, 55, 60, 43, 82, end. */
    public static byte[] discover() {
        String header = "01010601" + "1a2b3c4d" + "0004" + "8000" + "00000000" + "00000000" + "00000000"
                + "0a010001" + "001122334455" + "00".repeat(10) + "00".repeat(64 + 128) + "63825363";
        String options = "350101" + "3d0701001122334455" + "37050103060f7a"
                + "3c4a" + HexFormat.of().formatHex(PKTC10_VENDOR_CLASS.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                + "2b4b" + OPTION_43 + "5218" + OPTION_82 + "ff";
        return hex(header + options);
    }

    /** The ACK to {@link #discover()}: lease, mask, router, DNS, option 122, boot file and TFTP server. */
    public static DhcpMessage ack() {
        try {
            DhcpMessage request = DhcpMessage.decode(discover());
            ClientConfiguration ccc = ClientConfiguration.builder()
                    .primaryDhcpServer(Ipv4Address.of(10, 0, 0, 1))
                    .secondaryDhcpServer(Ipv4Address.of(10, 0, 0, 2))
                    .provisioningServer("mps.example.com")
                    .asReqBackoff(new KerberosBackoff(100, 10, 5))
                    .apReqBackoff(new KerberosBackoff(200, 20, 3))
                    .kerberosRealm("EXAMPLE.COM")
                    .tgsUtilization(true)
                    .provisioningTimer(10)
                    .ticketControl(ClientConfiguration.INVALIDATE_PROVISIONING_TICKETS)
                    .kdcServers(List.of(Ipv4Address.of(10, 0, 0, 88), Ipv4Address.of(10, 0, 0, 89)))
                    .build();
            DhcpMessageBuilder b = DhcpMessageBuilder.replyTo(request)
                    .yiaddr(Ipv4Address.of(10, 1, 0, 23))
                    .siaddr(Ipv4Address.of(10, 0, 0, 69))
                    .fileName("mta-001122334455.bin")
                    .option(DhcpMessageType.ACK.toOption())
                    .option(StandardOptions.serverId(Ipv4Address.of(10, 0, 0, 1)))
                    .option(StandardOptions.leaseTime(86_400))
                    .option(StandardOptions.renewalTime(43_200))
                    .option(StandardOptions.rebindingTime(75_600))
                    .option(StandardOptions.subnetMask(Ipv4Address.of(255, 255, 255, 0)))
                    .option(StandardOptions.routers(List.of(Ipv4Address.of(10, 1, 0, 1))))
                    .option(StandardOptions.dnsServers(List.of(Ipv4Address.of(10, 0, 0, 53))))
                    .option(StandardOptions.hostName("mta-001122334455"))
                    .option(StandardOptions.domainName("example.com"))
                    .option(ccc.toOption());
            return b.build();
        } catch (io.mtaprov.protocol.DecodeException e) {
            throw new IllegalStateException("the DISCOVER fixture does not decode", e);
        }
    }

    /** Hex to bytes, spaces allowed. */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
