package io.mtaprov.server.dhcp;

import io.mtaprov.protocol.dhcp.Ipv4Address;
import java.util.List;
import java.util.Map;

/**
 * One network the server hands out addresses on: the "CMTS" of PROTOCOL.md, selected by the
 * relay's {@code giaddr} (RFC 2131 section 4.3.1: giaddr names the client's subnet). Immutable.
 *
 * @param name         shown in leases and traces
 * @param relays       giaddr values that select this scope besides addresses inside the subnet
 * @param network      subnet address
 * @param mask         subnet mask (option 1)
 * @param router       default router (option 3), {@link Ipv4Address#ANY} for none
 * @param pools        address ranges per client class; a class without ranges is refused here
 * @param leaseSeconds lease time (option 51); T1 and T2 are 1/2 and 7/8 of it (RFC 2131 4.4.5)
 * @param dns          DNS servers (option 6)
 * @param domain       domain name (option 15)
 * @param realm        option 122 sub-option 6 for MTAs of this scope, which selects their flow
 *                     (BASIC.1/.2, HYBRID.1/.2, else Secure); {@code null}: the network's realm
 *                     ({@code mtaprov.net.realm}); "": no provisioning configuration on this CMTS, so
 *                     MTAs get no lease here (PROTOCOL.md: never a lease without option 122)
 */
public record Scope(String name, List<Ipv4Address> relays, Ipv4Address network, Ipv4Address mask,
        Ipv4Address router, Map<ClientClass, List<AddressRange>> pools, long leaseSeconds, List<Ipv4Address> dns,
        String domain, String realm) {

    /** Copies the collections; checks that pools lie in the subnet. */
    public Scope {
        relays = List.copyOf(relays);
        pools = Map.copyOf(pools);
        dns = List.copyOf(dns);
        if (leaseSeconds < 60 || leaseSeconds > 0xfffffffeL) {
            throw new IllegalArgumentException("scope " + name + ": lease time must be 60..4294967294 s");
        }
        for (var e : pools.entrySet()) {
            for (AddressRange r : e.getValue()) {
                if (!contains(r.first(), network, mask) || !contains(r.last(), network, mask)) {
                    throw new IllegalArgumentException("scope " + name + ": " + e.getKey().key() + " pool " + r
                            + " is outside " + network + "/" + mask);
                }
            }
        }
    }

    /** A scope with the network's realm. */
    public Scope(String name, List<Ipv4Address> relays, Ipv4Address network, Ipv4Address mask, Ipv4Address router,
            Map<ClientClass, List<AddressRange>> pools, long leaseSeconds, List<Ipv4Address> dns, String domain) {
        this(name, relays, network, mask, router, pools, leaseSeconds, dns, domain, null);
    }

    /** This scope with another realm ({@code null}: the network's). */
    public Scope withRealm(String newRealm) {
        return new Scope(name, relays, network, mask, router, pools, leaseSeconds, dns, domain, newRealm);
    }

    /** The realm MTAs of this scope get: its own, else the network's {@code fallback}. */
    public String realmOr(String fallback) {
        return realm == null ? fallback : realm;
    }

    /** Whether a relay with this giaddr is in front of this scope. */
    public boolean servesRelay(int giaddr) {
        for (Ipv4Address r : relays) {
            if (r.bits() == giaddr) {
                return true;
            }
        }
        return contains(giaddr);
    }

    /** Whether {@code ip} is inside the subnet. */
    public boolean contains(int ip) {
        return contains(ip, network, mask);
    }

    /** The ranges of a client class (empty: the class is not served in this scope). */
    public List<AddressRange> pool(ClientClass c) {
        return pools.getOrDefault(c, List.of());
    }

    /** Whether {@code ip} lies in a pool of the class. */
    public boolean inPool(ClientClass c, int ip) {
        for (AddressRange r : pool(c)) {
            if (r.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int ip, Ipv4Address network, Ipv4Address mask) {
        return (ip & mask.bits()) == (network.bits() & mask.bits());
    }
}
