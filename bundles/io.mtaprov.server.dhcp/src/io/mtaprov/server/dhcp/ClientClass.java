package io.mtaprov.server.dhcp;

/**
 * The client classes the server tells apart by option 60 (RFC 2132 section 9.13): PacketCable
 * MTAs ({@code pktc1.0:}, {@code pktc1.5:} ...), DOCSIS cable modems ({@code docsis3.0:} ...) and
 * everything else. Each class has its own pools and options in a {@link Scope}.
 */
public enum ClientClass {
    /** PacketCable MTA: gets option 122 (and 177 on request), never a lease without it. */
    PKTC("pktc"),
    /** DOCSIS cable modem. */
    DOCSIS("docsis"),
    /** Any other client, or none sent option 60. */
    OTHER("other");

    private final String key;

    ClientClass(String key) {
        this.key = key;
    }

    /** The name used in settings files and stored leases: pktc, docsis, other. */
    public String key() {
        return key;
    }

    /** The class of an option-60 text ("" when absent); case-insensitive prefix match. */
    public static ClientClass of(String vendorClass) {
        if (vendorClass.regionMatches(true, 0, "pktc", 0, 4)) {
            return PKTC;
        }
        if (vendorClass.regionMatches(true, 0, "docsis", 0, 6)) {
            return DOCSIS;
        }
        return OTHER;
    }

    /** The class named by {@link #key()}. */
    public static ClientClass ofKey(String key) {
        for (ClientClass c : values()) {
            if (c.key.equalsIgnoreCase(key.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown client class '" + key + "' (pktc, docsis, other)");
    }
}
