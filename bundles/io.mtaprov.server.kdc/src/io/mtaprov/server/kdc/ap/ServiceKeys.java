package io.mtaprov.server.kdc.ap;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kerby.kerberos.kerb.keytab.Keytab;
import org.apache.kerby.kerberos.kerb.keytab.KeytabEntry;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.NameType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;

/**
 * The long-term keys of one service principal (the provisioning server's), one per enctype, as the
 * KDC holds them and as the service reads them from a keytab (MIT keytab format, version 0x502,
 * written by Kerby's {@link Keytab}). The KDC writes the keytab owner-only at start; the
 * provisioning server reads it to open tickets of AP-REQs (key management, MTA FQDN). Immutable;
 * {@link #toString()} never shows key material.
 *
 * @param principal qualified name, e.g. {@code mtaprovsrvr/mps.mtaprov.lab@MTAPROV.LAB}
 * @param keys      key per enctype
 */
public record ServiceKeys(String principal, Map<EncryptionType, EncryptionKey> keys) {
    public ServiceKeys {
        keys = Map.copyOf(keys);
    }

    /** From the keys of a principal (e.g. Kerby's identity). */
    public static ServiceKeys of(String principal, List<EncryptionKey> keys) {
        Map<EncryptionType, EncryptionKey> m = new EnumMap<>(EncryptionType.class);
        for (EncryptionKey k : keys) {
            m.put(k.getKeyType(), k);
        }
        return new ServiceKeys(principal, m);
    }

    /** The key a ticket was encrypted in, if this principal has one of that type. */
    public Optional<EncryptionKey> key(EncryptionType type) {
        return Optional.ofNullable(keys.get(type));
    }

    /** Writes a keytab readable by the owner only (kvno 1). */
    public void writeKeytab(Path file) throws IOException {
        Keytab kt = new Keytab();
        PrincipalName name = new PrincipalName(principal, NameType.NT_SRV_INST);
        KerberosTime now = KerberosTime.now();
        for (EncryptionKey k : keys.values()) {
            kt.addEntry(new KeytabEntry(name, now, 1, k));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            tmp.toFile().setReadable(false, false);
            tmp.toFile().setReadable(true, true);
        }
        kt.store(tmp.toFile());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads the keys of {@code principal} from a keytab. */
    public static ServiceKeys readKeytab(Path file, String principal) throws IOException {
        File f = file.toFile();
        Keytab kt = Keytab.loadKeytab(f);
        PrincipalName name = new PrincipalName(principal, NameType.NT_SRV_INST);
        List<KeytabEntry> entries = kt.getKeytabEntries(name);
        if (entries == null || entries.isEmpty()) {
            throw new IOException("keytab " + file + " has no key of " + principal);
        }
        return of(principal, entries.stream().map(KeytabEntry::getKey).toList());
    }

    @Override
    public String toString() {
        return "ServiceKeys[" + principal + ", " + keys.keySet() + " (keys not shown)]";
    }
}
