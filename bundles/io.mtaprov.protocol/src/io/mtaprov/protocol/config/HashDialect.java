package io.mtaprov.protocol.config;

import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.protocol.mib.Oid;

/**
 * Which OID carries the configuration file hash (PROTOCOL.md, "The MTA configuration file"):
 * {@code pktcMtaDevProvConfigHash.0} of PKTC-MTA-MIB (CableLabs) or of RFC 4682 (IETF), or the
 * Euro-PacketCable object 1.3.6.1.4.1.7432.1.1.2.9.0. The OIDs come from the MIB table.
 */
public enum HashDialect {
    /** PKTC-MTA-MIB pktcMtaDevProvConfigHash.0. */
    CABLELABS,
    /** PKTC-IETF-MTA-MIB (RFC 4682) pktcMtaDevProvConfigHash.0. */
    IETF,
    /** Euro-PacketCable 1.3.6.1.4.1.7432.1.1.2.9.0. */
    EURO;

    private static final class Oids {
        static final Oid[] BY_DIALECT = {
                scalar("PKTC-MTA-MIB::pktcMtaDevProvConfigHash"),
                scalar("PKTC-IETF-MTA-MIB::pktcMtaDevProvConfigHash"),
                MibRegistry.euroHashOid() };

        private static Oid scalar(String name) {
            return MibRegistry.standard().byName(name, MibTree.CABLELABS).oid().append(0);
        }
    }

    /** The instance OID of the hash object. */
    public Oid oid() {
        return Oids.BY_DIALECT[ordinal()];
    }

    /** The dialect whose hash OID is {@code oid}, or {@code null}. */
    public static HashDialect of(Oid oid) {
        for (HashDialect d : values()) {
            if (d.oid().equals(oid)) {
                return d;
            }
        }
        return null;
    }

    /** The dialect of a MIB tree (OTHER gives CableLabs). */
    public static HashDialect of(MibTree tree) {
        return tree == MibTree.IETF ? IETF : tree == MibTree.EURO ? EURO : CABLELABS;
    }
}
