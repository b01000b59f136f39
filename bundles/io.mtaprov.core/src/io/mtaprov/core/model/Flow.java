package io.mtaprov.core.model;

import java.util.Locale;

/**
 * The provisioning flow, selected by the Kerberos realm in DHCP option 122 sub-option 6
 * (shared/PROTOCOL.md "Flow selection"): BASIC.1/.2 and HYBRID.1/.2 by name, any other realm Secure.
 */
public enum Flow {
    BASIC_1("BASIC.1"), BASIC_2("BASIC.2"), HYBRID_1("HYBRID.1"), HYBRID_2("HYBRID.2"), SECURE("SECURE");

    private final String realmName;

    Flow(String realmName) {
        this.realmName = realmName;
    }

    public String realmName() {
        return realmName;
    }

    /** Basic flows take the file location from the DHCP ACK (siaddr + file) and carry the hash inside. */
    public boolean isBasic() {
        return this == BASIC_1 || this == BASIC_2;
    }

    /** Whether the MTA sends the final status INFORM (step 10). */
    public boolean sendsStatusInform() {
        return this != BASIC_1 && this != HYBRID_1;
    }

    public static Flow fromRealm(String realm) {
        String r = realm.trim().toUpperCase(Locale.ROOT);
        for (Flow f : values()) {
            if (f != SECURE && f.realmName.equals(r)) {
                return f;
            }
        }
        return SECURE;
    }
}
