package io.mtaprov.protocol.dhcp;

/**
 * Byte vectors shared by the DHCP tests, each with its source. Hand-assembled from the field
 * layouts of the cited sections (the RFCs give formats, not sample packets).
 */
final class Vectors {
    private Vectors() {
    }

    /** Option 60 of a real eMTA, from /work/shared/PROTOCOL.md (PKT-SP-PROV1.5 section 8.2 form). */
    static final String PKTC10_VENDOR_CLASS =
            "pktc1.0:051f0101000201020901010b04060903040c01010d01010f010110010912020007";

    /** Option 122 value, RFC 3495 sections 4.1-4.8, RFC 3594, RFC 3634 layouts. */
    static final String OPTION_122 = ""
            + "01 04 0a000001"                                  // 4.1 primary DHCP 10.0.0.1
            + "02 04 0a000002"                                  // 4.2 secondary DHCP 10.0.0.2
            + "03 12 00 03 6d7073 07 6578616d706c65 03 636f6d 00" // 4.3 type 0, mps.example.com
            + "04 0c 00000064 0000000a 00000005"                // 4.4 100 ms, 10 s, 5 retries
            + "05 0c 000000c8 00000014 00000003"                // 4.5 200 ms, 20 s, 3 retries
            + "06 0d 07 4558414d504c45 03 434f4d 00"            // 4.6 realm EXAMPLE.COM in labels
            + "07 01 01"                                        // 4.7 use TGS
            + "08 01 0a"                                        // 4.8 10 minutes
            + "09 02 0003"                                      // RFC 3594: both bits
            + "0a 08 0a000058 0a000059";                        // RFC 3634: 10.0.0.88, 10.0.0.89

    /** Option 122 sub-option 6 for realm BASIC.1 (RFC 3495 section 4.6, RFC 1035 section 3.1). */
    static final String REALM_BASIC_1 = "06 09 05 4241534943 01 31 00";

    /** Option 43 of an eMTA (CableLabs sub-options, PKT-SP-PROV1.5 section 8.1 layout). */
    static final String OPTION_43 = ""
            + "02 04 454d5441"                 // device type EMTA
            + "03 08 45434d3a454d5441"         // eSAFE types ECM:EMTA
            + "04 08 534e313233343536"         // serial SN123456
            + "05 02 5631"                     // hardware V1
            + "06 05 312e322e33"               // software 1.2.3
            + "07 02 4231"                     // boot ROM B1
            + "08 06 303031313232"             // OUI "001122" as hex ASCII
            + "09 04 4d353030"                 // model M500
            + "0a 04 41434d45"                 // vendor ACME
            + "1f 06 001122334455"             // MTA MAC
            + "20 04 0000002a";                // correlation id 42

    /** Option 82 from a CMTS (RFC 3046 sections 3.1, 3.2; RFC 4243 section 2 for 9). */
    static final String OPTION_82 = ""
            + "01 04 00000001"                 // circuit id
            + "02 06 00aabbccddee"             // remote id: CM MAC
            + "09 08 00007ed9 03 010102";      // vendor-specific: enterprise 32473 (RFC 5612 example)

    /** Option 177 (pre-RFC CCC, layout per Wireshark's I05 dissector as remembered). */
    static final String OPTION_177 = ""
            + "01 04 0a000001"                 // primary DHCP
            + "03 0f 6d70732e6578616d706c652e636f6d" // SNMP entity mps.example.com (ASCII)
            + "06 0b 4558414d504c452e434f4d"   // realm EXAMPLE.COM (ASCII)
            + "07 01 01"                       // fetch TGT
            + "08 01 05"                       // timer 5 min
            + "0a 0c 00000064 0000000a 00000005" // AS backoff
            + "0c 01 01";                      // clear tickets

    /** The fixed header of a relayed DISCOVER, RFC 2131 section 2 figure 1 (236 bytes + cookie). */
    static final String DISCOVER_HEADER = ""
            + "01 01 06 01"                    // op, htype, hlen, hops
            + "1a2b3c4d 0004 8000"             // xid, secs 4, broadcast flag
            + "00000000 00000000 00000000 0a010001" // ciaddr, yiaddr, siaddr, giaddr 10.1.0.1
            + "001122334455" + Hex.zeros(10)   // chaddr
            + Hex.zeros(64) + Hex.zeros(128)   // sname, file
            + "63825363";                      // magic cookie, RFC 2131 section 3

    /** Options of an eMTA DISCOVER: 53, 61, 55, 60, 43, 82, end. */
    static final String DISCOVER_OPTIONS = ""
            + "35 01 01"                       // DISCOVER, RFC 2132 9.6
            + "3d 07 01 001122334455"          // client id, RFC 2132 9.14
            + "37 05 01 03 06 0f 7a"           // requests 1 3 6 15 122, RFC 2132 9.8
            + "3c 4a " + Hex.ascii(PKTC10_VENDOR_CLASS)
            + "2b 4b " + OPTION_43
            + "52 18 " + OPTION_82
            + "ff";

    /** The whole DISCOVER (no padding). */
    static byte[] discover() {
        return Hex.bytes(DISCOVER_HEADER + DISCOVER_OPTIONS);
    }
}
