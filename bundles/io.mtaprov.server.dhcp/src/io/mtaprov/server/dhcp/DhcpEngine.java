package io.mtaprov.server.dhcp;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.DhcpOption;
import io.mtaprov.protocol.dhcp.DhcpOptionCode;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The DHCPv4 server logic (RFC 2131 section 4.3): decodes one datagram, decides, and fills an
 * {@link Exchange} with the reply, the lease change and the traces. Requests are handled by
 * {@link Requests}; this class holds the shared decisions (scope, address, flow checks, reply
 * address). Confined to the receive thread; never throws for bad input.
 */
final class DhcpEngine {
    /** Requested IP address, RFC 2132 section 9.1. */
    static final int OPTION_REQUESTED_IP = 50;
    /** Hostname label of an MTA that sent no usable option 12 (RFC 2132 section 3.14). */
    static final String MTA_HOST_PREFIX = "mta-";
    static final String SOURCE = "dhcp";
    /** Option 82 sub-option Relay Source Port, RFC 8357 section 5. */
    static final int RELAY_SOURCE_PORT = 19;
    private static final InetAddress BROADCAST = new Ipv4Address(-1).toInetAddress();
    private static final HexFormat HEX = HexFormat.of();

    final DhcpConfig config;
    final LeaseTable table;
    final ReplyFactory replies;
    private final int serverPort;
    private final Supplier<BasicFlowFileProvider> basic;
    private final Requests requests = new Requests(this);
    /** Options 122/177 of each scope of the config, built once (identity: the config's instances). */
    private final Map<Scope, MtaOptions> mtaOptions = new IdentityHashMap<>();

    DhcpEngine(DhcpConfig config, LeaseTable table, int serverPort, Supplier<BasicFlowFileProvider> basic) {
        this.config = config;
        config.defaultScope().ifPresent(this::mta);
        config.relayScopes().forEach(this::mta);
        this.table = table;
        this.replies = new ReplyFactory(config, this::mta);
        this.serverPort = serverPort;
        this.basic = basic;
    }

    /** One decoded request with what every handler needs. */
    record Req(DhcpMessage m, DhcpMessageType type, String mac, String vendorClass, ClientClass cls, long now,
            Exchange ex) {
    }

    /** Handles one datagram of {@code len} bytes ({@code truncated}: it did not fit the buffer). */
    Exchange handle(byte[] buf, int len, boolean truncated, InetSocketAddress source, long now) {
        Exchange ex = new Exchange(source);
        if (truncated) {
            return refuse(ex, now, "oversized datagram (more than " + len + " bytes) dropped", "");
        }
        DhcpMessage m;
        try {
            m = DhcpMessage.decode(ByteBuffer.wrap(buf, 0, len));
        } catch (DecodeException e) {
            return refuse(ex, now, "malformed DHCP message of " + len + " bytes: " + e.getMessage(), "");
        }
        ex.mac = mac(m);
        if (m.op() != DhcpMessage.BOOTREQUEST) {
            return refuse(ex, now, "op " + m.op() + " is not a BOOTREQUEST", "");
        }
        if (m.hlen() < 1 || m.hlen() > DhcpMessage.CHADDR_LENGTH) {
            return refuse(ex, now, "hlen " + m.hlen() + " is not 1..16", "");
        }
        DhcpMessageType type;
        try {
            type = m.options().messageType().orElse(null);
        } catch (DecodeException e) {
            return refuse(ex, now, e.getMessage(), "");
        }
        if (type == null) {
            return refuse(ex, now, "no option 53: plain BOOTP is not served", "");
        }
        String vc = m.options().get(DhcpOptionCode.VENDOR_CLASS).map(o -> latin1(o.value())).orElse("");
        Req r = new Req(m, type, ex.mac, vc, ClientClass.of(vc), now, ex);
        trace(r, ProvisioningStep.DEVICE_ACTION_REQUEST, Direction.IN, ex.peer(), type + " xid 0x"
                + Integer.toHexString(m.xid()) + (m.giaddr().bits() != 0 ? " via " + m.giaddr() : ""),
                describe(r), Outcome.OK);
        switch (type) {
            case DISCOVER -> requests.discover(r);
            case REQUEST -> requests.request(r);
            case RELEASE -> requests.release(r);
            case DECLINE -> requests.decline(r);
            case INFORM -> requests.inform(r);
            default -> reject(r, "DHCP" + type + " is not a client message");
        }
        return ex;
    }

    /**
     * The scope of a request: by giaddr when relayed, else the scope holding ciaddr (renewing
     * clients talk to us directly), else the default scope. Refuses when none.
     */
    Scope scope(Req r) {
        int gi = r.m().giaddr().bits();
        int ci = r.m().ciaddr().bits();
        Optional<Scope> s = gi != 0 ? config.scopeFor(gi)
                : ci != 0 ? config.scopeContaining(ci).or(config::defaultScope) : config.defaultScope();
        if (s.isEmpty()) {
            reject(r, gi != 0 ? "no scope serves relay giaddr " + r.m().giaddr()
                    : "no default scope for clients without a relay");
            return null;
        }
        return s.get();
    }

