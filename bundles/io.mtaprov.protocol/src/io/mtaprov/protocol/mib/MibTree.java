package io.mtaprov.protocol.mib;

/**
 * The OID trees a PacketCable MTA may be provisioned in (see PROTOCOL.md "SNMP and the MIB"): the
 * CableLabs enterprise tree (PKTC-MTA-MIB, PKTC-SIG-MIB, PKTC-EVENT-MIB under enterprise 4491), the
 * IETF tree (RFC 4682 PKTC-IETF-MTA-MIB, RFC 5098 PKTC-IETF-SIG-MIB under mib-2), the
 * Euro-PacketCable enterprise tree (7432), or anything else.
 */
public enum MibTree {
    /** CableLabs enterprise 4491. */
    CABLELABS,
    /** IETF mib-2 PacketCable modules. */
    IETF,
    /** Euro-PacketCable enterprise 7432. */
    EURO,
    /** Any other OID. */
    OTHER
}
