package io.mtaprov.server.mps;

import io.mtaprov.core.provisioning.ProvisioningStatus;
import io.mtaprov.protocol.mib.MibTree;
import java.util.HexFormat;
import java.util.List;
import org.snmp4j.PDU;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Decodes the provisioning notifications of PKTC-MTA-MIB and RFC 4682 (PROTOCOL.md "SNMP and the
 * MIB"): the tree is the one whose notification OID is in snmpTrapOID.0; the enrollment carries
 * sysDescr, pktcMtaDevSwCurrentVers, pktcMtaDevTypeIdentifier, pktcMtaDevMacAddress (IETF:
 * ifPhysAddress.ifIndex) and pktcMtaDevCorrelationId; the status carries the MAC, the correlation
 * id and pktcMtaDevProvisioningState. Stateless, thread-safe.
 */
final class InformDecoder {
    private static final List<MibTree> TREES = List.of(MibTree.CABLELABS, MibTree.IETF);

    private InformDecoder() {
    }

    /** @throws IllegalArgumentException naming what is missing or unknown */
    static Notice decode(PDU pdu) {
        Variable trapOid = pdu.getVariable(MtaOids.SNMP_TRAP_OID);
        if (!(trapOid instanceof OID oid)) {
            throw new IllegalArgumentException("no snmpTrapOID.0 varbind: not an SNMPv2 notification");
        }
        for (MibTree tree : TREES) {
            if (oid.equals(MtaOids.notification(true, tree))) {
                return new Notice.EnrollmentNotice(mac(pdu, tree), correlationId(pdu, tree), tree,
                        text(pdu, MtaOids.SYS_DESCR), text(pdu, MtaOids.scalar("pktcMtaDevSwCurrentVers", tree)),
                        text(pdu, MtaOids.scalar("pktcMtaDevTypeIdentifier", tree)));
            }
            if (oid.equals(MtaOids.notification(false, tree))) {
                Variable st = pdu.getVariable(MtaOids.scalar("pktcMtaDevProvisioningState", tree));
                if (st == null || !isNumber(st)) {
                    throw new IllegalArgumentException("status notification without pktcMtaDevProvisioningState.0");
                }
                return new Notice.StatusNotice(mac(pdu, tree), correlationId(pdu, tree), tree,
                        ProvisioningStatus.ofCode(st.toLong()));
            }
        }
        throw new IllegalArgumentException("notification " + oid + " is not a PacketCable provisioning notification");
    }

    private static String mac(PDU pdu, MibTree tree) {
        Variable v = tree == MibTree.CABLELABS ? pdu.getVariable(MtaOids.scalar("pktcMtaDevMacAddress", MibTree.CABLELABS))
                : null;
        for (VariableBinding vb : pdu.getVariableBindings()) {
            if (v == null && vb.getOid().startsWith(MtaOids.IF_PHYS_ADDRESS)) {
                v = vb.getVariable();
            }
        }
        if (v == null && tree == MibTree.IETF) { // tolerate the CableLabs object in an IETF notification
            v = pdu.getVariable(MtaOids.scalar("pktcMtaDevMacAddress", MibTree.CABLELABS));
        }
        if (!(v instanceof OctetString s) || s.length() != 6) {
            throw new IllegalArgumentException("no 6-byte MAC (" + (tree == MibTree.IETF ? "ifPhysAddress"
                    : "pktcMtaDevMacAddress.0") + ") in the notification");
        }
        return HexFormat.ofDelimiter(":").formatHex(s.getValue());
    }

    private static long correlationId(PDU pdu, MibTree tree) {
        Variable v = pdu.getVariable(MtaOids.scalar("pktcMtaDevCorrelationId", tree));
        if (v == null || !isNumber(v)) {
            throw new IllegalArgumentException("no pktcMtaDevCorrelationId.0 in the notification");
        }
        return v.toLong();
    }

    private static boolean isNumber(Variable v) {
        try {
            v.toLong();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static String text(PDU pdu, OID oid) {
        Variable v = pdu.getVariable(oid);
        return v instanceof OctetString s ? new String(s.getValue(), java.nio.charset.StandardCharsets.UTF_8) : "";
    }
}
