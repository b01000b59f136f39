package io.mtaprov.server.mps;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.provisioning.ProvisioningSession;
import io.mtaprov.core.provisioning.RejectedLine;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * The provisioning server's working data of one attempt next to its state machine: the generated
 * file and the pending timer. Fields are written by the workflow's threads and read by others.
 */
final class Attempt {
    final ProvisioningSession session;
    volatile GeneratedConfig config;
    volatile ScheduledFuture<?> timer;
    volatile List<RejectedLine> rejected = List.of();
    /**
     * Basic flow: the lease the DHCP server is offering or acknowledging, handed over with the
     * request for the file (an OFFER is not in the lease store yet); null: look it up (5b).
     */
    volatile Lease dhcpLease;
    /** Hybrid flow: the lease look-up made at the enrollment (its realm chose the flow); null: look up (5b). */
    volatile ConfigGeneration.LeaseLookupResult enrollmentLease;

    Attempt(ProvisioningSession session) {
        this.session = session;
    }

    String mac() {
        return session.enrollment().mac();
    }

    String ip() {
        return session.enrollment().ip();
    }

    void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
