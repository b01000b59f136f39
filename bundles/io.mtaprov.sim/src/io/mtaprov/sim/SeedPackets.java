package io.mtaprov.sim;

import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageBuilder;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.RelayAgentInfo;
import io.mtaprov.protocol.dhcp.StandardOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.snmp4j.PDU;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.mp.SnmpConstants;

/**
 * Valid wire messages exactly as a simulated MTA sends them, for tools that need well-formed
 * starting points (the live-port fuzzer mutates them; probes send them unchanged). Thread-safe.
 */
public final class SeedPackets {
    private SeedPackets() {
    }

    /** The MTA's DHCPDISCOVER (options 60, 43, 55, ...; relayed with option 82 when giaddr is not null). */
    public static byte[] dhcpDiscover(MtaProfile mta, int xid, Ipv4Address giaddr) {
        return dhcp(mta, xid, giaddr, DhcpMessageType.DISCOVER).build().encode();
    }

    /** The MTA's DHCPREQUEST (SELECTING) for {@code address} from {@code server}. */
    public static byte[] dhcpRequest(MtaProfile mta, int xid, Ipv4Address address, Ipv4Address server) {
        return dhcp(mta, xid, null, DhcpMessageType.REQUEST).option(StandardOptions.serverId(server))
                .option(io.mtaprov.protocol.dhcp.DhcpOption.of(DhcpClient.REQUESTED_ADDRESS, address.toBytes()))
                .build().encode();
    }

    private static DhcpMessageBuilder dhcp(MtaProfile mta, int xid, Ipv4Address giaddr, DhcpMessageType type) {
        DhcpMessageBuilder b = DhcpMessage.builder().xid(xid).hardwareAddress(mta.macBytes())
                .option(StandardOptions.messageType(type));
        MtaDhcpOptions.requestOptions(mta, false).forEach(b::option);
        if (giaddr != null) {
            b.giaddr(giaddr).hops(1).option(RelayAgentInfo.of("fuzz-cmts".getBytes(StandardCharsets.US_ASCII),
                    mta.macBytes()).toOption());
        }
        return b;
    }

    /** The enrollment INFORM (pktcMtaDevProvisioningEnrollment, CableLabs tree) as an SNMPv2c message. */
    public static byte[] enrollmentInform(MtaProfile mta, String community, int requestId) {
        PDU pdu = Notifications.enrollment(new MtaMib(mta, MtaDhcpOptions.vendorClass(mta).text()));
        pdu.setRequestID(new org.snmp4j.smi.Integer32(requestId));
        return snmpV2cMessage(community, pdu);
    }

    /** {@code pdu} in an SNMPv2c message (RFC 1901 section 3: version 1, community, PDU). */
    public static byte[] snmpV2cMessage(String community, PDU pdu) {
        try {
            byte[] c = community.getBytes(StandardCharsets.US_ASCII);
            int body = BER.getBERLengthOfLength(1) + 1 + 1 // version INTEGER
                    + 1 + BER.getBERLengthOfLength(c.length) + c.length + pdu.getBERLength();
            BEROutputStream out = new BEROutputStream(ByteBuffer.allocate(body + 1 + BER.getBERLengthOfLength(body)));
            BER.encodeHeader(out, BER.SEQUENCE, body);
            BER.encodeInteger(out, BER.INTEGER, SnmpConstants.version2c);
            BER.encodeString(out, BER.OCTETSTRING, c);
            pdu.encodeBER(out);
            ByteBuffer b = out.rewind();
            byte[] bytes = new byte[b.limit()];
            b.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