    /** Whether this client may use {@code ip} in the scope: its class pool or its reservation. */
    boolean allowed(Req r, Scope scope, int ip) {
        return scope.inPool(r.cls(), ip) || (scope.contains(ip)
                && config.reservation(r.mac()).map(a -> a.bits() == ip).orElse(false));
    }

    /** Reservation, then the client's previous address, then option 50, then the pool; 0 if none. */
    int choose(Req r, Scope scope, int requested) {
        Optional<Ipv4Address> res = config.reservation(r.mac());
        if (res.isPresent() && scope.contains(res.get().bits()) && table.available(res.get().bits(), r.mac(), r.now())) {
            return res.get().bits();
        }
        LeaseTable.Binding b = table.byMac(r.mac());
        for (int ip : new int[] {b == null ? 0 : b.ip(), requested}) {
            if (ip != 0 && scope.inPool(r.cls(), ip) && table.available(ip, r.mac(), r.now())) {
                return ip;
            }
        }
        return table.allocate(scope.pool(r.cls()), r.mac(), r.now());
    }

    /** The PacketCable options of MTAs in {@code scope} (its realm, hence its flow). */
    MtaOptions mta(Scope scope) {
        MtaOptions o = mtaOptions.get(scope);
        if (o == null) {
            o = MtaOptions.of(scope, config.network(), config.serverId(), config.provisioningTimer());
            mtaOptions.put(scope, o);
        }
        return o;
    }

    /**
     * Errors of the settings that keep MTAs from getting option 122 in some scope, for the server's
     * status at start; a scope configured without provisioning ({@code realm} empty) is not an error.
     */
    List<String> configErrors() {
        List<String> out = new ArrayList<>();
        mtaOptions.forEach((s, o) -> {
            if (o.error() != null && !(s.realm() != null && s.realm().isBlank())) {
                out.add(o.error());
            }
        });
        return out;
    }

    /**
     * False (and refused at step 2 with the reason) when an MTA cannot get option 122 in this scope:
     * PROTOCOL.md, a PacketCable DHCP server never hands an MTA a lease without it.
     */
    boolean mtaReady(Req r, Scope scope) {
        MtaOptions mta = mta(scope);
        if (r.cls() == ClientClass.PKTC && mta.error() != null) {
            if (!(scope.realm() != null && scope.realm().isBlank())) {
                r.ex().configError = mta.error();
            }
            r.ex().result = Exchange.Result.REJECTED;
            trace(r, ProvisioningStep.DHCP_OPTIONS_TRANSFER, Direction.OUT, r.ex().peer(), r.type()
                    + " refused: no lease without option 122: " + mta.error(), describe(r), Outcome.REJECTED);
            return false;
        }
        return true;
    }

    /**
     * The Basic-flow file of an MTA: null when not needed; {@code Optional.empty()} when needed but
     * unavailable (the reason is already traced).
     */
    Optional<BasicFlowFileProvider.BasicFlowFile> basicFile(Req r, Scope scope, Lease lease, String refused) {
        MtaOptions mta = mta(scope);
        if (r.cls() != ClientClass.PKTC || !mta.flow().isBasic()) {
            return null;
        }
        BasicFlowFileProvider p = basic.get();
        String why;
        if (p == null) {
            why = "no BasicFlowFileProvider is registered (is the provisioning server running?)";
        } else {
            try {
                Optional<BasicFlowFileProvider.BasicFlowFile> f = p.fileFor(r.mac(), lease);
                if (f.isPresent() && f.get().fileName().length() < DhcpMessage.FILE_LENGTH
                        && StandardCharsets.US_ASCII.newEncoder().canEncode(f.get().fileName())) {
                    Ipv4Address.parse(f.get().tftpAddress());
                    return f;
                }
                why = f.isEmpty() ? "the BasicFlowFileProvider has no configuration file for " + r.mac()
                        : "file name '" + f.get().fileName() + "' does not fit the 128-byte file field";
            } catch (RuntimeException e) {
                why = "the BasicFlowFileProvider failed: " + e;
            }
        }
        reject(r, refused + ": Basic flow (realm " + mta.flow().realmName() + ") needs siaddr + file naming the"
                + " configuration file, but " + why);
        return Optional.empty();
    }

    /** A lease of this request. */
    Lease lease(Req r, Scope scope, int ip, Lease.State state, long start, long expires) {
        return new Lease(r.mac(), new Ipv4Address(ip).toString(), scope.name(), r.cls().key(), r.vendorClass(),
                r.cls() == ClientClass.PKTC ? hostLabel(r) + "." + scope.domain() : "",
                r.m().options().get(DhcpOptionCode.RELAY_AGENT_INFO).map(o -> HEX.formatHex(o.value())).orElse(""),
                state, Instant.ofEpochMilli(start), Instant.ofEpochMilli(expires),
                r.cls() == ClientClass.PKTC ? mta(scope).realm() : "");
    }

    /** The MTA's host label: its option 12 if a valid DNS label, else mta-<mac hex>. */
    String hostLabel(Req r) {
        String h = r.m().options().hostName().orElse("");
        return h.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?") ? h
                : MTA_HOST_PREFIX + r.mac().replace(":", "");
    }

