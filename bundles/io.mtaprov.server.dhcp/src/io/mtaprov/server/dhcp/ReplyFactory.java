package io.mtaprov.server.dhcp;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageBuilder;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.DhcpOption;
import io.mtaprov.protocol.dhcp.DhcpOptionCode;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.StandardOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds OFFER, ACK and NAK messages (RFC 2131 section 4.3.1 table 3). The options that do not
 * depend on the client are built once per scope, options 122/177 too (the scope's realm). Confined to the receive thread.
 */
final class ReplyFactory {
    /** Message, RFC 2132 section 9.9: the reason text of a NAK. */
    static final int OPTION_MESSAGE = 56;

    private final Function<Scope, MtaOptions> mta;
    private final DhcpOption serverId;
    private final Map<Scope, DhcpOption[]> network = new HashMap<>();
    private final Map<Scope, DhcpOption[]> leaseTimes = new HashMap<>();

    ReplyFactory(DhcpConfig config, Function<Scope, MtaOptions> mta) {
        this.mta = mta;
        this.serverId = StandardOptions.serverId(config.serverId());
    }

    /** OFFER or ACK: {@code yiaddr} 0 and no lease times for an INFORM ACK (section 4.3.5). */
    DhcpMessage reply(DhcpMessageType type, DhcpMessage req, Scope scope, ClientClass cls, int yiaddr,
            boolean withLease, String hostLabel, BasicFlowFileProvider.BasicFlowFile basic) {
        DhcpMessageBuilder b = DhcpMessageBuilder.replyTo(req).yiaddr(new Ipv4Address(yiaddr))
                .option(type.toOption()).option(serverId);
        if (type == DhcpMessageType.ACK) {
            b.ciaddr(req.ciaddr()); // table 3: ciaddr of the REQUEST (0 or the client's address)
        }
        if (withLease) {
            for (DhcpOption o : leaseTimes.computeIfAbsent(scope, ReplyFactory::leaseTimes)) {
                b.option(o);
            }
        }
        for (DhcpOption o : network.computeIfAbsent(scope, ReplyFactory::networkOptions)) {
            b.option(o);
        }
        if (cls == ClientClass.PKTC) {
            if (hostLabel != null) {
                b.option(StandardOptions.hostName(hostLabel));
            }
            MtaOptions pktc = mta.apply(scope);
            b.option(pktc.ccc());
            if (req.options().requests(DhcpOptionCode.LEGACY_CCC) && !req.options().requests(DhcpOptionCode.CCC)) {
                b.option(pktc.legacy());
            }
            if (basic != null) {
                b.siaddr(Ipv4Address.parse(basic.tftpAddress())).fileName(basic.fileName());
            }
        }
        echoRelayInfo(req, b);
        return b.build();
    }

    /** NAK with the reason in option 56; broadcast bit set when relayed (RFC 2131 section 4.3.2). */
    DhcpMessage nak(DhcpMessage req, String reason) {
        DhcpMessageBuilder b = DhcpMessageBuilder.replyTo(req).option(DhcpMessageType.NAK.toOption())
                .option(serverId);
        String text = reason.length() > 250 ? reason.substring(0, 250) : reason;
        b.option(DhcpOption.ascii(OPTION_MESSAGE, text.replaceAll("[^\\x20-\\x7e]", "?")));
        if (req.giaddr().bits() != 0) {
            b.broadcast(true);
        }
        echoRelayInfo(req, b);
        return b.build();
    }

    /** Encodes within the client's option 57 limit (576 when absent or malformed). */
    static byte[] encode(DhcpMessage reply, DhcpMessage req) {
        int max;
        try {
            max = req.options().maxMessageSize().orElse(DhcpMessage.DEFAULT_MAX_MESSAGE_SIZE);
        } catch (DecodeException e) {
            max = DhcpMessage.DEFAULT_MAX_MESSAGE_SIZE;
        }
        return reply.encode(Math.max(max, DhcpMessage.DEFAULT_MAX_MESSAGE_SIZE));
    }

    /** RFC 3046 section 2.2: option 82 is echoed unchanged, as the last option. */
    private static void echoRelayInfo(DhcpMessage req, DhcpMessageBuilder b) {
        req.options().get(DhcpOptionCode.RELAY_AGENT_INFO).ifPresent(b::option);
    }

    private static DhcpOption[] leaseTimes(Scope s) {
        long t = s.leaseSeconds();
        return new DhcpOption[] {StandardOptions.leaseTime(t), StandardOptions.renewalTime(t / 2), // T1, 4.4.5
            StandardOptions.rebindingTime(t * 7 / 8)}; // T2, RFC 2131 section 4.4.5
    }

    private static DhcpOption[] networkOptions(Scope s) {
        List<DhcpOption> o = new ArrayList<>();
        o.add(StandardOptions.subnetMask(s.mask()));
        if (s.router().bits() != 0) {
            o.add(StandardOptions.routers(List.of(s.router())));
        }
        if (!s.dns().isEmpty()) {
            o.add(StandardOptions.dnsServers(s.dns()));
        }
        if (!s.domain().isEmpty()) {
            o.add(StandardOptions.domainName(s.domain()));
        }
        return o.toArray(DhcpOption[]::new);
    }
}
