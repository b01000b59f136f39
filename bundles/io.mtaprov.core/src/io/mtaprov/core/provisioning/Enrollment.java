package io.mtaprov.core.provisioning;

import io.mtaprov.core.model.Flow;
import java.time.Instant;
import java.util.Objects;

/**
 * What the provisioning server learned of an MTA when its attempt started: from the enrollment
 * INFORM (step 4, PKT-SP-PROV1.5 flow MTA-15) in the Hybrid and Secure flows, or from the DHCP lease
 * alone in the Basic flow (no INFORM: correlation id 0, empty INFORM fields). Immutable.
 *
 * @param mac            the MTA's MAC, lower-case colon hex
 * @param ip             the MTA's IPv4 address (the INFORM's source, = its lease)
 * @param correlationId  pktcMtaDevCorrelationId: a new value per MTA boot; one attempt per value
 * @param flow           the provisioning flow (from the realm the DHCP server hands out)
 * @param mibTree        "CABLELABS" or "IETF": the tree of the notification OID (protocol's MibTree name)
 * @param sysDescr       sysDescr.0 of the INFORM, "" when absent
 * @param swVersion      pktcMtaDevSwCurrentVers.0, "" when absent
 * @param typeIdentifier pktcMtaDevTypeIdentifier.0 (a copy of DHCP option 60), "" when absent
 * @param received       when the INFORM (or the lease) was seen
 */
public record Enrollment(String mac, String ip, long correlationId, Flow flow, String mibTree, String sysDescr,
        String swVersion, String typeIdentifier, Instant received) {

    public Enrollment {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(received, "received");
        mibTree = mibTree == null || mibTree.isBlank() ? "CABLELABS" : mibTree;
        sysDescr = sysDescr == null ? "" : sysDescr;
        swVersion = swVersion == null ? "" : swVersion;
        typeIdentifier = typeIdentifier == null ? "" : typeIdentifier;
    }
}
