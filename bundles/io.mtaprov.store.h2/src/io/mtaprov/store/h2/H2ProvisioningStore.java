package io.mtaprov.store.h2;

import io.mtaprov.core.provisioning.DefaultLayers;
import io.mtaprov.core.provisioning.DeviceClass;
import io.mtaprov.core.provisioning.ProvisioningResult;
import io.mtaprov.core.provisioning.ProvisioningState;
import io.mtaprov.core.provisioning.ProvisioningStatus;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.core.provisioning.RejectedLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The layers of config file generation and the provisioning results in the {@code prov_*} tables
 * (schema version 3). A store without device classes gets the defaults ({@link DefaultLayers}) at
 * activation, so that a fresh console provisions the demo MTA. Every write is one transaction;
 * results go through the group commit ({@link GroupCommitter}) they share with generated files.
 * <p>
 * The layers are read for every MTA the provisioning server configures but change only when an
 * operator edits them, so they are cached ({@link LayerCache}): the device classes and the CMTS
 * layers as read, and of the MTA layer the set of MACs that have settings at all (an MTA without
 * any costs no query). Every save through this store drops what it changes, after its commit;
 * this store is the only writer of the {@code prov_*} tables (H2 admits one process).
 */
@Component(service = ProvisioningStore.class)
public class H2ProvisioningStore implements ProvisioningStore {
    static final String CLASS = "CLASS";
    static final String CMTS = "CMTS";
    static final String MTA = "MTA";

    /** Open attempts (V5), see {@link #recordStart}. */
    static final String MERGE_OPEN = "MERGE INTO prov_open (mta_mac, correlation_id, flow, started_ms) KEY (mta_mac)"
            + " VALUES (?, ?, ?, ?)";
    static final String DELETE_OPEN = "DELETE FROM prov_open WHERE mta_mac = ? AND correlation_id = ?";
    static final String INSERT_RESULT = "INSERT INTO prov_result (mta_mac, correlation_id, flow, state, reason,"
            + " file_name, status_code, started_ms, ended_ms) VALUES (?,?,?,?,?,?,?,?,?)";
    static final String INSERT_REJECTED = "INSERT INTO prov_rejected_line (result_id, seq, line_no, oid, line_text,"
            + " reason) VALUES (?,?,?,?,?,?)";

    private final LayerCache cache = new LayerCache();
    private H2Database db;
    private GroupCommitter writer;

    public H2ProvisioningStore() {
    }

    /** For use outside OSGi (tests); seeds the defaults into an empty store. */
    public H2ProvisioningStore(H2Database db) {
        this.db = db;
        activate();
    }

    @Reference
    void setDatabase(H2Database database) {
        this.db = database;
    }

    @Activate
    void activate() {
        writer = GroupCommitter.of(db);
        cache.clear();
        DefaultLayers.seed(this);
    }

    @Override
    public List<DeviceClass> deviceClasses() {
        return cache.deviceClasses(this::readDeviceClasses);
    }

    private List<DeviceClass> readDeviceClasses() {
        try (Connection c = db.connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, priority, vendor, model, device_type, mib_tree, template,"
                        + " get_oids FROM prov_device_class ORDER BY id")) {
            List<DeviceClass> out = new ArrayList<>();
            while (rs.next()) {
                String id = rs.getString(1);
                String oids = rs.getString(8);
                out.add(new DeviceClass(id, rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7),
                        oids.isBlank() ? List.of() : Arrays.stream(oids.split(",")).map(String::strip).toList(),
                        variables(c, CLASS, id)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the device classes", e);
        }
    }

    @Override
    public void saveDeviceClass(DeviceClass d) {
        inTransaction("cannot save device class " + d.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO prov_device_class (id, priority, vendor, model,"
                    + " device_type, mib_tree, template, get_oids, updated_ms) KEY (id) VALUES (?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, d.id());
                ps.setInt(2, d.priority());
                ps.setString(3, d.vendor());
                ps.setString(4, d.model());
                ps.setString(5, d.deviceType());
                ps.setString(6, d.mibTree());
                ps.setString(7, d.template());
                ps.setString(8, String.join(",", d.getOids()));
                ps.setLong(9, System.currentTimeMillis());
                ps.executeUpdate();
            }
            replaceVariables(c, CLASS, d.id(), d.variables());
        });
        cache.deviceClassesChanged();
    }

    @Override
    public Map<String, String> cmtsVariables(String scope) {
        return cache.cmtsVariables(scope, () -> variables(CMTS, scope));
    }

    @Override
    public void saveCmtsVariables(String scope, Map<String, String> variables) {
        inTransaction("cannot save the CMTS layer " + scope, c -> replaceVariables(c, CMTS, scope, variables));
        cache.cmtsVariablesChanged(scope);
    }

    @Override
    public Map<String, String> mtaVariables(String mac) {
        return cache.mayHaveMtaVariables(mac, this::mtasWithVariables) ? variables(MTA, mac) : Map.of();
    }

    @Override
    public void saveMtaVariables(String mac, Map<String, String> variables) {
        cache.mtaVariablesSaving(mac); // before the commit: a read meanwhile queries rather than missing them
        inTransaction("cannot save the settings of " + mac, c -> replaceVariables(c, MTA, mac, variables));
    }

    /** The MACs that have an MTA layer, read once for the cache. */
    private java.util.Set<String> mtasWithVariables() {
        try (Connection c = db.connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT owner FROM prov_variable WHERE layer = '" + MTA + "'")) {
            java.util.Set<String> out = new java.util.HashSet<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read which MTAs have settings", e);
        }
    }

