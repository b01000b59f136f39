package io.mtaprov.server.mps.km;

import io.mtaprov.server.kdc.ap.ServiceKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Supplier;

/**
 * The provisioning server's service keys, read from the keytab the KDC writes
 * ({@code <pki dir>/mps.keytab}) and read again when the file changes (the KDC rewrites it at
 * each start with fresh keys). Thread-safe.
 */
final class ServiceKeysSource implements Supplier<ServiceKeys> {
    private final Path keytab;
    private final String principal;
    private volatile ServiceKeys keys;
    private volatile FileTime loaded;

    ServiceKeysSource(Path keytab, String principal) {
        this.keytab = keytab;
        this.principal = principal;
    }

    /** Fixed keys (tests, in-process setups). */
    static Supplier<ServiceKeys> of(ServiceKeys keys) {
        return () -> keys;
    }

    /** @throws IllegalStateException naming the keytab when it is missing or has no key of the principal */
    @Override
    public ServiceKeys get() {
        try {
            FileTime t = Files.getLastModifiedTime(keytab);
            ServiceKeys k = keys;
            if (k == null || !t.equals(loaded)) {
                synchronized (this) {
                    k = ServiceKeys.readKeytab(keytab, principal);
                    keys = k;
                    loaded = t;
                }
            }
            return k;
        } catch (IOException e) {
            throw new IllegalStateException("no service keys of " + principal + ": keytab " + keytab
                    + " cannot be read (has the KDC started?): " + e.getMessage(), e);
        }
    }
}
