package io.mtaprov.bench;

/** Config text seeds: the example of PROTOCOL.md and one with every construct of ConfigText's syntax. */
final class ConfigSeedsText {
    /** The text example of PROTOCOL.md ("The MTA configuration file"), the docsis tool's syntax. */
    static final String PROTOCOL_EXAMPLE = """
            Main
            {
                MtaConfigDelimiter 1;
                SnmpMibObject pktcMtaDevEnabled.0 Integer 1; /* true */
                SnmpMibObject pktcNcsEndPntConfigCallAgentId.9 String "[192.168.28.40]";
                SnmpMibObject pktcMtaDevRealmOrgName.'REALM.COM' String "Operator";
                SnmpMibObject pktcSigDevRgCadence.0 HexString 0x003ff00000000000;
                MtaConfigDelimiter 255;
            }
            """;

    /** Long, aggregate, vendor-specific and generic TLVs, every value type, all comment forms. */
    static final String GENERIC = """
            # header comment
            Main
            {
                MtaConfigDelimiter 1;
                SnmpMibObjectLong .1.3.6.1.4.1.4491.2.2.1.1.2.5.0 String "x\\"y\\x41\\n";   // TLV 64
                SnmpV3TrapReceiver { SnmpV3TrapRxIP 10.0.0.1; SnmpV3TrapRxPort 162; }
                VendorSpecific { VendorIdentifier 0x0000ca; GenericTLV TlvCode 1 TlvLength 1 TlvValue 0x01; }
                GenericTLV TlvCode 99 TlvLength 2 TlvValue 0xbeef;
                SnmpMibObject .1.3.6.1.2.1.1.3.0 TimeTicks 100;
                SnmpMibObject .1.3.6.1.2.1.1.2.0 ObjectID .1.3.6.1.4.1.4491;
                SnmpMibObject .1.3.6.1.2.1.4.20.1.1.10.0.0.1 IPAddress 10.0.0.1;
                SnmpMibObject .1.3.6.1.2.1.2.2.1.10.1 Counter32 4294967295;
                SnmpMibObject .1.3.6.1.2.1.31.1.1.1.6.1 Counter64 18446744073709551615;
                SnmpMibObject .1.3.6.1.2.1.2.2.1.5.1 Gauge32 0;
                SnmpMibObject .1.3.6.1.4.1.4491.2.2.1.1.1.1.0 Unsigned32 7;
                SnmpMibObject PKTC-MTA-MIB::pktcMtaDevEnabled.0 Integer -2147483648;
                SnmpMibObject pktcMtaDevRealmOrgName."with length" String "";
                MtaConfigDelimiter 255;
            }
            /* footer */
            """;

    private ConfigSeedsText() {
    }
}
