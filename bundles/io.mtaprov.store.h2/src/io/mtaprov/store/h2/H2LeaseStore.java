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
 * <p>Durability: H2 keeps committed changes in memory and writes them to the file in the
 * background (WRITE_DELAY, 500 ms by default), so a kill -9 right after a commit loses it.
 * {@link H2Database} opens the database with {@code WRITE_DELAY=0}: every commit is then written to
 * the MVStore file before {@code commit()} returns, which survives the death of the process (not a power failure:
 * H2 does not fsync per commit). {@code H2LeaseStoreTest} checks it with {@code SHUTDOWN
 * IMMEDIATELY}, which drops unwritten changes exactly as kill -9 does.
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

    @Override
    public void putAll(List<Lease> leases) {
        if (leases.isEmpty()) {
            return;
        }
        try (Connection c = db.connection()) {
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
        } catch (SQLException e) {
            throw new StoreException("cannot store " + leases.size() + " lease(s), first " + leases.get(0).mac(), e);
        }
    }

    @Override
    public Optional<Lease> update(String mac, Lease.State state, Instant expires) {
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
        return byMac(mac);
    }

    @Override
    public List<Lease> expire(Instant now) {
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
        return select("SELECT " + COLUMNS + " FROM lease ORDER BY start_ms");
    }

    @Override
    public Optional<Lease> byMac(String mac) {
        return select("SELECT " + COLUMNS + " FROM lease WHERE mac = ?", mac).stream().findFirst();
    }

    @Override
    public Optional<Lease> byIp(String ip) {
        return select("SELECT " + COLUMNS + " FROM lease WHERE ip = ?", ip).stream().findFirst();
    }

    @Override
    public List<Lease> active(int limit) {
        return select("SELECT " + COLUMNS + " FROM lease WHERE state IN ('OFFERED', 'BOUND') AND expires_ms > ?"
                + " ORDER BY start_ms DESC LIMIT ?", System.currentTimeMillis(), limit);
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
