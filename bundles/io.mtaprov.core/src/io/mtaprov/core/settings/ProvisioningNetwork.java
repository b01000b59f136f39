package io.mtaprov.core.settings;

import java.util.function.UnaryOperator;

/**
 * Where the provisioning services live, as DHCP (option 122, option 6), DNS (A and SRV records)
 * and the provisioning server (TFTP URLs) must all agree. Defaults suit one console on loopback;
 * each value can be set by framework/system property {@code mtaprov.net.<key>}.
 *
 * @param zone         the provisioning DNS zone, e.g. "mtaprov.lab"
 * @param realm        Kerberos realm of option 122 sub-option 6; BASIC.1/.2 and HYBRID.1/.2 select those flows
 * @param mpsFqdn      provisioning server FQDN (option 122 sub-option 3)
 * @param mpsAddress   its IPv4 address
 * @param kdcFqdn      the KDC's FQDN (SRV target of _kerberos._udp.REALM)
 * @param kdcAddress   its IPv4 address
 * @param tftpFqdn     TFTP host name used in config file URLs
 * @param tftpAddress  its IPv4 address
 * @param dnsAddress   the DNS server given to MTAs in option 6
 */
public record ProvisioningNetwork(String zone, String realm, String mpsFqdn, String mpsAddress, String kdcFqdn,
        String kdcAddress, String tftpFqdn, String tftpAddress, String dnsAddress) {

    public static final ProvisioningNetwork LOOPBACK_DEFAULTS = new ProvisioningNetwork("mtaprov.lab", "HYBRID.2",
            "mps.mtaprov.lab", "127.0.0.1", "kdc.mtaprov.lab", "127.0.0.1", "tftp.mtaprov.lab", "127.0.0.1",
            "127.0.0.1");

    /** The defaults with any {@code mtaprov.net.<component>} property applied. */
    public static ProvisioningNetwork fromProperties(UnaryOperator<String> props) {
        ProvisioningNetwork d = LOOPBACK_DEFAULTS;
        return new ProvisioningNetwork(get(props, "zone", d.zone()), get(props, "realm", d.realm()),
                get(props, "mpsFqdn", d.mpsFqdn()), get(props, "mpsAddress", d.mpsAddress()),
                get(props, "kdcFqdn", d.kdcFqdn()), get(props, "kdcAddress", d.kdcAddress()),
                get(props, "tftpFqdn", d.tftpFqdn()), get(props, "tftpAddress", d.tftpAddress()),
                get(props, "dnsAddress", d.dnsAddress()));
    }

    private static String get(UnaryOperator<String> props, String key, String dflt) {
        String v = props.apply("mtaprov.net." + key);
        return v == null || v.isBlank() ? dflt : v.trim();
    }
}