    /** Encodes and addresses a reply (RFC 2131 section 4.1), traced as step 2. */
    void send(Req r, DhcpMessage reply, DhcpMessageType type, String summary, String detail, Outcome o) {
        Exchange ex = r.ex();
        try {
            ex.reply = ReplyFactory.encode(reply, r.m());
        } catch (IllegalArgumentException tooLong) { // e.g. a long option 82 to echo (RFC 3046 2.2) and option 122
            ex.reply = null;
            ex.result = Exchange.Result.REJECTED;
            trace(r, ProvisioningStep.DHCP_OPTIONS_TRANSFER, Direction.OUT, "", "no " + type + " sent: it does not fit",
                    tooLong.getMessage() + " (the client's option 57, at least 576: RFC 2131 section 2)", Outcome.REJECTED);
            return;
        }
        ex.destination = destination(r.m(), ex.source);
        ex.result = type == DhcpMessageType.NAK ? Exchange.Result.REJECTED : Exchange.Result.ANSWERED;
        trace(r, ProvisioningStep.DHCP_OPTIONS_TRANSFER, Direction.OUT, ex.destination.getAddress().getHostAddress()
                + ":" + ex.destination.getPort(), summary, detail, o);
    }

    /**
     * RFC 2131 section 4.1: relayed -> the relay's server port, or the port it sent from when its
     * option 82 carries the Relay Source Port sub-option (RFC 8357 section 5: a relay that does not
     * listen on the server port); from a client that has an address (renewing, INFORM, or any
     * client on loopback) -> back to the source address and port; from 0.0.0.0 -> broadcast to the
     * client port (we cannot unicast to yiaddr without an ARP entry, which 4.1 allows).
     */
    InetSocketAddress destination(DhcpMessage m, InetSocketAddress source) {
        if (m.giaddr().bits() != 0) {
            return new InetSocketAddress(m.giaddr().toInetAddress(),
                    hasRelaySourcePort(m) ? source.getPort() : serverPort);
        }
        if (!source.getAddress().isAnyLocalAddress()) {
            return source;
        }
        return new InetSocketAddress(BROADCAST, serverPort + 1);
    }

    /** Whether option 82 holds sub-option 19, Relay Source Port (RFC 8357 section 5); false if malformed. */
    static boolean hasRelaySourcePort(DhcpMessage m) {
        try {
            return m.options().relayAgentInfo().map(i -> i.subOptions().contains(RELAY_SOURCE_PORT)).orElse(false);
        } catch (DecodeException e) {
            return false;
        }
    }

    void reject(Req r, String reason) {
        r.ex().result = Exchange.Result.REJECTED;
        trace(r, ProvisioningStep.DEVICE_ACTION_REQUEST, Direction.IN, r.ex().peer(), r.type() + " refused: " + reason,
                describe(r), Outcome.REJECTED);
    }

    void ignore(Req r, String reason) {
        r.ex().result = Exchange.Result.IGNORED;
        trace(r, ProvisioningStep.DEVICE_ACTION_REQUEST, Direction.IN, r.ex().peer(), r.type() + " ignored: " + reason,
                "", Outcome.INFO);
    }

    void trace(Req r, ProvisioningStep step, Direction d, String peer, String summary, String detail, Outcome o) {
        r.ex().traces.add(new TraceEvent(Instant.ofEpochMilli(r.now()), r.mac(), step, SOURCE, d, peer, summary,
                detail, o));
    }

    private Exchange refuse(Exchange ex, long now, String reason, String detail) {
        ex.result = Exchange.Result.REJECTED;
        ex.traces.add(new TraceEvent(Instant.ofEpochMilli(now), ex.mac, ProvisioningStep.DEVICE_ACTION_REQUEST,
                SOURCE, Direction.IN, ex.peer(), "refused: " + reason, detail, Outcome.REJECTED));
        return ex;
    }

    private static String describe(Req r) {
        StringBuilder sb = new StringBuilder(96).append("class ").append(r.cls().key());
        if (!r.vendorClass().isEmpty()) {
            sb.append(", option 60 '").append(r.vendorClass()).append('\'');
        }
        if (r.m().ciaddr().bits() != 0) {
            sb.append(", ciaddr ").append(r.m().ciaddr());
        }
        r.m().options().get(DhcpOptionCode.RELAY_AGENT_INFO)
                .ifPresent(o -> sb.append(", option 82 ").append(HEX.formatHex(o.value())));
        return sb.toString();
    }

    /** Option 50, 0 when absent or malformed. */
    static int requestedIp(DhcpMessage m) {
        Optional<DhcpOption> o = m.options().get(OPTION_REQUESTED_IP);
        return o.isPresent() && o.get().length() == 4 ? Ipv4Address.of(o.get().value()).bits() : 0;
    }

    static String mac(DhcpMessage m) {
        byte[] a = m.hardwareAddress();
        StringBuilder sb = new StringBuilder(a.length * 3);
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            HEX.toHexDigits(sb, a[i]);
        }
        return sb.toString();
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
