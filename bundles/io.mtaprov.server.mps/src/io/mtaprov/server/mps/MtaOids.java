package io.mtaprov.server.mps;

import io.mtaprov.protocol.mib.MibObject;
import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibTree;
import org.snmp4j.smi.OID;

/**
 * The OIDs the provisioning server sends and receives, taken from the MIB table
 * (MibRegistry.standard(), pktc-objects.tsv) per tree; the standard SNMPv2-MIB/IF-MIB objects
 * that are not in that table are constants with their source.
 */
final class MtaOids {
    /** SNMPv2-MIB sysDescr.0 (RFC 3418). */
    static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");
    /** SNMPv2-MIB sysUpTime.0 (RFC 3418). */
    static final OID SYS_UP_TIME = new OID("1.3.6.1.2.1.1.3.0");
    /** SNMPv2-MIB snmpTrapOID.0 (RFC 3418). */
    static final OID SNMP_TRAP_OID = new OID("1.3.6.1.6.3.1.1.4.1.0");
    /** IF-MIB ifPhysAddress (RFC 2863), the MTA's MAC in the IETF tree's enrollment INFORM (.ifIndex). */
    static final OID IF_PHYS_ADDRESS = new OID("1.3.6.1.2.1.2.2.1.6");

    private MtaOids() {
    }

    /** The object's OID (no instance) in the tree. */
    static OID object(String name, MibTree tree) {
        MibObject o = MibRegistry.standard().byName(name, tree);
        if (o == null || o.tree() != tree) {
            throw new IllegalArgumentException(name + " is not defined in the " + tree + " tree");
        }
        return new OID(o.oid().arcs());
    }

    /** The scalar instance {@code name.0} in the tree. */
    static OID scalar(String name, MibTree tree) {
        OID o = object(name, tree);
        o.append(0);
        return o;
    }

    /** pktcMtaDevProvisioningEnrollment / pktcMtaDevProvisioningStatus of a tree. */
    static OID notification(boolean enrollment, MibTree tree) {
        return object(enrollment ? "pktcMtaDevProvisioningEnrollment" : "pktcMtaDevProvisioningStatus", tree);
    }
}
