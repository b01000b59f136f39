/**
 * DHCPv4 codec for a PacketCable provisioning server: the BOOTP/DHCP message (RFC 2131 section 2,
 * RFC 2132), option overload (RFC 2132 section 9.3), long options (RFC 3396) and typed views of the
 * options an MTA provisioning server reads and writes: 60 vendor class with the PacketCable and
 * DOCSIS device capabilities, 43 CableLabs vendor information, 82 relay agent information
 * (RFC 3046), 122 CableLabs Client Configuration (RFC 3495, 3594, 3634) and 177 (pre-RFC
 * PacketCable CCC).
 *
 * <p>Entry points: {@link io.mtaprov.protocol.dhcp.DhcpMessage#decode(java.nio.ByteBuffer)},
 * {@link io.mtaprov.protocol.dhcp.DhcpMessage#builder()}, {@link io.mtaprov.protocol.dhcp.DhcpOptions}
 * (typed getters) and {@link io.mtaprov.protocol.dhcp.StandardOptions} (option factories).
 *
 * <p>All types are immutable and thread-safe, except the builders, which belong to one thread.
 * No method accepts or returns {@code null} unless its Javadoc says so; absent options are
 * {@code Optional}s. Decoders throw only {@link io.mtaprov.protocol.DecodeException}; encoders and
 * builders throw {@link IllegalArgumentException} for values the wire format cannot carry.
 */
package io.mtaprov.protocol.dhcp;
