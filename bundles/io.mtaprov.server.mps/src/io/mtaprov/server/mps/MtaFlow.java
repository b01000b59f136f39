package io.mtaprov.server.mps;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Flow;
import io.mtaprov.core.settings.ProvisioningNetwork;

/**
 * The flow of one MTA: the realm its DHCP lease was given in option 122 sub-option 6 (realms are
 * per CMTS scope, {@code scope.<n>.realm}), else the network's realm ({@code mtaprov.net.realm}) for
 * leases without one (stored before schema version 4, or no lease lookup). PROTOCOL.md "Flow
 * selection". Stateless.
 */
final class MtaFlow {
    private MtaFlow() {
    }

    /** The realm the MTA of {@code lease} was given, else the network's. */
    static String realm(Lease lease, ProvisioningNetwork net) {
        return lease == null || lease.realm().isBlank() ? net.realm() : lease.realm();
    }

    /** The flow of the MTA of {@code lease}. */
    static Flow of(Lease lease, ProvisioningNetwork net) {
        return Flow.fromRealm(realm(lease, net));
    }
}
