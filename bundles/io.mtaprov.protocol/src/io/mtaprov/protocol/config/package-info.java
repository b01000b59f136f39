/**
 * PacketCable MTA configuration files (PKT-SP-PROV1.5, MTA configuration file; PROTOCOL.md): the
 * binary TLV codec ({@link io.mtaprov.protocol.config.ConfigFile}: TLV 254 delimiters, 11/64
 * SNMP varbinds, 38 SNMPv3 notification receiver, 43 vendor-specific, unknown TLVs kept), the
 * SHA-1 hash ({@link io.mtaprov.protocol.config.ConfigHash}), the {@code docsis} tool's text form
 * ({@link io.mtaprov.protocol.config.ConfigText}) and validation
 * ({@link io.mtaprov.protocol.config.ConfigValidator}).
 *
 * <p>All types are immutable and thread-safe. No method accepts or returns {@code null} unless its
 * Javadoc says so. Decoders and the text parser throw only
 * {@link io.mtaprov.protocol.DecodeException} for bad input (offset = byte offset, or line for
 * text); encoders and factories throw {@link IllegalArgumentException} for values the format cannot
 * carry. Decode then encode is byte-exact.
 */
package io.mtaprov.protocol.config;
