package io.mtaprov.sim.secure;

import io.mtaprov.protocol.km.Ciphersuite;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * How simulated MTAs run step 3 of the Secure flow.
 *
 * @param kdc          the KDC to use (null: the first address of option 122 sub-option 10 at {@code kdcPort})
 * @param kdcPort      the KDC's port when taken from option 122 (88 for real KDCs, 10088 here)
 * @param kmPort       the provisioning server's key management port (1293; 11293 here)
 * @param mpsPrincipal the provisioning server's principal without realm (PROTOCOL.md: {@code mtaprovsrvr/<fqdn>})
 * @param offered      the SNMPv3 ciphersuites the MTAs offer, best first
 * @param timeout      first timeout of the AS and AP exchanges (doubles per try)
 * @param tries        tries per exchange
 */
public record SecureSettings(InetSocketAddress kdc, int kdcPort, int kmPort, String mpsPrincipal, List<Ciphersuite> offered,
        Duration timeout, int tries) {
    public SecureSettings {
        offered = List.copyOf(offered);
    }

    /** All four SNMPv3 suites, SHA1 first. */
    public static final List<Ciphersuite> ALL_SUITES = List.of(
            new Ciphersuite(Ciphersuite.SNMP_AUTH_HMAC_SHA1, Ciphersuite.SNMP_PRIV_DES),
            new Ciphersuite(Ciphersuite.SNMP_AUTH_HMAC_SHA1, Ciphersuite.SNMP_PRIV_NONE),
            new Ciphersuite(Ciphersuite.SNMP_AUTH_HMAC_MD5, Ciphersuite.SNMP_PRIV_DES),
            new Ciphersuite(Ciphersuite.SNMP_AUTH_HMAC_MD5, Ciphersuite.SNMP_PRIV_NONE));
}
