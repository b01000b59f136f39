package io.mtaprov.protocol.config;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.protocol.mib.OidNames;

/**
 * The text form of MTA configuration files, in the syntax of the open-source {@code docsis} tool
 * (PROTOCOL.md, "The MTA configuration file"):
 * <pre>
 * Main
 * {
 *     MtaConfigDelimiter 1;
 *     SnmpMibObject pktcMtaDevEnabled.0 Integer 1; /* true *&#47;
 *     SnmpMibObject pktcMtaDevRealmOrgName.'REALM.COM' String "Operator";
 *     SnmpMibObjectLong .1.3.6.1.4.1.4491.2.2.1.1.2.5.0 String "x";   // TLV 64 with a short value
 *     SnmpV3TrapReceiver { SnmpV3TrapRxIP 10.0.0.1; SnmpV3TrapRxPort 162; }   // TLV 38
 *     VendorSpecific { VendorIdentifier 0x0000ca; GenericTLV TlvCode 1 TlvLength 1 TlvValue 0x01; }
 *     GenericTLV TlvCode 99 TlvLength 2 TlvValue 0xbeef;   // any other TLV, kept as bytes
 *     MtaConfigDelimiter 255;
 * }
 * </pre>
 * Value types: Integer, Unsigned32, Gauge32, Counter32, Counter64, TimeTicks, IPAddress, ObjectID,
 * String (double quotes; escapes {@code \" \\ \n \r \t \xHH}), HexString ({@code 0x...}). OIDs are
 * MIB names with an index ({@code name.9}, {@code name.'IMPLIED'}, {@code name."with length"},
 * {@code MODULE::name.0}) or numeric ({@code .1.3.6...}). Comments {@code /* *&#47;}, {@code //} and
 * {@code #} are kept (before a statement, after it on the same line, around {@code Main}).
 *
 * <p>Names defined in both the CableLabs and IETF trees resolve in the preferred tree (CableLabs
 * unless given); the printer qualifies names of the other tree. {@code print(decode(b))} parses
 * back to bytes identical to {@code b}. Thread-safe.
 */
public final class ConfigText {
    private ConfigText() {
    }

    /** Parses text, bare names in the CableLabs tree. */
    public static ConfigDocument parse(String text) throws DecodeException {
        return parse(text, MibTree.CABLELABS);
    }

    /**
     * Parses text; bare names defined in several trees resolve in {@code preferred}.
     *
     * @throws DecodeException whose {@link DecodeException#offset()} is the 1-based line
     */
    public static ConfigDocument parse(String text, MibTree preferred) throws DecodeException {
        return new ConfigTextParser(text, new OidNames(MibRegistry.standard()), preferred).parse();
    }

    /** Prints a document (comments kept), names in the CableLabs tree. */
    public static String print(ConfigDocument doc) {
        return print(doc, MibTree.CABLELABS);
    }

    /** Prints a document; names of trees other than {@code preferred} are module-qualified. */
    public static String print(ConfigDocument doc, MibTree preferred) {
        return new ConfigTextPrinter(MibRegistry.standard(), preferred).print(doc);
    }

    /** Prints a binary file (no comments except enumeration labels). */
    public static String print(ConfigFile file) {
        return print(ConfigDocument.of(file));
    }

    /** Prints a binary file with the given preferred tree. */
    public static String print(ConfigFile file, MibTree preferred) {
        return print(ConfigDocument.of(file), preferred);
    }
}
