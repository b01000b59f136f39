/**
 * The PacketCable MIB objects (CableLabs PKTC-MTA-MIB, PKTC-SIG-MIB, PKTC-EVENT-MIB; IETF RFC 4682
 * and RFC 5098 modules) as a registry loaded from the bundled {@code pktc-objects.tsv}:
 * name and OID lookups, parsed SYNTAX and MAX-ACCESS, table INDEX clauses, and the
 * {@code name.index} forms lab engineers write ({@link io.mtaprov.protocol.mib.OidNames}).
 *
 * <p>All types are immutable and thread-safe. Lookups return {@code null} for unknown names or
 * OIDs where their Javadoc says so.
 */
package io.mtaprov.protocol.mib;
