package io.mtaprov.server.mps;

import io.mtaprov.core.provisioning.ProvisioningStatus;
import io.mtaprov.protocol.mib.MibTree;

/** A notification the MTA sent to the provisioning server, decoded by {@link InformDecoder}. Immutable. */
sealed interface Notice {

    String mac();

    long correlationId();

    MibTree tree();

    /**
     * The enrollment INFORM (step 4, pktcMtaDevProvisioningEnrollment).
     *
     * @param typeIdentifier pktcMtaDevTypeIdentifier.0
     */
    record EnrollmentNotice(String mac, long correlationId, MibTree tree, String sysDescr, String swVersion,
            String typeIdentifier) implements Notice {
    }

    /** The status INFORM (step 10, pktcMtaDevProvisioningStatus). */
    record StatusNotice(String mac, long correlationId, MibTree tree, ProvisioningStatus status) implements Notice {
    }
}
