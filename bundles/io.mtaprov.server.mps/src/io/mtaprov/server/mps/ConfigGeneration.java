package io.mtaprov.server.mps;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.files.GeneratedFileStore;
import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.provisioning.CustomerCareException;
import io.mtaprov.core.provisioning.CustomerCareSource;
import io.mtaprov.core.provisioning.Enrollment;
import io.mtaprov.core.provisioning.ProvisioningSession;
import io.mtaprov.core.provisioning.ProvisioningState;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.protocol.config.Finding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Steps 5 and 6 of one attempt, on the caller's (virtual) thread: 5b the lease of the MTA's IP
 * (cross-checking the MAC), 5c the customer-care sources, the device class, 5a the optional GETs,
 * the file ({@link ConfigFileBuilder}), then 6 storing it under an unguessable name. Every part is
 * traced; a failure ends the attempt with its reason and returns null. Thread-safe.
 */
final class ConfigGeneration {
    private final MpsSettings settings;
    private final Supplier<ProvisioningStore> store;
    private final Supplier<LeaseLookup> leases;
    private final Supplier<List<CustomerCareSource>> care;
    private final GeneratedFileStore files;
    private final MtaRequests mta; // null when SNMP is not available (Basic flow service without a run)

    ConfigGeneration(MpsSettings settings, Supplier<ProvisioningStore> store, Supplier<LeaseLookup> leases,
            Supplier<List<CustomerCareSource>> care, GeneratedFileStore files, MtaRequests mta) {
        this.settings = settings;
        this.store = store;
        this.leases = leases;
        this.care = care;
        this.files = files;
        this.mta = mta;
    }

    /**
     * Step 5b's look-up of the lease of {@code ip}, made once per enrollment: the flow comes from
     * its realm, and {@link #run} checks and traces it.
     */
    LeaseLookupResult lookUp(String ip) {
        LeaseLookup l = leases.get();
        if (l == null) {
            return new LeaseLookupResult(null, false, "");
        }
        try {
            return new LeaseLookupResult(l.byIp(ip).orElse(null), true, "");
        } catch (RuntimeException x) {
            return new LeaseLookupResult(null, true, x.toString());
        }
    }

    /** The realm of the lease looked up, else the network's. */
    String realmOf(LeaseLookupResult r) {
        return MtaFlow.realm(r.lease(), settings.network());
    }

    /**
     * A lease look-up: {@code lease} null when there is none, when there is no lookup service
     * ({@code serviced} false) or when it failed ({@code failure} not empty).
     */
    record LeaseLookupResult(Lease lease, boolean serviced, String failure) {
    }

    /** Generates (5) and stores (6) the file; the session ends FAILED and null is returned on failure. */
    GeneratedConfig run(Attempt a, boolean getsAllowed) {
        ProvisioningSession s = a.session;
        Enrollment e = s.enrollment();
        if (s.state() != ProvisioningState.GENERATING
                && !s.moveTo(ProvisioningState.GENERATING, Direction.INTERNAL, "generating the config file", "")) {
            return null;
        }
        Lease lease = a.dhcpLease != null ? given(s, a.dhcpLease) : lease(s, a.enrollmentLease);
        a.enrollmentLease = null; // a regeneration looks again
        if (lease == null) {
            return null;
        }
        Map<String, String> careValues = new HashMap<>();
        if (!customerCare(s, careValues)) {
            return null;
        }
        ConfigFileBuilder builder = new ConfigFileBuilder(store.get(), settings.network());
        GeneratedConfig config;
        try {
            ConfigFileBuilder.Plan plan = builder.plan(e, lease, careValues);
            Map<String, String> gets = getsAllowed ? gets(s, plan) : Map.of();
            config = builder.build(plan, e, lease, gets, e.flow().isBasic());
        } catch (ConfigFileBuilder.BuildException x) {
            s.fail(Direction.INTERNAL, "config file not generated", x.getMessage());
            return null;
        }
        List<Finding> warnings = config.findings().stream().filter(f -> f.severity() == Finding.Severity.WARNING).toList();
        s.note(ProvisioningStep.CONFIG_FILE_GENERATION, Direction.INTERNAL, "generated " + config.file().encodedLength()
                + " bytes (" + config.file().tlvs().size() + " TLVs) with device class " + config.deviceClass().id()
                + ", " + config.tree() + " tree", config.text(), Outcome.OK);
        if (!warnings.isEmpty()) {
            s.note(ProvisioningStep.CONFIG_FILE_GENERATION, Direction.INTERNAL, warnings.size() + " validator warning(s)",
                    String.join("\n", warnings.stream().map(f -> f.location() + ": " + f.message()).toList()),
                    Outcome.WARNING);
        }
        GeneratedFile f;
        try {
            f = files.put(e.mac(), config.bytes());
        } catch (RuntimeException x) {
            s.fail(Direction.INTERNAL, "config file not stored", "the file store refused it: " + x.getMessage());
            return null;
        }
        a.config = config;
        s.fileStored(f.name());
        s.moveTo(ProvisioningState.UPLOADED, Direction.INTERNAL, "stored " + f.name() + " (" + f.size() + " bytes)",
                "SHA-1 " + f.sha1Hex() + "; " + settings.configFileUrl(f.name()));
        return config;
    }

