package io.mtaprov.server.dhcp;

import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.core.settings.SettingsLocations;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import java.io.IOException;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Reads {@link DhcpConfig} from framework/system properties and the optional scopes file named by
 * {@code mtaprov.dhcp.scopes}, else {@code <data dir>/dhcp-scopes.properties} when it exists (the
 * console's settings editor writes it there, see {@link SettingsLocations}) (Java properties syntax):
 *
 * <pre>
 * scopes=cmts1,cmts2                      # relay scopes, in the order they are matched
 * scope.cmts1.relays=192.168.1.1          # giaddr values (addresses inside the subnet match too)
 * scope.cmts1.subnet=10.20.0.0/16
 * scope.cmts1.router=10.20.0.1
 * scope.cmts1.leaseTime=3600
 * scope.cmts1.pool.pktc=10.20.0.10-10.20.0.250       # several ranges: comma separated
 * scope.cmts1.pool.docsis=10.20.1.10-10.20.1.250
 * scope.cmts1.pool.other=                            # empty: others are refused on this CMTS
 * scope.cmts1.dns=10.0.0.53               # default mtaprov.net.dnsAddress
 * scope.cmts1.domain=mtaprov.lab          # default mtaprov.net.zone
 * scope.cmts1.realm=BASIC.1               # option 122 sub-option 6, selects the flow; default
 *                                         # mtaprov.net.realm; empty: no provisioning configuration
 *                                         # on this CMTS (MTAs are refused: no lease without 122)
 * scope.default.subnet=...                # replaces the built-in scope for giaddr 0.0.0.0
 * default=false                           # no scope for unrelayed clients
 * reserve.00:10:95:aa:bb:cc=10.20.0.77
 * </pre>
 *
 * Other properties: {@code mtaprov.dhcp.serverId} (default: the bind address, or the first
 * non-loopback IPv4 address when bound to 0.0.0.0), {@code mtaprov.dhcp.provisioningTimer}
 * (minutes, default 10), {@code mtaprov.dhcp.offerHoldSeconds} (default 30).
 */
public final class DhcpConfigLoader {
    /** Property naming the scopes file. */
    public static final String SCOPES_PROPERTY = SettingsLocations.SCOPES_PROPERTY;
    /** The built-in scope for unrelayed clients: 10.10.0.0/16, one hour leases. */
    static final String DEFAULT_SCOPE = "default";

    private DhcpConfigLoader() {
    }

    /** The configuration from properties (and the file they name). */
    public static DhcpConfig load(UnaryOperator<String> props, ServerSettings s) throws IOException {
        ProvisioningNetwork net = ProvisioningNetwork.fromProperties(props);
        Properties file = new Properties();
        String explicit = props.apply(SCOPES_PROPERTY);
        Path scopes = SettingsLocations.scopesFile(props).orElse(null);
        // the file the settings editor writes in the data directory counts only when it exists
        String path = scopes != null && (explicit != null && !explicit.isBlank() || Files.exists(scopes))
                ? scopes.toString() : null;
        if (path != null) {
            try (Reader r = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
                file.load(r);
            }
        }
        try {
            return fromProperties(file, net, serverId(props.apply("mtaprov.dhcp.serverId"), s.bindAddress()),
                    intOr(props.apply("mtaprov.dhcp.provisioningTimer"), 10),
                    1000L * intOr(props.apply("mtaprov.dhcp.offerHoldSeconds"), 30),
                    s.bindAddress().startsWith("127."));
        } catch (IllegalArgumentException e) {
            throw new IOException("DHCP scopes" + (path == null ? "" : " in " + path) + ": " + e.getMessage(), e);
        }
    }

    /** The configuration of a scopes file already read. */
    public static DhcpConfig fromProperties(Properties p, ProvisioningNetwork net, Ipv4Address serverId,
            int provisioningTimer, long offerHoldMillis) {
        return fromProperties(p, net, serverId, provisioningTimer, offerHoldMillis, false);
    }

    /**
     * The configuration of a scopes file already read; {@code loopback} selects the built-in scope
     * for a server listening on loopback (see {@link #loopbackScope}).
     */
    public static DhcpConfig fromProperties(Properties p, ProvisioningNetwork net, Ipv4Address serverId,
            int provisioningTimer, long offerHoldMillis, boolean loopback) {
        List<Scope> relayScopes = new ArrayList<>();
        String names = p.getProperty("scopes", "");
        for (String n : names.split(",")) {
            if (!n.isBlank() && !n.trim().equals(DEFAULT_SCOPE)) {
                relayScopes.add(scope(p, n.trim(), net, null));
            }
        }
        Optional<Scope> dflt = Boolean.parseBoolean(p.getProperty("default", "true"))
                ? Optional.of(scope(p, DEFAULT_SCOPE, net, loopback ? loopbackScope(net) : defaultScope(net)))
                : Optional.empty();
        Map<String, Ipv4Address> reservations = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("reserve.")) {
                reservations.put(k.substring(8).trim().toLowerCase(Locale.ROOT), Ipv4Address.parse(p.getProperty(k)));
            }
        }
        return new DhcpConfig(dflt, relayScopes, reservations, serverId, net, provisioningTimer, offerHoldMillis);
    }

    /** The built-in scope for giaddr 0.0.0.0 (loopback and directly attached clients). */
    public static Scope defaultScope(ProvisioningNetwork net) {
        Map<ClientClass, List<AddressRange>> pools = new EnumMap<>(ClientClass.class);
        pools.put(ClientClass.PKTC, List.of(AddressRange.parse("10.10.0.10-10.10.127.254")));
        pools.put(ClientClass.DOCSIS, List.of(AddressRange.parse("10.10.128.10-10.10.191.254")));
        pools.put(ClientClass.OTHER, List.of(AddressRange.parse("10.10.192.10-10.10.255.250")));
        return new Scope(DEFAULT_SCOPE, List.of(), Ipv4Address.parse("10.10.0.0"), Ipv4Address.parse("255.255.0.0"),
                Ipv4Address.parse("10.10.0.1"), pools, 3600, List.of(Ipv4Address.parse(net.dnsAddress())), net.zone());
    }

    /**
     * The built-in scope when the server listens on loopback: 127.77.0.0/16. All of 127.0.0.0/8 is
     * loopback on Linux, so simulated MTAs on this machine can bind the address they lease (their
     * SNMP agent and INFORMs use it, docs/wire-contract.md); real MTAs never reach a loopback server.
     */
    public static Scope loopbackScope(ProvisioningNetwork net) {
        Map<ClientClass, List<AddressRange>> pools = new EnumMap<>(ClientClass.class);
        pools.put(ClientClass.PKTC, List.of(AddressRange.parse("127.77.0.10-127.77.127.254")));
        pools.put(ClientClass.DOCSIS, List.of(AddressRange.parse("127.77.128.10-127.77.191.254")));
        pools.put(ClientClass.OTHER, List.of(AddressRange.parse("127.77.192.10-127.77.255.250")));
        return new Scope(DEFAULT_SCOPE, List.of(), Ipv4Address.parse("127.77.0.0"),
                Ipv4Address.parse("255.255.0.0"), Ipv4Address.parse("127.77.0.1"), pools, 3600,
                List.of(Ipv4Address.parse(net.dnsAddress())), net.zone());
    }

    private static Scope scope(Properties p, String name, ProvisioningNetwork net, Scope base) {
        String k = "scope." + name + ".";
        String subnet = p.getProperty(k + "subnet");
        if (base != null && subnet == null) {
            String r = p.getProperty(k + "realm");
            return r == null ? base : base.withRealm(realm(r));
        }
        if (subnet == null || !subnet.contains("/")) {
            throw new IllegalArgumentException("scope " + name + " needs subnet=<network>/<prefix length>");
        }
        String[] sn = subnet.trim().split("/");
        int prefix = Integer.parseInt(sn[1].trim());
        if (prefix < 1 || prefix > 30) {
            throw new IllegalArgumentException("scope " + name + ": prefix length must be 1..30");
        }
        Ipv4Address mask = new Ipv4Address(-1 << (32 - prefix));
        Map<ClientClass, List<AddressRange>> pools = new EnumMap<>(ClientClass.class);
        for (ClientClass c : ClientClass.values()) {
            List<AddressRange> ranges = new ArrayList<>();
            for (String r : p.getProperty(k + "pool." + c.key(), "").split(",")) {
                if (!r.isBlank()) {
                    ranges.add(AddressRange.parse(r));
                }
            }
            pools.put(c, ranges);
        }
        List<Ipv4Address> relays = addresses(p.getProperty(k + "relays", ""));
        String router = p.getProperty(k + "router", "").trim();
        List<Ipv4Address> dns = addresses(p.getProperty(k + "dns", net.dnsAddress()));
        return new Scope(name, relays, Ipv4Address.parse(sn[0].trim()), mask,
                router.isEmpty() ? Ipv4Address.ANY : Ipv4Address.parse(router), pools,
                Long.parseLong(p.getProperty(k + "leaseTime", "3600").trim()), dns,
                p.getProperty(k + "domain", net.zone()).trim(), realm(p.getProperty(k + "realm")));
    }

    /** null (absent): the network's realm; blank: none; else the realm as written. */
    private static String realm(String value) {
        return value == null ? null : value.trim();
    }

    private static List<Ipv4Address> addresses(String text) {
        List<Ipv4Address> out = new ArrayList<>();
        for (String a : text.split(",")) {
            if (!a.isBlank()) {
                out.add(Ipv4Address.parse(a.trim()));
            }
        }
        return out;
    }

    static Ipv4Address serverId(String explicit, String bind) throws IOException {
        if (explicit != null && !explicit.isBlank()) {
            return Ipv4Address.parse(explicit.trim());
        }
        InetAddress b = InetAddress.getByName(bind);
        if (b instanceof Inet4Address a && !a.isAnyLocalAddress()) {
            return Ipv4Address.of(a);
        }
        try {
            for (NetworkInterface nif : NetworkInterface.networkInterfaces().toList()) {
                for (InetAddress ia : nif.inetAddresses().toList()) {
                    if (ia instanceof Inet4Address a && !a.isLoopbackAddress() && nif.isUp()) {
                        return Ipv4Address.of(a);
                    }
                }
            }
        } catch (SocketException e) {
            throw new IOException("cannot list interfaces to pick the DHCP server identifier: " + e.getMessage(), e);
        }
        return Ipv4Address.parse(ServerSettings.LOOPBACK);
    }

    private static int intOr(String v, int dflt) {
        return v == null || v.isBlank() ? dflt : Integer.parseInt(v.trim());
    }
}
