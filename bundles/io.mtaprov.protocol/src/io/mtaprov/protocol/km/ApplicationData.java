package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;

/**
 * The application specific data of AP Request, AP Reply and Rekey (PKT-SP-SEC): its layout is
 * chosen by the {@link Doi} of the header. Immutable.
 */
public sealed interface ApplicationData permits SnmpApplicationData, IpsecApplicationData {

    /** The DOI this data belongs to. */
    Doi doi();

    /** The wire form. */
    byte[] encode();

    /** Reads application data of the given DOI. */
    static ApplicationData decode(WireReader r, Doi doi) throws DecodeException {
        return switch (doi) {
            case SNMPV3 -> SnmpApplicationData.decode(r);
            case IPSEC -> IpsecApplicationData.decode(r);
        };
    }

    /** Fails unless {@code data} suits the header's DOI. */
    static ApplicationData check(ApplicationData data, KmHeader header) {
        if (data.doi() != header.doi()) {
            throw new IllegalArgumentException(data.doi() + " application data in a "
                    + header.doi() + " message");
        }
        return data;
    }
}
