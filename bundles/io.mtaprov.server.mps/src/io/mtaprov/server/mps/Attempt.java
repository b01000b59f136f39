package io.mtaprov.server.mps;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.provisioning.DeviceClass;
import io.mtaprov.core.provisioning.ProvisioningSession;
import io.mtaprov.core.provisioning.RejectedLine;
import io.mtaprov.protocol.mib.MibTree;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * The provisioning server's working data of one attempt next to its state machine: the generated
 * file and the pending timer. Fields are written by the workflow's threads and read by others.
 */
final class Attempt {
    final ProvisioningSession session;
    /** The generated file while the attempt runs; null once it ended ({@link #settle}) or before step 5. */
    volatile GeneratedConfig config;
    /** What is kept of {@link #config} after the attempt ended: its text (the file is rebuilt from it). */
    volatile Settled settled;
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

    /** The generated file's class, tree and text; the bytes follow from them ({@link ConfigFileBuilder#fromText}). */
    record Settled(DeviceClass deviceClass, MibTree tree, String text) {
    }

    /**
     * The attempt ended: keep only the text of its file. The parsed document and the file are most of
     * an attempt's memory, and the provisioning server keeps the latest attempt of every MTA (for
     * re-provisioning): 100,000 MTAs held about 250 MB of them.
     */
    void settle() {
        GeneratedConfig c = config;
        if (c != null) {
            settled = new Settled(c.deviceClass(), c.tree(), c.text());
            config = null;
        }
    }

    /** The generated file, rebuilt from its text after {@link #settle}; null if the attempt has none. */
    GeneratedConfig generated() {
        GeneratedConfig c = config;
        Settled s = settled;
        if (c != null || s == null) {
            return c;
        }
        try {
            return ConfigFileBuilder.fromText(s.deviceClass(), s.tree(), s.text(), session.enrollment().flow().isBasic());
        } catch (ConfigFileBuilder.BuildException e) {
            throw new IllegalStateException("the kept text of " + session.fileName() + " no longer builds: " + e.getMessage(), e);
        }
    }

    void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
