package io.mtaprov.protocol.dhcp;

/**
 * One entry of PacketCable capability 0x17 "MIB Support": on the wire a length byte (2), the
 * organisation and a bitmask byte (Wireshark handles only length 2; PKT-SP-PROV1.5 section
 * 8.2). Bit names as Wireshark shows them (assumption, from memory).
 *
 * @param organisation {@link #CABLELABS}, {@link #IETF} or {@link #EURO_PACKETCABLE}
 * @param bits the bitmask
 */
public record MibSupport(int organisation, int bits) {
    /** Organisation 0: the CableLabs PKTC MIBs (1.3.6.1.4.1.4491...). */
    public static final int CABLELABS = 0;
    /** Organisation 1: the IETF MIBs (RFC 4682, RFC 5098...). */
    public static final int IETF = 1;
    /** Organisation 2: Euro-PacketCable MIBs. */
    public static final int EURO_PACKETCABLE = 2;
    /** Bit: MTA MIB. */
    public static final int MTA_MIB = 0x01;
    /** Bit: signaling MIB. */
    public static final int SIGNALING_MIB = 0x02;
    /** Bit: management event MIB. */
    public static final int EVENT_MIB = 0x04;

    /** @throws IllegalArgumentException if a field is not one byte */
    public MibSupport {
        if (organisation < 0 || organisation > 255 || bits < 0 || bits > 255) {
            throw new IllegalArgumentException("MIB support entry fields are one byte each");
        }
    }

    /** Whether the MTA MIB of this organisation is supported. */
    public boolean mtaMib() {
        return (bits & MTA_MIB) != 0;
    }
}
