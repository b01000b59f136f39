package io.mtaprov.sim.demo;

import io.mtaprov.core.server.ServerRegistry;
import io.mtaprov.core.server.ServerState;
import io.mtaprov.core.server.ServerStatus;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.sim.MtaProfile;
import io.mtaprov.sim.MtaRunResult;
import io.mtaprov.sim.SecureFlowSteps;
import io.mtaprov.sim.SimSettings;
import io.mtaprov.sim.SimulatedMta;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's demo MTA: when the framework property {@code mtaprov.demo} is true, one simulated
 * MTA provisions against the embedded servers as soon as DHCP, DNS, the MPS and TFTP run, so a
 * fresh console shows a complete attempt in the trace. Runs on its own thread, never blocks start.
 */
@Component(service = DemoMta.class, immediate = true)
public class DemoMta {
    private static final Logger LOG = LoggerFactory.getLogger(DemoMta.class);
    /** The demo MTA's MAC, in the simulator's locally administered lab OUI. */
    public static final String DEMO_MAC = MtaProfile.LAB_OUI + ":de:00:01";
    static final Set<String> NEEDED = Set.of("dhcp", "dns", "mps", "tftp");
    static final long WAIT_SECONDS = 60;

    @Reference
    ServerRegistry registry;

    @Reference
    TraceBus trace;

    private volatile Thread runner;
    private volatile MtaRunResult result;
    private volatile SimulatedMta mta;

    @Activate
    void activate(BundleContext context) {
        if (!Boolean.parseBoolean(context.getProperty("mtaprov.demo"))) {
            return;
        }
        SimSettings settings = SimSettings.fromProperties(context::getProperty);
        Thread t = new Thread(() -> run(settings), "mtaprov-demo-mta");
        t.setDaemon(true);
        runner = t;
        t.start();
    }

    private void run(SimSettings settings) {
        try {
            if (!awaitServers()) {
                LOG.warn("demo MTA not started: servers not running after {} s: {}", WAIT_SECONDS, notRunning());
                return;
            }
            SimulatedMta m = new SimulatedMta(MtaProfile.lab(DEMO_MAC), settings, null, trace,
                    SecureFlowSteps.NOT_IMPLEMENTED);
            mta = m;
            MtaRunResult r = m.run();
            result = r;
            LOG.info("demo MTA {}: {}", DEMO_MAC, r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("demo MTA {} failed to run", DEMO_MAC, e);
        }
    }

    private boolean awaitServers() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (notRunning().isEmpty()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private List<String> notRunning() {
        Set<String> running = registry.statuses().stream().filter(s -> s.state() == ServerState.RUNNING)
                .map(ServerStatus::id).collect(Collectors.toSet());
        return NEEDED.stream().filter(id -> !running.contains(id)).sorted().toList();
    }

    /** The demo's outcome once it ran, or null (demo off, or still running). */
    public MtaRunResult result() {
        return result;
    }

    @Deactivate
    void deactivate() {
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
        SimulatedMta m = mta;
        if (m != null) {
            m.close();
        }
    }
}
