package io.mtaprov.protocol.dhcp;

import java.util.List;

/**
 * Builds a {@link ClientConfiguration} (option 122). Sub-options appear in the order they are
 * first set; setting one again replaces it in place. Not thread-safe.
 */
public final class ClientConfigurationBuilder {
    private final SubOptions.Builder s;

    ClientConfigurationBuilder(SubOptions.Builder s) {
        this.s = s;
    }

    /** Sub-option 1. */
    public ClientConfigurationBuilder primaryDhcpServer(Ipv4Address a) {
        s.set(ClientConfiguration.PRIMARY_DHCP_SERVER, a.toBytes());
        return this;
    }

    /** Sub-option 2. */
    public ClientConfigurationBuilder secondaryDhcpServer(Ipv4Address a) {
        s.set(ClientConfiguration.SECONDARY_DHCP_SERVER, a.toBytes());
        return this;
    }

    /** Sub-option 3 with type 0 (FQDN in RFC 1035 labels). */
    public ClientConfigurationBuilder provisioningServer(String fqdn) {
        return provisioningServer(new ProvisioningServer.Fqdn(fqdn));
    }

    /** Sub-option 3 in either form. */
    public ClientConfigurationBuilder provisioningServer(ProvisioningServer server) {
        s.set(ClientConfiguration.PROVISIONING_SERVER, server.encode());
        return this;
    }

    /** Sub-option 4. */
    public ClientConfigurationBuilder asReqBackoff(KerberosBackoff b) {
        s.set(ClientConfiguration.AS_REQ_BACKOFF, b.encode());
        return this;
    }

    /** Sub-option 5. */
    public ClientConfigurationBuilder apReqBackoff(KerberosBackoff b) {
        s.set(ClientConfiguration.AP_REQ_BACKOFF, b.encode());
        return this;
    }

    /** Sub-option 6, the realm in RFC 1035 label form. */
    public ClientConfigurationBuilder kerberosRealm(String realm) {
        s.set(ClientConfiguration.KERBEROS_REALM, DnsLabels.encode(realm, 0, "Kerberos realm"));
        return this;
    }

    /** Sub-option 7 (true = 1, use the TGS). */
    public ClientConfigurationBuilder tgsUtilization(boolean useTgs) {
        s.set(ClientConfiguration.TGS_UTILIZATION, new byte[] {(byte) (useTgs ? 1 : 0)});
        return this;
    }

    /** Sub-option 8, minutes 0..30. */
    public ClientConfigurationBuilder provisioningTimer(int minutes) {
        if (minutes < 0 || minutes > ClientConfiguration.MAX_PROVISIONING_TIMER) {
            throw new IllegalArgumentException("provisioning timer must be 0..30 minutes: " + minutes);
        }
        s.set(ClientConfiguration.PROVISIONING_TIMER, new byte[] {(byte) minutes});
        return this;
    }

    /** Sub-option 9, the ticket control mask (bits {@code INVALIDATE_*}). */
    public ClientConfigurationBuilder ticketControl(int mask) {
        if (mask < 0 || mask > 0xffff) {
            throw new IllegalArgumentException("ticket control is 16 bits: " + mask);
        }
        s.set(ClientConfiguration.TICKET_CONTROL, new byte[] {(byte) (mask >> 8), (byte) mask});
        return this;
    }

    /** Sub-option 10, 1..63 KDC addresses. */
    public ClientConfigurationBuilder kdcServers(List<Ipv4Address> kdcs) {
        s.set(ClientConfiguration.KDC_SERVERS, Ipv4Lists.encode(kdcs, "KDC server list"));
        return this;
    }

    /**
     * Any sub-option as raw bytes (for values this class does not name).
     *
     * @throws IllegalArgumentException at {@link #build()} if a known sub-option is malformed
     */
    public ClientConfigurationBuilder subOption(int code, byte[] value) {
        s.set(code, value);
        return this;
    }

    /** Removes a sub-option. */
    public ClientConfigurationBuilder remove(int code) {
        s.remove(code);
        return this;
    }

    /** The option value. */
    public ClientConfiguration build() {
        return ClientConfiguration.of(s.build());
    }
}
