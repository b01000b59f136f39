package io.mtaprov.sim;

import io.mtaprov.protocol.mib.MibObject;
import io.mtaprov.protocol.mib.MibRegistry;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.protocol.mib.Oid;
import org.snmp4j.smi.OID;

/**
 * The OIDs of the objects a simulated MTA serves and notifies, for one MIB tree, from
 * {@link MibRegistry#standard()} (docs/wire-contract.md: never typed by hand) plus the four
 * SNMPv2-MIB / IF-MIB objects the contract lets us write as constants. Immutable.
 */
final class MtaObjects { // SNMP4J OIDs are mutable: never append to these fields, copy first
    /** sysDescr.0, SNMPv2-MIB (RFC 3418). */
    static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");
    /** sysUpTime.0, SNMPv2-MIB (RFC 3418). */
    static final OID SYS_UP_TIME = new OID("1.3.6.1.2.1.1.3.0");
    /** snmpTrapOID.0, SNMPv2-MIB (RFC 3418). */
    static final OID SNMP_TRAP_OID = new OID("1.3.6.1.6.3.1.1.4.1.0");
    /** ifNumber.0, IF-MIB (RFC 2863). */
    static final OID IF_NUMBER = new OID("1.3.6.1.2.1.2.1.0");
    /** ifPhysAddress, IF-MIB (RFC 2863), a column indexed by ifIndex. */
    static final OID IF_PHYS_ADDRESS = new OID("1.3.6.1.2.1.2.2.1.6");
    /**
     * ifIndex of the MTA's own interface, whose ifPhysAddress is the MTA MAC in the IETF tree's
     * notifications (RFC 4682); 1 as on eMTAs, lines from {@link MtaProfile#FIRST_IF_INDEX} [check].
     */
    static final int MTA_IF_INDEX = 1;

    private static final MtaObjects CABLELABS = new MtaObjects(MibTree.CABLELABS);
    private static final MtaObjects IETF = new MtaObjects(MibTree.IETF);

    final MibTree tree;
    final OID serialNumber, macAddress, swCurrentVers, typeIdentifier, correlationId, provisioningState, enabled,
            configFile, configHash, enrollment, status, errorOid, errorValue, errorReason;
    final Oid enabledInstance;

    private MtaObjects(MibTree tree) {
        this.tree = tree;
        serialNumber = scalar("pktcMtaDevSerialNumber");
        macAddress = tree == MibTree.IETF ? new OID(IF_PHYS_ADDRESS).append(MTA_IF_INDEX)
                : scalar("pktcMtaDevMacAddress");
        swCurrentVers = scalar("pktcMtaDevSwCurrentVers");
        typeIdentifier = scalar("pktcMtaDevTypeIdentifier");
        correlationId = scalar("pktcMtaDevCorrelationId");
        provisioningState = scalar("pktcMtaDevProvisioningState");
        enabled = scalar("pktcMtaDevEnabled");
        enabledInstance = object("pktcMtaDevEnabled").oid().append(0);
        configFile = scalar("pktcMtaDevConfigFile");
        configHash = scalar("pktcMtaDevProvConfigHash");
        enrollment = column("pktcMtaDevProvisioningEnrollment");
        status = column("pktcMtaDevProvisioningStatus");
        errorOid = column("pktcMtaDevErrorOid");
        errorValue = column(tree == MibTree.IETF ? "pktcMtaDevErrorValue" : "pktcMtaDevErrorGiven");
        errorReason = column("pktcMtaDevErrorReason");
    }

    static MtaObjects of(MibTree tree) {
        return tree == MibTree.IETF ? IETF : CABLELABS;
    }

    private MibObject object(String name) {
        MibObject o = MibRegistry.standard().byName(name, tree);
        if (o == null || o.tree() != tree) {
            throw new IllegalStateException(name + " is missing from the " + tree + " tree of pktc-objects.tsv");
        }
        return o;
    }

    /** The object's OID without an instance (a column, or a notification). */
    private OID column(String name) {
        return new OID(object(name).oid().arcs());
    }

    /** The scalar's instance {@code .0}. */
    private OID scalar(String name) {
        return column(name).append(0);
    }

    /** The SNMP4J form of a protocol OID. */
    static OID toSnmp4j(Oid oid) {
        return new OID(oid.arcs());
    }

    /** The protocol form of an SNMP4J OID. */
    static Oid fromSnmp4j(OID oid) {
        return Oid.of(oid.getValue());
    }
}
