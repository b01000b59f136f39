package io.mtaprov.sim;

import org.snmp4j.PDU;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * The two INFORMs of an MTA (docs/wire-contract.md; PKTC-MTA-MIB / RFC 4682 notifications), built
 * from the values of its {@link MtaMib}: the enrollment INFORM of step 4 and the status INFORM of
 * step 10. Stateless.
 */
final class Notifications {
    private Notifications() {
    }

    /**
     * pktcMtaDevProvisioningEnrollment: sysUpTime.0, snmpTrapOID.0, sysDescr.0,
     * pktcMtaDevSwCurrentVers.0, pktcMtaDevTypeIdentifier.0, pktcMtaDevMacAddress.0 (IETF tree:
     * ifPhysAddress.1), pktcMtaDevCorrelationId.0.
     */
    static PDU enrollment(MtaMib mib) {
        MtaObjects o = mib.objects;
        return inform(mib, o.enrollment, MtaObjects.SYS_DESCR, o.swCurrentVers, o.typeIdentifier, o.macAddress,
                o.correlationId);
    }

    /**
     * pktcMtaDevProvisioningStatus: sysUpTime.0, snmpTrapOID.0, pktcMtaDevMacAddress.0 (IETF:
     * ifPhysAddress.1), pktcMtaDevCorrelationId.0, pktcMtaDevProvisioningState.0.
     */
    static PDU status(MtaMib mib) {
        MtaObjects o = mib.objects;
        return inform(mib, o.status, o.macAddress, o.correlationId, o.provisioningState);
    }

    private static PDU inform(MtaMib mib, OID trapOid, OID... objects) {
        PDU pdu = new PDU();
        pdu.setType(PDU.INFORM);
        pdu.add(new VariableBinding(MtaObjects.SYS_UP_TIME, mib.upTime()));
        pdu.add(new VariableBinding(MtaObjects.SNMP_TRAP_OID, trapOid));
        for (OID oid : objects) {
            pdu.add(new VariableBinding(oid, mib.get(oid)));
        }
        return pdu;
    }
}
