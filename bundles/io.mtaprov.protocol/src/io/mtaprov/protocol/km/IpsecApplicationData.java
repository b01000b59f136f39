package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;

/**
 * IPsec DOI application data (PKT-SP-SEC; Wireshark field {@code pktc.asd.ipsec_spi}): the 4-byte
 * Security Parameter Index of the sender's inbound security association.
 *
 * @param spi the SPI, an opaque 32-bit value
 */
public record IpsecApplicationData(int spi) implements ApplicationData {

    @Override
    public Doi doi() {
        return Doi.IPSEC;
    }

    @Override
    public byte[] encode() {
        return new WireWriter().u32(spi).toBytes();
    }

    static IpsecApplicationData decode(WireReader r) throws DecodeException {
        return new IpsecApplicationData(r.s32("IPsec SPI"));
    }
}
