package io.mtaprov.server.dhcp;

import io.mtaprov.core.model.Flow;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.protocol.dhcp.ClientConfiguration;
import io.mtaprov.protocol.dhcp.ClientConfigurationBuilder;
import io.mtaprov.protocol.dhcp.DhcpOption;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.LegacyClientConfiguration;
import io.mtaprov.protocol.dhcp.SubOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The PacketCable options an MTA gets, built once per scope and run from {@link ProvisioningNetwork}
 * and the scope's realm ({@link Scope#realm()}, which selects the flow):
 * option 122 (RFC 3495: 1 primary DHCP server, 3 provisioning server FQDN, 6 realm in RFC 1035
 * label form, 8 provisioning timer, 10 KDC addresses (RFC 3634) in the Secure flow only) and
 * option 177 (pre-RFC CCC: 1 DHCP server, 3 SNMP entity, 4 DNS server, 6 realm, 8 timer). If the
 * settings cannot be encoded, {@link #error()} says why and no MTA gets a lease (PROTOCOL.md: never
 * a lease without option 122). Immutable.
 *
 * @param ccc    option 122, null when {@code error} is set
 * @param legacy option 177, null when {@code error} is set
 * @param flow   the flow the realm selects
 * @param realm  option 122 sub-option 6 as sent, "" when {@code error} is set
 * @param error  why the options could not be built, or null
 */
public record MtaOptions(DhcpOption ccc, DhcpOption legacy, Flow flow, String realm, String error) {

    /** Builds both options with the network's realm, or an error naming the bad setting. */
    public static MtaOptions of(ProvisioningNetwork net, Ipv4Address serverId, int provisioningTimer) {
        return of(net, net.realm(), serverId, provisioningTimer);
    }

    /** The options of a scope: its realm, else the network's; an error when the scope has none. */
    public static MtaOptions of(Scope scope, ProvisioningNetwork net, Ipv4Address serverId, int provisioningTimer) {
        String realm = scope.realmOr(net.realm());
        if (scope.realm() != null && realm.isBlank()) {
            return new MtaOptions(null, null, Flow.SECURE, "", "scope " + scope.name() + " has no provisioning"
                    + " configuration (scope." + scope.name() + ".realm is empty): no option 122 to give an MTA");
        }
        return of(net, realm, serverId, provisioningTimer);
    }

    /** Builds both options with {@code realm} in sub-option 6, or an error naming the bad setting. */
    public static MtaOptions of(ProvisioningNetwork net, String realm, Ipv4Address serverId, int provisioningTimer) {
        Flow flow = Flow.fromRealm(realm);
        String step = "option 122";
        try {
            if (net.mpsFqdn().isBlank() || realm.isBlank()) {
                throw new IllegalArgumentException("the provisioning server FQDN (mtaprov.net.mpsFqdn) and the"
                        + " realm (mtaprov.net.realm) must be set");
            }
            ClientConfigurationBuilder b = ClientConfiguration.builder().primaryDhcpServer(serverId)
                    .provisioningServer(net.mpsFqdn()).kerberosRealm(realm)
                    .provisioningTimer(provisioningTimer);
            if (flow == Flow.SECURE) {
                b.kdcServers(List.of(Ipv4Address.parse(net.kdcAddress())));
            }
            DhcpOption ccc = b.build().toOption();
            step = "option 177";
            LegacyClientConfiguration legacy = LegacyClientConfiguration.of(SubOptions.builder()
                    .set(LegacyClientConfiguration.PRIMARY_DHCP_SERVER, serverId.toBytes())
                    .set(LegacyClientConfiguration.SNMP_ENTITY, net.mpsFqdn().getBytes(StandardCharsets.US_ASCII))
                    .set(LegacyClientConfiguration.PRIMARY_DNS_SERVER, Ipv4Address.parse(net.dnsAddress()).toBytes())
                    .set(LegacyClientConfiguration.KERBEROS_REALM, realm.getBytes(StandardCharsets.US_ASCII))
                    .set(LegacyClientConfiguration.PROVISIONING_TIMER, new byte[] {(byte) provisioningTimer})
                    .build());
            return new MtaOptions(ccc, legacy.toOption(), flow, realm, null);
        } catch (IllegalArgumentException e) {
            return new MtaOptions(null, null, flow, "", step + " cannot be built from the provisioning settings ("
                    + "mpsFqdn '" + net.mpsFqdn() + "', realm '" + realm + "'): " + e.getMessage());
        }
    }
}
