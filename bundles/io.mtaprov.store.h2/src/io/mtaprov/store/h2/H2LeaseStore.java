package io.mtaprov.store.h2;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.lease.LeaseStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * DHCP leases in the {@code lease} table and declined addresses in {@code lease_conflict}
 * (schema version 2; the realm column since version 4). Thread-safe; every call uses its own pooled connection.
 *
 * <p>Durability: {@link #putAll} returns when the leases are appended to the {@link LeaseJournal}
 * (one {@code write} of a few hundred bytes), which survives the death of the process, not a power
 * failure, like H2's {@code WRITE_DELAY=0} commits of {@link H2Database}. The journal is folded into
 * the table about once a second, a few hundred leases per transaction ({@link LeaseWriteBehind});
 * reads see journaled leases at once. A commit to the table per DHCP batch cost half of the server's CPU: every commit
 * writes an MVStore chunk with each B-tree page the batch touched, about ten pages per lease
 * (docs/benchmarks.md). {@code H2LeaseStoreTest} checks durability with {@code SHUTDOWN IMMEDIATELY},
 * which drops unwritten changes exactly as kill -9 does.
 */
@Component(service = {LeaseStore.class, LeaseLookup.class})
public class H2LeaseStore implements LeaseStore {
    private static final String COLUMNS = "mac, ip, scope, client_class, vendor_class, hostname, relay_info, state,"
            + " start_ms, expires_ms, realm";
    private H2Database db;

    public H2LeaseStore() {
    }

    /** For use outside OSGi (tests, benchmarks). */
    public H2LeaseStore(H2Database db) {
        this.db = db;
    }

    @Reference
    void setDatabase(H2Database database) {
        this.db = database;
    }

    /**
     * Journals the leases (durable when this returns, see {@link LeaseWriteBehind}) and folds the
     * journal into the table when it is due.
     */
    @Override
    public void putAll(List<Lease> leases) {
        if (leases.isEmpty()) {
            return;
        }
        for (Lease l : leases) {
            checkFits(l);
        }
        LeaseWriteBehind w = writeBehind();
        synchronized (w) {
            w.append(db, leases);
        }
    }

    /** Writes leases to the table in one transaction, in order (the fold of the journal). */
    static void writeToTable(Connection c, List<Lease> leases) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement free = c.prepareStatement("DELETE FROM lease WHERE ip = ? AND mac <> ?");
                PreparedStatement merge = c.prepareStatement("MERGE INTO lease (" + COLUMNS
                        + ") KEY (mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Lease l : leases) {
                free.setString(1, l.ip());
                free.setString(2, l.mac());
                free.executeUpdate();
                bind(merge, l);
                merge.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Refuses a lease the table could not hold (column sizes of schema versions 2 and 4), before it
     * is journaled: the fold must never meet a lease it cannot write.
     */
    private static void checkFits(Lease l) {
        String[][] fields = {{"mac", l.mac(), "47"}, {"ip", l.ip(), "15"}, {"scope", l.scope(), "64"},
            {"client_class", l.clientClass(), "16"}, {"vendor_class", l.vendorClass(), "255"},
            {"hostname", l.hostname(), "255"}, {"relay_info", l.relayInfo(), "2048"}, {"realm", l.realm(), "255"}};
        for (String[] f : fields) {
            if (f[1] == null || f[1].length() > Integer.parseInt(f[2])) {
                throw new IllegalArgumentException("cannot store the lease of " + l.mac() + ": " + f[0] + " is "
                        + (f[1] == null ? "null" : "longer than " + f[2] + " characters"));
            }
        }
        if (l.state() == null || l.start() == null || l.expires() == null) {
            throw new IllegalArgumentException("cannot store the lease of " + l.mac() + ": state, start or expiry missing");
        }
    }

    private LeaseWriteBehind writeBehind() {
        return LeaseWriteBehind.of(db);
    }

    @Override
    public Optional<Lease> update(String mac, Lease.State state, Instant expires) {
        LeaseWriteBehind w = writeBehind();
        synchronized (w) {
            w.fold(db);
            return updateTable(mac, state, expires);
        }
    }

    private Optional<Lease> updateTable(String mac, Lease.State state, Instant expires) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("UPDATE lease SET state = ?, expires_ms = ? WHERE mac = ?")) {
            ps.setString(1, state.name());
            ps.setLong(2, expires.toEpochMilli());
            ps.setString(3, mac);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot update the lease of " + mac, e);
        }
        return select("SELECT " + COLUMNS + " FROM lease WHERE mac = ?", mac).stream().findFirst();
    }

    @Override
    public List<Lease> expire(Instant now) {
        LeaseWriteBehind w = writeBehind();
        synchronized (w) {
            w.fold(db);
            return expireInTable(now);
        }
    }

    private List<Lease> expireInTable(Instant now) {
        String active = "state IN ('OFFERED', 'BOUND') AND expires_ms <= ?";
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                List<Lease> due = query(c, "SELECT " + COLUMNS + " FROM lease WHERE " + active, now.toEpochMilli());
                try (PreparedStatement ps = c.prepareStatement("UPDATE lease SET state = 'EXPIRED' WHERE " + active)) {
                    ps.setLong(1, now.toEpochMilli());
                    ps.executeUpdate();
                }
                c.commit();
                return due.stream().map(l -> l.with(Lease.State.EXPIRED, l.expires())).toList();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot expire leases", e);
        }
    }

    @Override
    public List<Lease> all() {
        return folded(() -> select("SELECT " + COLUMNS + " FROM lease ORDER BY start_ms"));
    }

    @Override
    public Optional<Lease> byMac(String mac) {
        LeaseWriteBehind w = writeBehind();
        synchronized (w) {
            return w.byMac(mac, () -> select("SELECT " + COLUMNS + " FROM lease WHERE mac = ?", mac).stream()
                    .findFirst());
        }
    }

    @Override
    public Optional<Lease> byIp(String ip) {
        LeaseWriteBehind w = writeBehind();
        synchronized (w) {
            return w.byIp(ip, () -> select("SELECT " + COLUMNS + " FROM lease WHERE ip = ?", ip).stream()
                    .findFirst());
        }
    }

    @Override
    public List<Lease> active(int limit) {
        return folded(() -> select("SELECT " + COLUMNS + " FROM lease WHERE state IN ('OFFERED', 'BOUND') AND expires_ms > ?"
                + " ORDER BY start_ms DESC LIMIT ?", System.currentTimeMillis(), limit));
    }

    /** A read of the table after the journal is folded into it. */
    private <T> T folded(java.util.function.Supplier<T> read) {
        LeaseWriteBehind w = writeBehind();
        synchronized (w) {
            w.fold(db);
            return read.get();
        }
    }

    @Override
    public void markConflict(String ip, String mac, Instant until) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "MERGE INTO lease_conflict (ip, mac, declined_ms, until_ms) KEY (ip) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, ip);
            ps.setString(2, mac);
            ps.setLong(3, System.currentTimeMillis());
            ps.setLong(4, until.toEpochMilli());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record the conflict on " + ip, e);
        }
    }

    @Override
    public Map<String, Instant> conflicts(Instant now) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ip, until_ms FROM lease_conflict WHERE until_ms > ? ORDER BY ip")) {
            ps.setLong(1, now.toEpochMilli());
            Map<String, Instant> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read address conflicts", e);
        }
    }

    private List<Lease> select(String sql, Object... args) {
        try (Connection c = db.connection()) {
            return query(c, sql, args);
        } catch (SQLException e) {
            throw new StoreException("cannot read leases", e);
        }
    }

    private static List<Lease> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Lease> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Lease(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), Lease.State.valueOf(rs.getString(8)),
                            Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11)));
                }
                return out;
            }
        }
    }

    private static void bind(PreparedStatement ps, Lease l) throws SQLException {
        ps.setString(1, l.mac());
        ps.setString(2, l.ip());
        ps.setString(3, l.scope());
        ps.setString(4, l.clientClass());
        ps.setString(5, l.vendorClass());
        ps.setString(6, l.hostname());
        ps.setString(7, l.relayInfo());
        ps.setString(8, l.state().name());
        ps.setLong(9, l.start().toEpochMilli());
        ps.setLong(10, l.expires().toEpochMilli());
        ps.setString(11, l.realm());
    }
}
