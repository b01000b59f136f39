package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;

/**
 * The common header of the Kerberized key management messages (PKT-SP-SEC, UDP 1293): KMMID (1),
 * DOI (1), protocol version (1: major in the high nibble, minor in the low nibble). The KMMID is
 * implied by the message class, so this value holds DOI and version only.
 *
 * @param doi domain of interpretation
 * @param versionMajor 0..15
 * @param versionMinor 0..15
 */
public record KmHeader(Doi doi, int versionMajor, int versionMinor) {
    static final int LENGTH = 3;

    /** @throws IllegalArgumentException if a version part does not fit its nibble */
    public KmHeader {
        if (doi == null) {
            throw new IllegalArgumentException("doi is required");
        }
        if (versionMajor < 0 || versionMajor > 15 || versionMinor < 0 || versionMinor > 15) {
            throw new IllegalArgumentException("version " + versionMajor + "." + versionMinor
                    + " does not fit two nibbles");
        }
    }

    /** Protocol version 1.0 for the given DOI (what PacketCable 1.x devices send). */
    public static KmHeader of(Doi doi) {
        return new KmHeader(doi, 1, 0);
    }

    void encode(WireWriter w, int kmmid) {
        w.u8(kmmid).u8(doi.code()).u8(versionMajor << 4 | versionMinor);
    }

    /** Reads DOI and version; the KMMID has been read by the caller. */
    static KmHeader decode(WireReader r) throws DecodeException {
        int at = r.offset();
        int code = r.u8("DOI");
        Doi doi = Doi.of(code);
        if (doi == null) {
            throw new DecodeException(at, "unknown DOI " + code);
        }
        int version = r.u8("version");
        return new KmHeader(doi, version >> 4, version & 0x0f);
    }
}
