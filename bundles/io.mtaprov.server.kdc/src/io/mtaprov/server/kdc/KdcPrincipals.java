package io.mtaprov.server.kdc;

import io.mtaprov.pki.MacAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.common.EncryptionUtil;
import org.apache.kerby.kerberos.kerb.identity.backend.BackendConfig;
import org.apache.kerby.kerberos.kerb.identity.backend.MemoryIdentityBackend;
import org.apache.kerby.kerberos.kerb.request.KrbIdentity;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;

/**
 * The KDC's principals: an in-memory Kerby identity backend created with {@code new} (Kerby's own
 * {@code Class.forName} loading sees only its bundle in OSGi), plus how each principal may
 * pre-authenticate. MTA principals authenticate only with PKINIT and are bound to the MAC their
 * device certificate must carry; password principals only with encrypted timestamp; service
 * principals (krbtgt, the provisioning server) have random keys and never get an AS ticket as
 * clients. Keys live only in the backend and are never logged. Thread-safe.
 */
public final class KdcPrincipals {
    /** How a principal proves itself in the AS exchange. */
    public sealed interface Kind {
    }

    /** PKINIT with a device certificate for this MAC. */
    public record Pkinit(MacAddress mac) implements Kind {
    }

    /** Encrypted timestamp (PA-ENC-TIMESTAMP) with keys from a password. */
    public record Password() implements Kind {
    }

    /** A service with random keys: no AS pre-authentication is accepted for it as a client. */
    public record Service() implements Kind {
    }

    private final String realm;
    private final List<EncryptionType> etypes;
    private final MemoryIdentityBackend backend = new MemoryIdentityBackend();
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

    KdcPrincipals(String realm, List<EncryptionType> etypes) throws KrbException {
        this.realm = realm;
        this.etypes = List.copyOf(etypes);
        backend.setConfig(new BackendConfig());
        backend.initialize();
        addService("krbtgt/" + realm);
    }

    MemoryIdentityBackend backend() {
        return backend;
    }

    public String realm() {
        return realm;
    }

    /** {@code name} with the realm appended when it has none. */
    public String qualify(String name) {
        return name.contains("@") ? name : name + "@" + realm;
    }

    public void addService(String name) throws KrbException {
        KrbIdentity id = new KrbIdentity(qualify(name));
        id.addKeys(EncryptionUtil.generateKeys(etypes));
        put(id, new Service());
    }

    public void addPassword(String name, char[] password) throws KrbException {
        KrbIdentity id = new KrbIdentity(qualify(name));
        id.addKeys(EncryptionUtil.generateKeys(qualify(name), new String(password), etypes));
        put(id, new Password());
    }

    public void addMta(String name, MacAddress mac) throws KrbException {
        put(new KrbIdentity(qualify(name)), new Pkinit(mac));
    }

    public Optional<Kind> kind(String name) {
        return Optional.ofNullable(kinds.get(qualify(name)));
    }

    /** The principal bound to this MAC, if any. */
    public Optional<String> mtaPrincipal(MacAddress mac) {
        return kinds.entrySet().stream().filter(e -> e.getValue() instanceof Pkinit p && p.mac().equals(mac))
                .map(Map.Entry::getKey).findFirst();
    }

    private void put(KrbIdentity id, Kind kind) throws KrbException {
        if (backend.getIdentity(id.getPrincipalName()) != null) {
            backend.deleteIdentity(id.getPrincipalName());
        }
        backend.addIdentity(id);
        kinds.put(id.getPrincipalName(), kind);
    }
}
