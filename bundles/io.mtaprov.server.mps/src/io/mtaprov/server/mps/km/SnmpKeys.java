package io.mtaprov.server.mps.km;

import io.mtaprov.protocol.km.Ciphersuite;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The SNMPv3 security parameters one key management exchange established for one MTA: its USM user,
 * both engine IDs (the MTA's, authoritative for GET/SET to it, and the provisioning server's,
 * authoritative for its INFORMs), the ciphersuite and the derived keys (used as localized keys at
 * both engines). Holds keys: {@link #toString()} never shows them; never log the key accessors.
 *
 * @param mac         the MTA's MAC (from its lease), "" when unknown
 * @param ip          the MTA's address (the AP Request's source)
 * @param user        usmUserName from the AP Request
 * @param mtaEngineId the MTA's snmpEngineID
 * @param mpsEngineId the provisioning server's snmpEngineID
 * @param suite       the selected ciphersuite (SNMPv3 DOI)
 * @param authKey     localized authentication key
 * @param privKey     localized privacy key (empty: no privacy)
 * @param expires     end of the security parameter lifetime
 */
public record SnmpKeys(String mac, String ip, String user, byte[] mtaEngineId, byte[] mpsEngineId, Ciphersuite suite,
        byte[] authKey, byte[] privKey, Instant expires) {

    /** Whether DES privacy was chosen. */
    public boolean privacy() {
        return suite.encryption() == Ciphersuite.SNMP_PRIV_DES;
    }

    /** "HMAC-SHA1/DES" and the like. */
    public String suiteName() {
        return (suite.authentication() == Ciphersuite.SNMP_AUTH_HMAC_MD5 ? "HMAC-MD5" : "HMAC-SHA1") + "/"
                + (privacy() ? "DES" : "no privacy");
    }

    @Override
    public String toString() {
        return "SnmpKeys[" + mac + " " + ip + ", user " + user + ", MTA engine "
                + HexFormat.of().formatHex(mtaEngineId) + ", " + suiteName() + ", until " + expires + ", keys not shown]";
    }
}
