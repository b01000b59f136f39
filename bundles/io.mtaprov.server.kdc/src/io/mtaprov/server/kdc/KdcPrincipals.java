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

    /**
     * An MTA principal not configured with a MAC ({@value #MTA_PREFIX}{@code <fqdn>}): PKINIT, and the
     * MAC of its device certificate must map to that FQDN in the provisioning server's answer to an
     * MTA FQDN request (PKT-SP-SEC "MTA FQDN", UDP 2246). Only while an MTA FQDN server is set.
     */
    public record ByFqdn(String fqdn) implements Kind {
    }

    /** The first component of MTA principals resolved by MTA FQDN (PROTOCOL.md: the usual form, unconfirmed). */
    public static final String MTA_PREFIX = "mta/";

    private final String realm;
    private final List<EncryptionType> etypes;
    private final MemoryIdentityBackend backend = new MemoryIdentityBackend() {
        @Override
        protected KrbIdentity doGetIdentity(String name) {
            KrbIdentity id = super.doGetIdentity(name);
            return id == null && byFqdn(name).isPresent() ? new KrbIdentity(name) : id;
        }
    };
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private volatile boolean fqdnPrincipals;

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
        Kind k = kinds.get(qualify(name));
        return k != null ? Optional.of(k) : byFqdn(qualify(name)).map(f -> (Kind) f);
    }

    /** Whether {@code mta/<fqdn>} principals not configured here are accepted (an MTA FQDN server is set). */
    void acceptFqdnPrincipals(boolean on) {
        fqdnPrincipals = on;
    }

    private Optional<ByFqdn> byFqdn(String qualified) {
        String suffix = "@" + realm;
        if (!fqdnPrincipals || !qualified.startsWith(MTA_PREFIX) || !qualified.endsWith(suffix)
                || kinds.containsKey(qualified)) {
            return Optional.empty();
        }
        String fqdn = qualified.substring(MTA_PREFIX.length(), qualified.length() - suffix.length());
        return fqdn.isEmpty() || fqdn.contains("/") ? Optional.empty() : Optional.of(new ByFqdn(fqdn));
    }

    /** The qualified names of the service principals (krbtgt and the provisioning server's). */
    public List<String> servicePrincipals() {
        return kinds.entrySet().stream().filter(e -> e.getValue() instanceof Service).map(Map.Entry::getKey).sorted()
                .toList();
    }

    /** The long-term keys of a service principal (to hand to the service as a keytab). */
    public io.mtaprov.server.kdc.ap.ServiceKeys serviceKeys(String name) throws KrbException {
        KrbIdentity id = backend.getIdentity(qualify(name));
        if (id == null || !(kinds.get(qualify(name)) instanceof Service)) {
            throw new KrbException("no service principal " + qualify(name));
        }
        return io.mtaprov.server.kdc.ap.ServiceKeys.of(qualify(name), List.copyOf(id.getKeys().values()));
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
