package io.mtaprov.server.mps;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.files.GeneratedFileStore;
import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.Flow;
import io.mtaprov.core.provisioning.ConfigFileService;
import io.mtaprov.core.provisioning.CustomerCareSource;
import io.mtaprov.core.provisioning.Enrollment;
import io.mtaprov.core.provisioning.MemoryProvisioningStore;
import io.mtaprov.core.provisioning.ProvisioningActions;
import io.mtaprov.core.provisioning.ProvisioningSessions;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.core.provisioning.SessionSnapshot;
import io.mtaprov.core.server.AbstractManagedServer;
import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerSettings;
import io.mtaprov.core.trace.TraceBus;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provisioning server (MPS) of steps 4-7 and 10 of the Hybrid flow and the file of the Basic
 * flow: an SNMP INFORM receiver on its trap port (default 127.0.0.1:10162, "mps" settings), the
 * per-MTA state machine of io.mtaprov.core.provisioning, the config file builder, the SET to the
 * MTA and the operator's actions. Secure flow: the SNMPv3 keys of key management (step 3,
 * {@code km.KeyManagementServer}) are installed in its engine; enrollment and status INFORMs and the
 * SET then go over SNMPv3 with them.
 * <p>
 * Services it uses: TraceBus, GeneratedFileStore and ProvisioningStore (mandatory in OSGi; outside
 * it, without a store, an in-memory one with the default layers), LeaseLookup (optional: without
 * it step 5b fails with that reason), and any CustomerCareSource services besides the CSV file and
 * HTTP endpoint configured by {@link MpsSettings}. Threading: see {@link ProvisioningWorkflow}.
 */
