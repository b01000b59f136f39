package io.mtaprov.headless;

import io.mtaprov.core.server.ServerRegistry;
import io.mtaprov.core.server.ServerStatus;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded servers without a display ({@code ./mtaprov headless}): the same bundles as
 * the console minus the workbench. Logs each server's address once they are up and runs until the
 * process is stopped (Ctrl-C or SIGTERM shut the OSGi framework down cleanly).
 */
public class HeadlessApplication implements IApplication {
    private static final Logger LOG = LoggerFactory.getLogger(HeadlessApplication.class);
    private static final long STARTUP_WAIT_SECONDS = 30;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Object start(IApplicationContext context) throws InterruptedException {
        context.applicationRunning();
        BundleContext bc = FrameworkUtil.getBundle(HeadlessApplication.class).getBundleContext();
        ServiceTracker<ServerRegistry, ServerRegistry> tracker = new ServiceTracker<>(bc, ServerRegistry.class, null);
        tracker.open();
        try {
            ServerRegistry registry = tracker.waitForService(TimeUnit.SECONDS.toMillis(STARTUP_WAIT_SECONDS));
            if (registry == null) {
                LOG.error("no server registry after {} s: the core bundle did not start", STARTUP_WAIT_SECONDS);
                return Integer.valueOf(1);
            }
            awaitStarted(registry);
            for (ServerStatus s : registry.statuses()) {
                LOG.info("{}: {} on {}:{} {}", s.name(), s.state(), s.bindAddress(), s.port(), s.lastError());
            }
            LOG.info("headless servers running; stop with Ctrl-C");
            stopped.await();
            return IApplication.EXIT_OK;
        } finally {
            tracker.close();
        }
    }

    /** Waits (bounded) until no server is still starting, so the log shows final states. */
    private static void awaitStarted(ServerRegistry registry) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_WAIT_SECONDS);
        while (System.nanoTime() < deadline && registry.statuses().stream()
                .anyMatch(s -> s.state() == io.mtaprov.core.server.ServerState.STARTING)) {
            Thread.sleep(50);
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
