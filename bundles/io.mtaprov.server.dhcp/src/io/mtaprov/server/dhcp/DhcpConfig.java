package io.mtaprov.server.dhcp;

import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the DHCP server hands out, fixed for one run (read at each start). Immutable.
 *
 * @param defaultScope      the scope of clients without a relay (giaddr 0.0.0.0), empty for none
 * @param relayScopes       scopes selected by giaddr
 * @param reservations      fixed addresses by lower-case MAC; used when inside the selected scope
 * @param serverId          option 54 and option 122 sub-option 1: the address clients reach us at
 * @param network           provisioning services for options 6, 15, 122 and 177
 * @param provisioningTimer option 122 sub-option 8, minutes (RFC 3495 section 4.8)
 * @param offerHoldMillis   how long an offered address stays reserved for the client
 */
public record DhcpConfig(Optional<Scope> defaultScope, List<Scope> relayScopes, Map<String, Ipv4Address> reservations,
        Ipv4Address serverId, ProvisioningNetwork network, int provisioningTimer, long offerHoldMillis) {

    /** Copies the collections. */
    public DhcpConfig {
        relayScopes = List.copyOf(relayScopes);
        reservations = Map.copyOf(reservations);
        if (provisioningTimer < 0 || provisioningTimer > 30) {
            throw new IllegalArgumentException("provisioning timer must be 0..30 minutes (RFC 3495 4.8)");
        }
    }

    /**
     * The scope of a request: by giaddr (a relay scope naming it or containing it), or the default
     * scope for giaddr 0.0.0.0; empty if no scope serves that relay.
     */
    public Optional<Scope> scopeFor(int giaddr) {
        if (giaddr == 0) {
            return defaultScope;
        }
        for (Scope s : relayScopes) {
            if (s.servesRelay(giaddr)) {
                return Optional.of(s);
            }
        }
        return defaultScope.filter(s -> s.servesRelay(giaddr));
    }

    /** The scope whose subnet holds {@code ip} (for DHCPINFORM, RFC 2131 section 4.3.5). */
    public Optional<Scope> scopeContaining(int ip) {
        for (Scope s : relayScopes) {
            if (s.contains(ip)) {
                return Optional.of(s);
            }
        }
        return defaultScope.filter(s -> s.contains(ip));
    }

    /** The reserved address of a MAC, if any. */
    public Optional<Ipv4Address> reservation(String mac) {
        return Optional.ofNullable(reservations.get(mac));
    }
}
