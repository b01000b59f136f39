package io.mtaprov.sim.secure;

import io.mtaprov.protocol.km.Ciphersuite;
import java.util.HexFormat;

/**
 * The SNMPv3 parameters the MTA holds after key management (step 3b): its USM user, both engines
 * (its own, authoritative for the provisioning server's GET/SET; the provisioning server's,
 * authoritative for the MTA's INFORMs, with its boots and time from the AP Reply), the chosen
 * ciphersuite and the derived keys. Holds keys: {@link #toString()} never shows them.
 */
public record MtaUsmKeys(String user, byte[] mtaEngineId, byte[] mpsEngineId, long mpsBoots, long mpsTime,
        Ciphersuite suite, byte[] authKey, byte[] privKey) {

    public boolean privacy() {
        return suite.encryption() == Ciphersuite.SNMP_PRIV_DES;
    }

    public boolean md5() {
        return suite.authentication() == Ciphersuite.SNMP_AUTH_HMAC_MD5;
    }

    @Override
    public String toString() {
        return "MtaUsmKeys[user " + user + ", MPS engine " + HexFormat.of().formatHex(mpsEngineId) + ", "
                + (md5() ? "HMAC-MD5" : "HMAC-SHA1") + (privacy() ? "/DES" : "") + ", keys not shown]";
    }
}
