package io.mtaprov.headless;

import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerRegistry;
import io.mtaprov.core.server.ServerState;
import io.mtaprov.core.server.ServerStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the embedded servers without a display ({@code ./mtaprov headless}): the same bundles as
 * the console minus the workbench. Logs each server's address once they are up and runs until the
 * process is stopped.
 * <p>
 * Stopping: Equinox's own shutdown hook only saves its storage, it does not stop the framework, so
 * on SIGTERM or Ctrl-C the servers would die mid-flight and the H2 store would not be closed. This
 * application registers a JVM shutdown hook that ends {@link #start}, which stops every server (each
 * logs its final state), and then stops the OSGi framework and waits for it (bounded by
 * {@value #STOP_WAIT_SECONDS} s): components are deactivated, the trace store flushes and the H2
 * store closes ("store closed" in the log). The log ends with "framework stopped".
 */
public class HeadlessApplication implements IApplication {
    private static final Logger LOG = LoggerFactory.getLogger(HeadlessApplication.class);
    private static final long STARTUP_WAIT_SECONDS = 30;
    static final long STOP_WAIT_SECONDS = 30;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch serversStopped = new CountDownLatch(1);

    @Override
    public Object start(IApplicationContext context) throws InterruptedException {
        context.applicationRunning();
        BundleContext bc = FrameworkUtil.getBundle(HeadlessApplication.class).getBundleContext();
        Framework framework = bc.getBundle(0) instanceof Framework f ? f : null;
        Thread hook = new Thread(() -> onSignal(framework), "mtaprov-headless-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
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
            LOG.info("headless servers running (pid {}); stop with Ctrl-C or SIGTERM", ProcessHandle.current().pid());
            stopped.await();
            LOG.info("stopping the servers");
            stopServers(registry);
            return IApplication.EXIT_OK;
        } finally {
            serversStopped.countDown();
            tracker.close();
            removeHook(hook);
        }
    }

    /** Waits (bounded) until no server is still starting, so the log shows final states. */
    private static void awaitStarted(ServerRegistry registry) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_WAIT_SECONDS);
        while (System.nanoTime() < deadline && registry.statuses().stream()
                .anyMatch(s -> s.state() == ServerState.STARTING)) {
            Thread.sleep(50);
        }
    }

    /** Stops every server (in parallel, bounded) and logs each final state. */
    private static void stopServers(ServerRegistry registry) {
        CompletableFuture<?>[] stops = registry.statuses().stream()
                .map(s -> registry.server(s.id()).map(ManagedServer::stop)
                        .orElse(CompletableFuture.completedFuture(null)))
                .toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(stops).get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("not every server stopped cleanly: {}", e.toString());
        }
        for (ServerStatus s : registry.statuses()) {
            LOG.info("{}: {} (received {}, answered {}, rejected {}, dropped {})", s.name(), s.state(), s.received(),
                    s.answered(), s.rejected(), s.dropped());
        }
    }

    /**
     * Runs in the JVM shutdown hook (SIGTERM, SIGINT, System.exit): ends the application, then stops
     * the framework and waits for it, because the JVM halts as soon as the hooks return.
     */
    private void onSignal(Framework fw) {
        LOG.info("shutdown requested (signal or exit)");
        stopped.countDown();
        long t0 = System.nanoTime();
        try {
            serversStopped.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            if (fw != null) {
                fw.stop();
                FrameworkEvent e = fw.waitForStop(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
                LOG.info("framework stopped ({}) in {} ms", e.getType() == FrameworkEvent.STOPPED ? "clean"
                        : "event type " + e.getType(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("stopping the framework failed: {}", e.toString());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and ends the framework itself
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
