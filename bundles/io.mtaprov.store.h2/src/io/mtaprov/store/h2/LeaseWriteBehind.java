package io.mtaprov.store.h2;

import io.mtaprov.core.lease.Lease;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lease changes of one database that are durable in its {@link LeaseJournal} but not yet in the
 * {@code lease} table, with the view of them that reads need. Every {@link H2LeaseStore} of the same
 * {@link H2Database} shares it (one journal per database file). Callers hold its monitor.
 *
 * <p>Why: with {@code WRITE_DELAY=0} every H2 commit writes an MVStore chunk holding every B-tree
 * page the transaction touched; a lease touches a random leaf of each of the five indexes of
 * {@code lease}, so a commit per DHCP batch cost about ten page writes per ACK, half of the server's
 * CPU (docs/benchmarks.md). Appending to the journal costs one {@code write}; the fold writes the
 * journaled changes to the table when {@value #FOLD_MILLIS} ms have passed since the first or
 * {@value #FOLD_LEASES} are waiting, {@value #FOLD_SLICE} per transaction and one transaction per
 * append (so no append waits long), and all at once before any read that scans the table. When the
 * process dies, the next open replays the journal into the table first.
 *
 * <p>The view follows the table's rules (one lease per MAC, one MAC per address: storing a lease
 * deletes another MAC's lease of the same address): a journaled lease is current while its MAC
 * still owns its address here; a table row is hidden when its MAC has a journaled lease, or when its
 * address was journaled by another MAC (which deleted it).
 */
final class LeaseWriteBehind {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseWriteBehind.class);
    static final long FOLD_MILLIS = 1000;
    static final int FOLD_LEASES = 20_000;
    /** Changes written per transaction of a fold that runs along with appends: a short pause each. */
    static final int FOLD_SLICE = 256;
    private static final Map<H2Database, LeaseWriteBehind> BY_DATABASE = new WeakHashMap<>();

    private final LeaseJournal journal;
    /** Journaled changes in order: what the fold writes. */
    private final List<Lease> pending = new ArrayList<>();
    /** The last journaled lease of each MAC. */
    private final Map<String, Lease> byMac = new HashMap<>();
    /** The MAC owning each journaled address, absent once the owner moved to another address. */
    private final Map<String, String> owner = new HashMap<>();
    /** Every address journaled since the last fold. */
    private final Set<String> touched = new HashSet<>();
    private long firstPending;
    /** How many of {@link #pending} the running fold has written to the table. */
    private int folded;

    private LeaseWriteBehind(LeaseJournal journal) {
        this.journal = journal;
    }

    /**
     * The write-behind of a database; the first call opens its journal and folds what a previous
     * process left in it into the table.
     */
    static LeaseWriteBehind of(H2Database db) {
        synchronized (BY_DATABASE) {
            LeaseWriteBehind w = BY_DATABASE.get(db);
            if (w == null) {
                w = open(db);
                BY_DATABASE.put(db, w);
            }
            return w;
        }
    }

    private static LeaseWriteBehind open(H2Database db) {
        LeaseJournal j;
        try {
            j = new LeaseJournal(db.directory());
        } catch (IOException | RuntimeException e) {
            throw new StoreException("cannot open the lease journal in " + db.directory(), e);
        }
        try {
            List<Lease> left = j.readAll();
            if (!left.isEmpty()) {
                try (Connection c = db.connection()) {
                    H2LeaseStore.writeToTable(c, left);
                }
                j.clear();
                LOG.info("{} lease change(s) from the journal of the previous run written to the table", left.size());
            }
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                j.close();
            } catch (IOException ignored) {
                // the open failed already
            }
            throw new StoreException("cannot replay the lease journal " + j.file(), e);
        }
        return new LeaseWriteBehind(j);
    }

    /** Journals the leases (durable when this returns), then folds a slice if a fold is due or running. */
    void append(H2Database db, List<Lease> leases) {
        try {
            journal.append(leases);
        } catch (IOException e) {
            throw new StoreException("cannot journal " + leases.size() + " lease(s), first " + leases.get(0).mac(), e);
        }
        long now = System.currentTimeMillis();
        if (pending.isEmpty()) {
            firstPending = now;
        }
        for (Lease l : leases) {
            remember(l);
        }
        if (folded > 0 || pending.size() >= FOLD_LEASES || now - firstPending >= FOLD_MILLIS) {
            try {
                fold(db, FOLD_SLICE);
            } catch (RuntimeException e) { // the leases are safe in the journal: fold at the next call
                LOG.warn("lease journal not folded into the table yet: {}", e.getMessage());
            }
        }
    }

    /** Writes every journaled change to the table and empties the journal (before reads that scan the table). */
    void fold(H2Database db) {
        fold(db, Integer.MAX_VALUE);
    }

    /**
     * Writes the next at most {@code slice} journaled changes to the table in one transaction; when
     * that was the last of them, empties the journal and the view. Until then the view still covers
     * the changes already written (it answers as the table will once all are written), and a replay
     * after a crash writes them again, which gives the same rows.
     */
    private void fold(H2Database db, int slice) {
        if (pending.isEmpty()) {
            return;
        }
        int to = (int) Math.min(pending.size(), (long) folded + slice);
        try (Connection c = db.connection()) {
            H2LeaseStore.writeToTable(c, pending.subList(folded, to));
        } catch (SQLException e) {
            throw new StoreException("cannot store " + (to - folded) + " lease(s), first " + pending.get(folded).mac(), e);
        }
        folded = to;
        if (folded < pending.size()) {
            return;
        }
        try {
            journal.clear();
        } catch (IOException e) { // the table has them; a replay of the journal would write them again, harmless
            LOG.warn("cannot empty the lease journal {}: {}", journal.file(), e.getMessage());
        }
        LOG.debug("{} lease change(s) folded into the table", pending.size());
        pending.clear();
        byMac.clear();
        owner.clear();
        touched.clear();
        folded = 0;
    }

    /** The lease of a MAC: its journaled one, else the table's unless a journaled change deleted it. */
    Optional<Lease> byMac(String mac, Supplier<Optional<Lease>> table) {
        Lease l = byMac.get(mac);
        if (l != null) {
            return mac.equals(owner.get(l.ip())) ? Optional.of(l) : Optional.empty();
        }
        return table.get().filter(row -> !touched.contains(row.ip()));
    }

    /** The lease of an address: the journaled owner's, else the table's unless a journaled change replaced it. */
    Optional<Lease> byIp(String ip, Supplier<Optional<Lease>> table) {
        String mac = owner.get(ip);
        if (mac != null) {
            return Optional.of(byMac.get(mac));
        }
        if (touched.contains(ip)) {
            return Optional.empty();
        }
        return table.get().filter(row -> !byMac.containsKey(row.mac()));
    }

    int pending() {
        return pending.size();
    }

    private void remember(Lease l) {
        pending.add(l);
        Lease previous = byMac.put(l.mac(), l);
        if (previous != null && !previous.ip().equals(l.ip()) && l.mac().equals(owner.get(previous.ip()))) {
            owner.remove(previous.ip());
        }
        owner.put(l.ip(), l.mac());
        touched.add(l.ip());
    }
}