@Component(service = {ManagedServer.class, ProvisioningActions.class, ConfigFileService.class}, immediate = true)
public class ProvisioningServer extends AbstractManagedServer implements ProvisioningActions, ConfigFileService {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningServer.class);
    public static final String ID = "mps";
    /** DESIGN.md: SNMP notifications on 10162 unless the user picks 162. */
    public static final int DEFAULT_PORT = 10162;

    private final ProvisioningStore fallbackStore = MemoryProvisioningStore.withDefaults();
    private final List<CustomerCareSource> serviceSources = new CopyOnWriteArrayList<>();
    private volatile List<CustomerCareSource> configuredSources = List.of();
    private volatile MpsSettings mps = MpsSettings.defaults();
    private volatile TraceBus trace;
    private volatile GeneratedFileStore files;
    private volatile ProvisioningStore store;
    private volatile LeaseLookup leases;
    private volatile ProvisioningWorkflow workflow;
    private volatile ProvisioningSessions sessions;
    private volatile io.mtaprov.server.mps.km.KeyManagement keyManagement;
    private volatile io.mtaprov.server.mps.km.UsmEngine usmEngine;

    public ProvisioningServer() {
        super(new ServerSettings(ServerSettings.LOOPBACK, DEFAULT_PORT, true));
    }

    /** For use outside OSGi (tests, headless). */
    public ProvisioningServer(ServerSettings settings, MpsSettings mps, TraceBus trace, GeneratedFileStore files,
            ProvisioningStore store, LeaseLookup leases, List<CustomerCareSource> care) {
        super(settings);
        this.mps = mps;
        this.trace = trace;
        this.files = files;
        this.store = store;
        this.leases = leases;
        this.serviceSources.addAll(care);
    }

    @Reference
    void setTrace(TraceBus bus) {
        this.trace = bus;
    }

    @Reference
    void setFiles(GeneratedFileStore store) {
        this.files = store;
    }

    // mandatory: started before the store was bound, the server gave the first MTAs after a restart
    // to the in-memory fallback, and their attempts and statuses were lost to the next crash
    @Reference(cardinality = ReferenceCardinality.MANDATORY, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setStore(ProvisioningStore s) {
        this.store = s;
        ProvisioningWorkflow w = workflow;
        if (w != null) { // the store came after the start: its interrupted attempts were not seen yet
            w.closeInterrupted();
        }
    }

    void unsetStore(ProvisioningStore s) {
        if (store == s) {
            store = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setLeases(LeaseLookup l) {
        this.leases = l;
    }

    void unsetLeases(LeaseLookup l) {
        if (leases == l) {
            leases = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setKeyManagement(io.mtaprov.server.mps.km.KeyManagement k) {
        this.keyManagement = k;
        io.mtaprov.server.mps.km.UsmEngine u = usmEngine;
        if (u != null) {
            k.attach(u); // bound while running
        }
    }

    void unsetKeyManagement(io.mtaprov.server.mps.km.KeyManagement k) {
        if (keyManagement == k) {
            keyManagement = null;
        }
    }

    /** Outside OSGi: the key management whose SNMPv3 keys this server uses (Secure flow). */
    public void useKeyManagement(io.mtaprov.server.mps.km.KeyManagement k) {
        setKeyManagement(k);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCare(CustomerCareSource s) {
        serviceSources.add(s);
    }

    void removeCare(CustomerCareSource s) {
        serviceSources.remove(s);
    }

    @Activate
    void activate(BundleContext context) {
        configure(ServerSettings.fromProperties(ID, DEFAULT_PORT, context::getProperty));
        try {
            mps = MpsSettings.fromProperties(context::getProperty);
        } catch (IllegalArgumentException e) {
            recordError(e.getMessage());
            LOG.error("provisioning server settings: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        dispose();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected String displayName() {
        return "Provisioning server (MPS)";
    }

    @Override
    protected String protocol() {
        return "SNMP/UDP";
    }

    /** The settings beyond address and port; takes effect at the next start. */
    public void configure(MpsSettings settings) {
        this.mps = settings;
    }

    public MpsSettings mpsSettings() {
        return mps;
    }

    @Override
    protected Run open(ServerSettings s) throws IOException {
        MpsSettings m = mps;
        List<AutoCloseable> closeables = new ArrayList<>();
        List<CustomerCareSource> configured = new ArrayList<>();
        if (!m.careCsv().isBlank()) {
            CsvCustomerCareSource csv = new CsvCustomerCareSource(Path.of(m.careCsv()));
            configured.add(csv);
            closeables.add(csv);
        }
        if (!m.careUrl().isBlank()) {
            configured.add(new HttpCustomerCareSource(m.careUrl(), m.careTimeout()));
        }
        configuredSources = List.copyOf(configured);
        ProvisioningSessions ss = new ProvisioningSessions(trace, Clock.systemUTC());
        ProvisioningWorkflow[] holder = new ProvisioningWorkflow[1];
        SnmpEndpoint snmp;
        io.mtaprov.server.mps.km.UsmEngine usm = new io.mtaprov.server.mps.km.UsmEngine(
                io.mtaprov.server.mps.km.UsmEngine.defaultEngineId());
        try {
            snmp = new SnmpEndpoint(InetAddress.getByName(s.bindAddress()), s.port(), m.community(), counters,
                    (ip, pdu, ack) -> {
                        ProvisioningWorkflow w = holder[0];
                        if (w != null) {
                            w.onNotification(ip, pdu, ack);
                        } else {
                            ack.run();
                        }
                    }, usm);
        } catch (IOException | RuntimeException e) {
            closeAll(closeables);
            throw e;
        }
        MtaRequests requests = new MtaRequests(snmp, m.mtaSnmpPort());
        ConfigGeneration gen = new ConfigGeneration(m, this::currentStore, () -> leases, this::careSources, files, requests);
        ProvisioningWorkflow w = new ProvisioningWorkflow(m, ss, this::currentStore, gen, requests, trace, counters);
        holder[0] = w;
        sessions = ss;
        workflow = w;
        usmEngine = usm;
        io.mtaprov.server.mps.km.KeyManagement k = keyManagement;
        if (k != null) {
            k.attach(usm);
        }
        w.closeInterrupted();
        return () -> {
            usmEngine = null;
            io.mtaprov.server.mps.km.KeyManagement now = keyManagement;
            if (now != null) {
                now.attach(null);
            }
            workflow = null;
            w.close();
            snmp.close();
            closeAll(closeables);
        };
    }

    /** The port the INFORM receiver listens on (tests start it on port 0 or a free port). */
    public int port() {
        return settings().port();
    }

    /** The latest attempt of {@code mac} while running, else null (tests). */
    Attempt attemptOf(String mac) {
        ProvisioningWorkflow w = workflow;
        return w == null ? null : w.attempt(mac);
    }

    ProvisioningStore currentStore() {
        ProvisioningStore s = store;
        return s != null ? s : fallbackStore;
    }

    List<CustomerCareSource> careSources() {
        List<CustomerCareSource> all = new ArrayList<>(configuredSources);
        all.addAll(serviceSources);
        return all;
    }

    private ProvisioningWorkflow running() {
        ProvisioningWorkflow w = workflow;
        if (w == null) {
            throw new IllegalStateException("the provisioning server is not running");
        }
        return w;
    }

    // ---- ProvisioningActions ----

    @Override
    public List<SessionSnapshot> sessions() {
        ProvisioningWorkflow w = workflow;
        return w == null ? List.of() : w.snapshots();
    }

    @Override
    public SessionSnapshot reprovision(String mac) {
        return running().reprovision(mac);
    }

    @Override
    public SessionSnapshot regenerate(String mac) {
        return running().regenerate(mac);
    }

    @Override
    public String dryRun(String mac) {
        ProvisioningWorkflow w = workflow;
        Attempt a = w == null ? null : w.attempt(mac);
        LeaseLookup l = leases;
        Lease lease = l == null ? null : l.byMac(mac).orElse(null);
        if (lease == null) {
            throw new IllegalArgumentException("no lease of " + mac + " is known: nothing to generate for");
        }
        Enrollment e = a != null ? a.session.enrollment()
                : new Enrollment(mac, lease.ip(), 0, MtaFlow.of(lease, mps.network()), "", "", "", "", Instant.now());
        return DryRun.report(e, lease, currentStore(), mps.network(), careSources(), mps.getOids());
    }

    // ---- ConfigFileService (Basic flow: BASIC.1 or BASIC.2 by the realm of the lease) ----

    @Override
    public GeneratedFile generateFor(Lease lease) {
        Flow flow = MtaFlow.of(lease, mps.network());
        return running().basicFile(lease, flow.isBasic() ? flow : Flow.BASIC_1, files);
    }

    private static void closeAll(List<AutoCloseable> list) {
        for (AutoCloseable c : list) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", c, e.getMessage());
            }
        }
    }
}
