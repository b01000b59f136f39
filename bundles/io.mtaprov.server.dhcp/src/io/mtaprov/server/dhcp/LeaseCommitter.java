package io.mtaprov.server.dhcp;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseStore;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipelined group commit of the DHCP server: exchanges whose lease changed (ACK, RELEASE,
 * DECLINE, expiry) wait here while the receive thread goes on handling datagrams. One committer
 * thread takes everything that waits, stores it in one transaction ({@link LeaseStore#putAll}),
 * and only then sends the replies, records the traces and announces the leases. While a commit is
 * in flight the next group grows, so under load one commit (one MVStore chunk, the dominant cost
 * per ACK) covers tens of ACKs, and at low load an ACK waits for one commit only. A reply whose
 * lease could not be committed is not sent: an ACKed lease survives the death of the process.
 *
 * <p>OFFERs need no durable write (RFC 2131 section 4.3.1: the server need not commit the offered
 * address) and never come here. At most {@value #MAX_PENDING} exchanges wait; beyond that the
 * receive thread waits for the committer (the socket buffer then absorbs the load).
 */
final class LeaseCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseCommitter.class);
    static final int MAX_PENDING = 8192;

    private final LeaseStore store;
    private final DhcpServer server;
    private final Consumer<Exchange> sender;
    private final Thread thread;
    private final Object lock = new Object();
    private List<Exchange> pending = new ArrayList<>();
    private boolean closing;
    private long commits;
    private long committed;

    /**
     * @param sender sends an exchange's reply (called on the committer thread after the commit)
     */
    LeaseCommitter(LeaseStore store, DhcpServer server, Consumer<Exchange> sender) {
        this.store = store;
        this.server = server;
        this.sender = sender;
        this.thread = new Thread(this::run, "mtaprov-dhcp-commit");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues exchanges that carry a lease change; waits only while {@value #MAX_PENDING} are queued. */
    void submit(List<Exchange> exchanges) {
        if (exchanges.isEmpty()) {
            return;
        }
        synchronized (lock) {
            while (pending.size() >= MAX_PENDING && !closing) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            pending.addAll(exchanges);
            lock.notifyAll();
        }
    }

    /** Commits and completes what is queued, then ends the thread. */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("{} lease commits for {} exchanges", commits, committed);
    }

    private void run() {
        while (true) {
            List<Exchange> group;
            synchronized (lock) {
                while (pending.isEmpty() && !closing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        closing = true;
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                group = pending;
                pending = new ArrayList<>(Math.max(16, group.size()));
                lock.notifyAll(); // a receive thread waiting for room
            }
            complete(group, commit(group));
        }
    }

    /** Stores the group's lease changes and declined addresses; the failure message, or null. */
    private String commit(List<Exchange> group) {
        List<Lease> writes = new ArrayList<>(group.size());
        for (Exchange ex : group) {
            writes.add(ex.write);
        }
        try {
            store.putAll(writes);
            for (Exchange ex : group) {
                if (ex.conflictIp != 0) {
                    store.markConflict(new Ipv4Address(ex.conflictIp).toString(), ex.mac,
                            Instant.ofEpochMilli(ex.conflictUntil));
                }
            }
            commits++;
            committed += group.size();
            return null;
        } catch (RuntimeException e) {
            String msg = "lease store failed, " + writes.size() + " lease change(s) not stored: " + e.getMessage();
            server.dropped(msg);
            LOG.error("DHCP lease commit failed", e);
            return msg;
        }
    }

    /** Sends the replies of a committed group (none if the commit failed), records, announces. */
    private void complete(List<Exchange> group, String failure) {
        for (Exchange ex : group) {
            if (failure != null) {
                ex.reply = null;
                ex.result = Exchange.Result.IGNORED;
                ex.traces.add(new TraceEvent(Instant.now(), ex.mac, ProvisioningStep.DHCP_OPTIONS_TRANSFER,
                        DhcpEngine.SOURCE, Direction.INTERNAL, "", ex.expiry ? "expiry of lease " + ex.write.ip()
                        + " not stored" : "lease " + ex.write.ip() + " not stored, no reply", failure, Outcome.FAILED));
            } else if (ex.reply != null) {
                sender.accept(ex);
            }
            server.record(ex);
            if (failure == null) {
                server.announce(ex.write);
            }
        }
    }
}
