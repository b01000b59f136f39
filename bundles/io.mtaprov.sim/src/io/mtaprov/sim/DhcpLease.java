package io.mtaprov.sim;

import io.mtaprov.core.model.Flow;
import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.dhcp.ClientConfiguration;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.LegacyClientConfiguration;
import io.mtaprov.protocol.dhcp.ProvisioningServer;
import java.util.List;
import java.util.Optional;

/**
 * What the MTA learnt from the DHCP ACK (step 2): its address, the provisioning server and realm of
 * option 122 (or 177), the DNS servers of option 6, and for the Basic flow the file location
 * ({@code siaddr} + {@code file}). Immutable.
 *
 * @param address            yiaddr
 * @param serverId           option 54, or {@link Ipv4Address#ANY}
 * @param provisioningServer option 122 sub-option 3 (or 177 sub-option 3 as a name)
 * @param realm              option 122 sub-option 6
 * @param flow               {@link Flow#fromRealm} of the realm
 * @param dnsServers         option 6
 * @param nextServer         siaddr (the TFTP server in the Basic flow)
 * @param bootFile           file (the configuration file name in the Basic flow), may be ""
 * @param fqdn               host name (option 12) and domain (option 15), "" when not given
 * @param useTgs             option 122 sub-option 7 = 1 (Secure flow: get a TGT, then a TGS ticket)
 * @param kdcs               option 122 sub-option 10 (RFC 3634)
 */
record DhcpLease(Ipv4Address address, Ipv4Address serverId, ProvisioningServer provisioningServer, String realm,
        Flow flow, List<Ipv4Address> dnsServers, Ipv4Address nextServer, String bootFile, String fqdn, boolean useTgs,
        List<Ipv4Address> kdcs) {

    /**
     * Reads an ACK.
     *
     * @throws StepFailure (step 2) when option 122/177, its provisioning server or realm is missing or malformed
     */
    static DhcpLease of(DhcpMessage ack) throws StepFailure {
        var step = io.mtaprov.core.model.ProvisioningStep.DHCP_OPTIONS_TRANSFER;
        try {
            ProvisioningServer ps;
            String realm;
            Optional<ClientConfiguration> ccc = ack.options().clientConfiguration();
            if (ccc.isPresent()) {
                ps = ccc.get().provisioningServer().orElse(null);
                realm = ccc.get().kerberosRealm().orElse(null);
            } else {
                Optional<LegacyClientConfiguration> old = ack.options().legacyClientConfiguration();
                if (old.isEmpty()) {
                    throw new StepFailure(step, "the ACK has no option 122 (CableLabs client configuration)");
                }
                ps = old.get().snmpEntity().map(DhcpLease::named).orElse(null);
                realm = old.get().kerberosRealm().orElse(null);
            }
            if (ps == null) {
                throw new StepFailure(step, "option 122 has no provisioning server (sub-option 3)");
            }
            if (realm == null || realm.isBlank()) {
                throw new StepFailure(step, "option 122 has no realm (sub-option 6): the flow is unknown");
            }
            String host = ack.options().hostName().orElse("");
            String domain = ack.options().domainName().orElse("");
            String fqdn = host.isEmpty() ? "" : domain.isEmpty() || host.contains(".") ? host : host + "." + domain;
            boolean tgs = ccc.isPresent() && ccc.get().tgsUtilization().orElse(0) == 1;
            List<Ipv4Address> kdcs = ccc.isPresent() ? ccc.get().kdcServers() : List.of();
            return new DhcpLease(ack.yiaddr(), ack.options().serverId().orElse(Ipv4Address.ANY), ps, realm,
                    Flow.fromRealm(realm), ack.options().dnsServers(), ack.siaddr(), ack.fileName(), fqdn, tgs, kdcs);
        } catch (DecodeException e) {
            throw new StepFailure(step, ProvisioningState.FAIL_OTHER_REASON, "malformed ACK option: "
                    + e.getMessage(), e);
        }
    }

    /** Option 177 sub-option 3 is text: a dotted address or a name. */
    private static ProvisioningServer named(String text) {
        if (text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return new ProvisioningServer.Address(Ipv4Address.parse(text));
        }
        return new ProvisioningServer.Fqdn(text);
    }
}
