package io.mtaprov.protocol.mib;

/**
 * The SMIv2 base types (RFC 2578 section 7.1) with their BER tags (RFC 2578 section 2, RFC 1155):
 * what a MIB object's SYNTAX reduces to and what a varbind value carries on the wire.
 * Unsigned32 and Gauge32 share tag 0x42; BITS travels as an OCTET STRING (RFC 2578 section 7.1.4).
 */
public enum SnmpType {
    /** INTEGER, also enumerations and Integer32 (tag 0x02). */
    INTEGER(0x02),
    /** Unsigned32 (tag 0x42, same as Gauge32). */
    UNSIGNED32(0x42),
    /** Gauge32 (tag 0x42). */
    GAUGE32(0x42),
    /** Counter32 (tag 0x41). */
    COUNTER32(0x41),
    /** Counter64 (tag 0x46). */
    COUNTER64(0x46),
    /** TimeTicks (tag 0x43). */
    TIMETICKS(0x43),
    /** IpAddress (tag 0x40, 4 bytes). */
    IPADDRESS(0x40),
    /** OBJECT IDENTIFIER (tag 0x06). */
    OBJECT_IDENTIFIER(0x06),
    /** OCTET STRING (tag 0x04). */
    OCTET_STRING(0x04),
    /** BITS, carried as an OCTET STRING (tag 0x04). */
    BITS(0x04);

    private final int tag;

    SnmpType(int tag) {
        this.tag = tag;
    }

    /** The BER tag of values of this type. */
    public int berTag() {
        return tag;
    }
}