    @Override
    public void recordStart(String mac, long correlationId, String flow, Instant started) {
        writer.write("cannot record the start of an attempt of " + mac, (c, st) -> {
            PreparedStatement ps = st.prepare(MERGE_OPEN);
            ps.setString(1, mac);
            ps.setLong(2, correlationId);
            ps.setString(3, flow);
            ps.setLong(4, started.toEpochMilli());
            ps.executeUpdate();
        });
    }

    @Override
    public List<ProvisioningResult> closeInterrupted(Instant now, String reason) {
        List<ProvisioningResult> closed = new ArrayList<>();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (var read = c.createStatement(); ResultSet rs = read.executeQuery(
                    "SELECT mta_mac, correlation_id, flow, started_ms FROM prov_open ORDER BY started_ms");
                    PreparedStatement ins = c.prepareStatement(INSERT_RESULT)) {
                while (rs.next()) {
                    ProvisioningResult r = new ProvisioningResult(rs.getString(1), rs.getLong(2), rs.getString(3),
                            ProvisioningState.FAILED, reason, "", null, Instant.ofEpochMilli(rs.getLong(4)), now, List.of());
                    ins.setString(1, r.mac());
                    ins.setLong(2, r.correlationId());
                    ins.setString(3, r.flow());
                    ins.setString(4, r.state().name());
                    ins.setString(5, clip(reason, 4096));
                    ins.setString(6, "");
                    ins.setNull(7, Types.INTEGER);
                    ins.setLong(8, r.started().toEpochMilli());
                    ins.setLong(9, now.toEpochMilli());
                    ins.executeUpdate();
                    closed.add(r);
                }
                read.execute("DELETE FROM prov_open");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot close the attempts interrupted by the last stop", e);
        }
        return closed;
    }

    @Override
    public void recordResult(ProvisioningResult r) {
        writer.write("cannot record the result of " + r.mac(), (c, st) -> {
            PreparedStatement done = st.prepare(DELETE_OPEN);
            done.setString(1, r.mac());
            done.setLong(2, r.correlationId());
            done.executeUpdate();
            PreparedStatement ps = r.rejected().isEmpty() ? st.prepare(INSERT_RESULT)
                    : st.prepareReturningKeys(INSERT_RESULT);
            ps.setString(1, r.mac());
            ps.setLong(2, r.correlationId());
            ps.setString(3, r.flow());
            ps.setString(4, r.state().name());
            ps.setString(5, clip(r.reason(), 4096));
            ps.setString(6, r.fileName());
            if (r.status() == null) {
                ps.setNull(7, Types.INTEGER);
            } else {
                ps.setInt(7, r.status().code());
            }
            ps.setLong(8, r.started().toEpochMilli());
            ps.setLong(9, r.ended().toEpochMilli());
            ps.executeUpdate();
            if (r.rejected().isEmpty()) {
                return;
            }
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            PreparedStatement lines = st.prepare(INSERT_REJECTED);
            int seq = 0;
            for (RejectedLine l : r.rejected()) {
                lines.setLong(1, id);
                lines.setInt(2, seq++);
                lines.setInt(3, l.line());
                lines.setString(4, clip(l.oid(), 255));
                lines.setString(5, clip(l.text(), 4096));
                lines.setString(6, clip(l.reason(), 1024));
                lines.executeUpdate();
            }
        });
    }

    @Override
    public List<ProvisioningResult> results(String mac, int limit) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT id, correlation_id, flow,"
                + " state, reason, file_name, status_code, started_ms, ended_ms FROM prov_result WHERE mta_mac = ?"
                + " ORDER BY id DESC LIMIT ?")) {
            ps.setString(1, mac);
            ps.setInt(2, limit);
            List<ProvisioningResult> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int code = rs.getInt(7);
                    ProvisioningStatus status = rs.wasNull() ? null : ProvisioningStatus.ofCode(code);
                    out.add(new ProvisioningResult(mac, rs.getLong(2), rs.getString(3),
                            ProvisioningState.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), status,
                            Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)),
                            rejected(c, rs.getLong(1))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the results of " + mac, e);
        }
    }

    private static List<RejectedLine> rejected(Connection c, long resultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT line_no, oid, line_text, reason FROM prov_rejected_line"
                + " WHERE result_id = ? ORDER BY seq")) {
            ps.setLong(1, resultId);
            List<RejectedLine> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RejectedLine(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        }
    }

    private Map<String, String> variables(String layer, String owner) {
        try (Connection c = db.connection()) {
            return variables(c, layer, owner);
        } catch (SQLException e) {
            throw new StoreException("cannot read the " + layer + " layer of " + owner, e);
        }
    }

    private static Map<String, String> variables(Connection c, String layer, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, val FROM prov_variable WHERE layer = ? AND owner = ? ORDER BY name")) {
            ps.setString(1, layer);
            ps.setString(2, owner);
            Map<String, String> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        }
    }

    private static void replaceVariables(Connection c, String layer, String owner, Map<String, String> vars)
            throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM prov_variable WHERE layer = ? AND owner = ?")) {
            del.setString(1, layer);
            del.setString(2, owner);
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO prov_variable (layer, owner, name, val) VALUES (?,?,?,?)")) {
            for (Map.Entry<String, String> e : vars.entrySet()) {
                ins.setString(1, layer);
                ins.setString(2, owner);
                ins.setString(3, e.getKey());
                ins.setString(4, e.getValue());
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(String what, SqlWork work) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
