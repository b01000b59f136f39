package io.mtaprov.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One CMTS scope of the DHCP scopes file as written there (the text of each
 * {@code scope.<name>.<key>} property; the DHCP server's DhcpConfigLoader documents the format).
 * Values are kept as text so that an editor can hold a value being typed; {@link #problems()} says
 * what the DHCP server would refuse. Immutable.
 *
 * @param name      the scope's name (shown in leases; the CMTS layer of config generation is keyed by it)
 * @param relays    giaddr values of its relays, comma separated
 * @param subnet    network/prefix length, e.g. 10.20.0.0/16
 * @param router    option 3, "" for none
 * @param leaseTime option 51 in seconds, "" for the default 3600
 * @param poolPktc  address ranges (first-last, comma separated) for MTAs (option 60 "pktc")
 * @param poolDocsis ranges for cable modems
 * @param poolOther ranges for other clients
 * @param realm     option 122 sub-option 6 (RFC 3495 section 4.6), which selects the flow;
 *                  {@code null}: the network's realm ({@code mtaprov.net.realm}); "": none, so
 *                  MTAs of this CMTS get no lease (PROTOCOL.md: never a lease without option 122)
 */
public record CmtsScope(String name, String relays, String subnet, String router, String leaseTime, String poolPktc,
        String poolDocsis, String poolOther, String realm) {

    /** RFC 2131 section 3.3: lease times are 32-bit seconds; the DHCP server wants at least 60. */
    static final long MIN_LEASE = 60;
    static final long MAX_LEASE = 0xfffffffeL;

    public CmtsScope {
        Objects.requireNonNull(name, "name");
        relays = strip(relays);
        subnet = strip(subnet);
        router = strip(router);
        leaseTime = strip(leaseTime);
        poolPktc = strip(poolPktc);
        poolDocsis = strip(poolDocsis);
        poolOther = strip(poolOther);
        realm = realm == null ? null : realm.strip();
    }

    /** Whether this scope has no option 122 realm, so that no MTA of it can be provisioned. */
    public boolean withoutRealm() {
        return realm != null && realm.isEmpty();
    }

    /** Errors the DHCP server would refuse the file for, in field order; empty when none. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!name.matches("[A-Za-z0-9_-]+") || name.equals("default")) {
            out.add("name '" + name + "': letters, digits, '-' and '_' only, not 'default'");
        }
        for (String r : list(relays)) {
            if (Ipv4.parse(r) == null) {
                out.add("relays: '" + r + "' is not an IPv4 address");
            }
        }
        long[] net = Ipv4.subnet(subnet);
        if (net == null) {
            out.add("subnet '" + subnet + "': needs <IPv4 network>/<prefix length 1..30>");
        }
        if (!router.isEmpty() && Ipv4.parse(router) == null) {
            out.add("router '" + router + "' is not an IPv4 address");
        }
        if (!leaseTime.isEmpty()) {
            try {
                long t = Long.parseLong(leaseTime);
                if (t < MIN_LEASE || t > MAX_LEASE) {
                    out.add("lease time " + t + ": must be " + MIN_LEASE + ".." + MAX_LEASE + " s");
                }
            } catch (NumberFormatException e) {
                out.add("lease time '" + leaseTime + "' is not a number of seconds");
            }
        }
        pool(out, "pktc", poolPktc, net);
        pool(out, "docsis", poolDocsis, net);
        pool(out, "other", poolOther, net);
        if (realm != null && !realm.isEmpty() && !realm.matches("[A-Za-z0-9.-]{1,63}")) {
            out.add("realm '" + realm + "': letters, digits, '.' and '-' (RFC 1035 labels), at most 63");
        }
        return out;
    }

    private static void pool(List<String> out, String key, String ranges, long[] net) {
        for (String r : list(ranges)) {
            String[] ends = r.split("-");
            Long first = ends.length == 2 ? Ipv4.parse(ends[0].strip()) : null;
            Long last = ends.length == 2 ? Ipv4.parse(ends[1].strip()) : null;
            if (first == null || last == null || first > last) {
                out.add("pool " + key + ": '" + r + "' is not a range <first>-<last>");
            } else if (net != null && (!Ipv4.inside(first, net) || !Ipv4.inside(last, net))) {
                out.add("pool " + key + ": " + r + " is outside the subnet");
            }
        }
    }

    static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** Dotted-quad IPv4 addresses as unsigned 32-bit values. */
    static final class Ipv4 {
        private Ipv4() {
        }

        static Long parse(String text) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            long v = 0;
            for (String p : parts) {
                if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                    return null;
                }
                v = v << 8 | Integer.parseInt(p);
            }
            return v;
        }

        /** {network, mask} of "a.b.c.d/n" with n 1..30, or null. */
        static long[] subnet(String text) {
            String[] sn = text.split("/");
            if (sn.length != 2 || !sn[1].strip().matches("\\d{1,2}")) {
                return null;
            }
            Long network = parse(sn[0].strip());
            int prefix = Integer.parseInt(sn[1].strip());
            if (network == null || prefix < 1 || prefix > 30) {
                return null;
            }
            long mask = (0xffffffffL << (32 - prefix)) & 0xffffffffL;
            return new long[] {network & mask, mask};
        }

        static boolean inside(long ip, long[] net) {
            return (ip & net[1]) == net[0];
        }
    }
}