    /** 5b in the Basic flow: the lease the DHCP server is about to offer or acknowledge. */
    private static Lease given(ProvisioningSession s, Lease lease) {
        s.note(ProvisioningStep.CONFIG_FILE_GENERATION, Direction.INTERNAL, "5b lease " + lease.ip() + " via scope "
                + lease.scope() + " (" + lease.state() + " by the DHCP server)", "realm '" + lease.realm()
                + "', option 60 '" + lease.vendorClass() + "', host '" + lease.hostname() + "', expires "
                + lease.expires(), Outcome.OK);
        return lease;
    }

    /** 5b: the lease of the MTA's IP (looked up at the enrollment, else now), its MAC checked against the enrollment. */
    private Lease lease(ProvisioningSession s, LeaseLookupResult looked) {
        Enrollment e = s.enrollment();
        LeaseLookupResult r = looked != null ? looked : lookUp(e.ip());
        if (!r.serviced()) {
            s.fail(Direction.INTERNAL, "no lease lookup (5b)", "no LeaseLookup service: is the DHCP lease store running?");
            return null;
        }
        if (!r.failure().isEmpty()) {
            s.fail(Direction.INTERNAL, "lease lookup failed (5b)", r.failure());
            return null;
        }
        Lease lease = r.lease();
        if (lease == null) {
            s.fail(Direction.INTERNAL, "no DHCP lease for " + e.ip() + " (5b)",
                    "the MTA " + e.mac() + " sent from " + e.ip() + " but the DHCP server has no lease for that address");
            return null;
        }
        if (!lease.mac().equalsIgnoreCase(e.mac())) {
            s.fail(Direction.INTERNAL, "lease of " + e.ip() + " belongs to another MAC (5b)", "the lease of " + e.ip()
                    + " is held by " + lease.mac() + " but the enrollment names " + e.mac());
            return null;
        }
        s.note(ProvisioningStep.CONFIG_FILE_GENERATION, Direction.INTERNAL, "5b lease " + lease.ip() + " via scope "
                + lease.scope(), "state " + lease.state() + ", option 60 '" + lease.vendorClass() + "', host '"
                + lease.hostname() + "', expires " + lease.expires(), Outcome.OK);
        return lease;
    }

    /** 5c: every source in turn, later ones overriding earlier ones; false if the attempt failed. */
    private boolean customerCare(ProvisioningSession s, Map<String, String> out) {
        for (CustomerCareSource src : care.get()) {
            long t0 = System.nanoTime();
            try {
                Map<String, String> v = src.lookup(s.enrollment().mac());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                out.putAll(v);
                boolean slow = ms > settings.careSlow().toMillis();
                s.note(ProvisioningStep.CONFIG_FILE_GENERATION, Direction.OUT, "5c customer care " + src.describe()
                        + ": " + v.size() + " value(s) in " + ms + " ms" + (slow ? " (slow)" : ""),
                        slow ? "slower than " + settings.careSlow().toMillis() + " ms (mtaprov.mps.care.slowMs)"
                                : String.join(", ", v.keySet()), slow ? Outcome.WARNING : Outcome.OK);
            } catch (CustomerCareException x) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (settings.careRequired()) {
                    s.fail(Direction.OUT, "customer care failed (5c)", src.describe() + ": " + x.getMessage());
                    return false;
                }
                s.note(ProvisioningStep.CONFIG_FILE_GENERATION, Direction.OUT, "5c customer care " + src.describe()
                        + " failed after " + ms + " ms", x.getMessage() + "; continuing without it", Outcome.WARNING);
            }
        }
        return true;
    }

    /** 5a: the class's and the settings' objects in one GET; absent or unanswered ones have no get.* value. */
    private Map<String, String> gets(ProvisioningSession s, ConfigFileBuilder.Plan plan) throws ConfigFileBuilder.BuildException {
        List<String> names = new ArrayList<>(plan.deviceClass().getOids());
        settings.getOids().stream().filter(n -> !names.contains(n)).forEach(names::add);
        if (names.isEmpty() || mta == null) {
            return Map.of();
        }
        Duration timeout = settings.timers().getTimeout();
        Map<String, String> values;
        try {
            values = mta.get(s.enrollment().ip(), names, plan.tree(), timeout).get();
        } catch (IllegalArgumentException x) {
            throw new ConfigFileBuilder.BuildException("5a GET: " + x.getMessage());
        } catch (Exception x) {
            s.note(ProvisioningStep.CONFIG_FILE_GENERATION, Direction.OUT, "5a GET failed", x.toString(), Outcome.WARNING);
            return Map.of();
        }
        if (values == null) {
            s.note(ProvisioningStep.CONFIG_FILE_GENERATION, Direction.OUT, "5a GET " + String.join(", ", names)
                    + ": no answer", "no answer within " + timeout.toMillis() + " ms from " + s.enrollment().ip() + ":"
                    + mta.port() + "; the template gets no get.* values", Outcome.WARNING);
            return Map.of();
        }
        s.note(ProvisioningStep.CONFIG_FILE_GENERATION, Direction.OUT, "5a GET " + String.join(", ", names),
                values.toString(), values.size() == names.size() ? Outcome.OK : Outcome.WARNING);
        return values;
    }
}
