package io.mtaprov.store.h2;

import io.mtaprov.core.files.FileNames;
import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.files.GeneratedFileStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Generated files in the {@code generated_file} table. A put is committed before it returns, in a
 * group commit ({@link GroupCommitter}) shared with the other per-MTA writes, so that concurrent
 * puts share one commit. The files put last are also kept in memory ({@link RecentFiles}, files are
 * never changed once stored), so the TFTP download that follows a put reads no row.
 */
@Component(service = GeneratedFileStore.class)
public class H2GeneratedFileStore implements GeneratedFileStore {
    static final String INSERT = "INSERT INTO generated_file (name, mta_mac, size, sha1_hex, created_ms, content)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    private final RecentFiles recent = new RecentFiles(RecentFiles.DEFAULT_BUDGET_BYTES);
    private H2Database db;
    private GroupCommitter writer;

    public H2GeneratedFileStore() {
    }

    /** For use outside OSGi (tests, benchmarks). */
    public H2GeneratedFileStore(H2Database db) {
        this.db = db;
        activate();
    }

    @Reference
    void setDatabase(H2Database database) {
        this.db = database;
    }

    @Activate
    void activate() {
        writer = GroupCommitter.of(db); // the schema is applied by H2Database
    }

    @Override
    public GeneratedFile put(String mtaMac, byte[] content) {
        GeneratedFile f = new GeneratedFile(FileNames.newName(), mtaMac, content.length, sha1Hex(content),
                Instant.ofEpochMilli(System.currentTimeMillis()));
        writer.write("cannot store the generated file for " + mtaMac, (c, st) -> {
            PreparedStatement ps = st.prepare(INSERT);
            ps.setString(1, f.name());
            ps.setString(2, f.mtaMac());
            ps.setInt(3, f.size());
            ps.setString(4, f.sha1Hex());
            ps.setLong(5, f.created().toEpochMilli());
            ps.setBytes(6, content);
            ps.executeUpdate();
        });
        recent.add(f, content.clone());
        return f;
    }

    @Override
    public Optional<GeneratedFile> find(String name) {
        RecentFiles.Entry kept = recent.get(name);
        if (kept != null) {
            return Optional.of(kept.file());
        }
        List<GeneratedFile> l = query("SELECT name, mta_mac, size, sha1_hex, created_ms FROM generated_file WHERE name = ?",
                name, 1);
        return l.stream().findFirst();
    }

    @Override
    public Optional<byte[]> content(String name) {
        RecentFiles.Entry kept = recent.get(name);
        if (kept != null) {
            return Optional.of(kept.content().clone());
        }
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT content FROM generated_file WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read generated file " + name, e);
        }
    }

    @Override
    public List<GeneratedFile> recent(int limit) {
        return query("SELECT name, mta_mac, size, sha1_hex, created_ms FROM generated_file ORDER BY created_ms DESC"
                + " LIMIT ?", null, limit);
    }

    private List<GeneratedFile> query(String sql, String name, int limit) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, name != null ? name : Integer.valueOf(limit));
            try (ResultSet rs = ps.executeQuery()) {
                List<GeneratedFile> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new GeneratedFile(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list generated files", e);
        }
    }

    static String sha1Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JRE has no SHA-1", e);
        }
    }
}
