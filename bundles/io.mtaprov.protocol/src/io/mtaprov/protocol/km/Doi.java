package io.mtaprov.protocol.km;

/**
 * Domain of Interpretation of a Kerberized key management message (PKT-SP-SEC, "Kerberized Key
 * Management"; values as Wireshark's packet-pktc.c): it decides the layout of the application
 * specific data and the meaning of the ciphersuite bytes.
 */
public enum Doi {
    /** IPsec between MTA and CMS: application data is a 4-byte SPI. */
    IPSEC(1),
    /** SNMPv3 between MTA and provisioning server: application data carries USM parameters. */
    SNMPV3(2);

    private final int code;

    Doi(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /** The DOI for a wire value, or null if unknown. */
    static Doi of(int code) {
        for (Doi d : values()) {
            if (d.code == code) {
                return d;
            }
        }
        return null;
    }
}
