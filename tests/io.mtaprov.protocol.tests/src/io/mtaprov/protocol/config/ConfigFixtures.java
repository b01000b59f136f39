package io.mtaprov.protocol.config;

import java.util.ArrayList;
import java.util.List;

import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.protocol.mib.OidNames;
import io.mtaprov.protocol.mib.SnmpType;

/** Config files used by several tests, built from MIB names (no hand-typed OIDs). */
final class ConfigFixtures {
    static final OidNames NAMES = new OidNames(MibRegistry.standard());

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

    private ConfigFixtures() {
    }

    static Varbind vb(String name, SnmpValue value) {
        return new Varbind(NAMES.parse(name, MibTree.CABLELABS), value);
    }

    static SnmpValue integer(long v) {
        return new SnmpValue.Integer32(v);
    }

    static SnmpValue unsigned(long v) {
        return new SnmpValue.Unsigned(SnmpType.UNSIGNED32, v);
    }

    static SnmpValue str(String s) {
        return SnmpValue.OctetString.of(s);
    }

    /** A two-line (endpoints 9 and 10) CableLabs MTA file of about 500 bytes with the hash. */
    static ConfigFile twoLineFile() {
        List<Varbind> v = new ArrayList<>();
        v.add(vb("pktcMtaDevEnabled.0", integer(1)));
        for (int line = 9; line <= 10; line++) {
            v.add(vb("pktcNcsEndPntConfigCallAgentId." + line, str("[10.0.0.1]")));
            v.add(vb("pktcNcsEndPntConfigCallAgentUdpPort." + line, integer(2727)));
            v.add(vb("pktcNcsEndPntConfigPartialDialTO." + line, integer(16)));
            v.add(vb("pktcNcsEndPntConfigCriticalDialTO." + line, integer(16)));
            v.add(vb("pktcNcsEndPntConfigMWD." + line, integer(600)));
            v.add(vb("pktcNcsEndPntConfigTdinit." + line, integer(15)));
            v.add(vb("pktcNcsEndPntConfigTdmin." + line, integer(15)));
            v.add(vb("pktcNcsEndPntConfigTdmax." + line, integer(600)));
            v.add(vb("pktcNcsEndPntConfigRtoMax." + line, integer(4)));
            v.add(vb("pktcNcsEndPntConfigRtoInit." + line, integer(200)));
        }
        v.add(vb("pktcMtaDevRealmOrgName.'REALM.COM'", str("Operator")));
        return ConfigHash.withHash(ConfigFile.ofVarbinds(v), HashDialect.CABLELABS);
    }

    /** A valid file of exactly {@code size} bytes before the hash, filler in a call agent id. */
    static ConfigFile fileOfSize(int size) {
        List<Varbind> v = new ArrayList<>();
        v.add(vb("pktcMtaDevEnabled.0", integer(1)));
        v.add(vb("pktcMtaDevRealmOrgName.'REALM.COM'", str("Operator")));
        int agent = 9;
        while (true) {
            int cur = ConfigFile.ofVarbinds(v).encodedLength();
            int left = size - cur;
            if (left == 0) {
                break;
            }
            List<Varbind> probe = new ArrayList<>(v);
            probe.add(vb("pktcNcsEndPntConfigCallAgentId." + agent, str("")));
            int overhead = ConfigFile.ofVarbinds(probe).encodedLength() - cur;
            int n = left - overhead;
            if (n > 100) {
                n = n > 100 + overhead + 3 ? 100 : n - overhead - 50;
            }
            if (n < 3) {
                throw new IllegalArgumentException("cannot fill " + size + " bytes");
            }
            v.add(vb("pktcNcsEndPntConfigCallAgentId." + agent++, str("x".repeat(n))));
        }
        return ConfigFile.ofVarbinds(v);
    }
}
