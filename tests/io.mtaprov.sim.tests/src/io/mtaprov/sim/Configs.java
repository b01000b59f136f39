package io.mtaprov.sim;

import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.config.HashDialect;
import io.mtaprov.protocol.config.SnmpValue;
import io.mtaprov.protocol.config.Varbind;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.protocol.mib.Oid;
import java.util.List;

/** Configuration files for the tests, built with the protocol codec. */
final class Configs {
    /** An OID in no PacketCable MIB (enterprise 99999 is unassigned in this lab). */
    static final Oid UNKNOWN = Oid.parse("1.3.6.1.4.1.99999.1.1.0");

    private Configs() {
    }

    static ConfigFile file(MibTree tree, boolean withUnknown) {
        List<Varbind> vbs = new java.util.ArrayList<>(List.of(
                Varbind.of("pktcMtaDevEnabled.0", tree, new SnmpValue.Integer32(1)),
                Varbind.of("pktcNcsEndPntConfigCallAgentId.9", MibTree.CABLELABS, SnmpValue.OctetString.of("[10.0.0.1]"))));
        if (tree == MibTree.IETF) {
            vbs.remove(1);
        }
        if (withUnknown) {
            vbs.add(new Varbind(UNKNOWN, SnmpValue.OctetString.of("mystery")));
        }
        return ConfigFile.ofVarbinds(vbs);
    }

    /** Hybrid: no hash TLV. */
    static byte[] plain(MibTree tree) {
        return file(tree, false).encode();
    }

    /** Basic: with the hash TLV before the end delimiter. */
    static byte[] withHash(MibTree tree) {
        return ConfigHash.encodeWithHash(file(tree, false), HashDialect.of(tree));
    }
}
