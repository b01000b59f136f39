package io.mtaprov.core.server;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.TraceBus;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifecycle shared by the embedded servers (shaped like LSP4E's LanguageServerWrapper): start and
 * stop run on one named control thread and return futures; each start opens a fresh {@link Run}
 * so that late callbacks of a stopped run can tell they are stale; stop is idempotent; a port that
 * is taken fails the start with a message naming the protocol and port.
 */
public abstract class AbstractManagedServer implements ManagedServer {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractManagedServer.class);
    /** Reads the kernel's drop counts of every UDP server once a second. */
    private static final ScheduledExecutorService OVERLOAD_MONITOR = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mtaprov-overload-monitor");
        t.setDaemon(true);
        return t;
    });
    /** At most one overload warning per server in the log this often (the counters have every drop). */
    private static final long OVERLOAD_LOG_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** One run of the server between start and stop; closing it releases sockets and threads. */
    protected interface Run extends AutoCloseable {
        @Override
        void close();
    }

    protected final ServerCounters counters = new ServerCounters();
    private final List<Consumer<ServerStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService control;
    private volatile ServerSettings settings;
    private volatile ServerState state = ServerState.STOPPED;
    private volatile String lastError = "";
    private Run current; // only touched on the control thread
    private ScheduledFuture<?> overloadCheck; // only touched on the control thread
    private long kernelDrops; // only touched on the monitor thread
    private long overloadLogged = System.nanoTime() - OVERLOAD_LOG_NANOS; // monitor thread

    protected AbstractManagedServer(ServerSettings initial) {
        this.settings = initial;
        this.control = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mtaprov-" + id() + "-control");
            t.setDaemon(true);
            return t;
        });
    }

    /** Display name, e.g. "TFTP server". */
    protected abstract String displayName();

    /** Protocol and transport, e.g. "TFTP/UDP". */
    protected abstract String protocol();

    /** Binds and starts serving with these settings. Called on the control thread. */
    protected abstract Run open(ServerSettings s) throws IOException;

    @Override
    public ServerStatus status() {
        ServerSettings s = settings;
        return new ServerStatus(id(), displayName(), protocol(), state, s.bindAddress(), s.port(),
                counters.received.sum(), counters.answered.sum(), counters.rejected.sum(), counters.dropped.sum(),
                lastError);
    }

    public ServerCounters counters() {
        return counters;
    }

    @Override
    public ServerSettings settings() {
        return settings;
    }

    @Override
    public void configure(ServerSettings newSettings) {
        this.settings = newSettings;
        fireStatus();
    }

    @Override
    public CompletableFuture<Void> start() {
        return CompletableFuture.runAsync(() -> {
            if (current != null) {
                return;
            }
            ServerSettings s = settings;
            lastError = "";
            setState(ServerState.STARTING);
            try {
                current = open(s);
                watchKernelDrops(settings); // after open: a server bound to port 0 may have set its port
                setState(ServerState.RUNNING);
                LOG.info("{} listening on {}:{} ({})", displayName(), s.bindAddress(), s.port(), protocol());
            } catch (IOException | RuntimeException e) {
                lastError = describeStartFailure(s, e);
                setState(ServerState.FAILED);
                LOG.error("{} failed to start: {}", displayName(), lastError);
                throw new CompletionException(lastError, e);
            }
        }, control);
    }

    @Override
    public CompletableFuture<Void> stop() {
        return CompletableFuture.runAsync(() -> {
            if (current == null) {
                if (state != ServerState.FAILED) {
                    setState(ServerState.STOPPED);
                }
                return;
            }
            setState(ServerState.STOPPING);
            if (overloadCheck != null) {
                overloadCheck.cancel(false);
                overloadCheck = null;
            }
            try {
                current.close();
            } finally {
                current = null;
                setState(ServerState.STOPPED);
            }
        }, control);
    }

    /** Stops and ends the control thread; for component deactivation. */
    protected void dispose() {
        try {
            stop().join();
        } catch (CompletionException e) {
            LOG.warn("{} did not stop cleanly", displayName(), e);
        }
        control.shutdown();
    }

    @Override
    public void addStatusListener(Consumer<ServerStatus> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeStatusListener(Consumer<ServerStatus> listener) {
        listeners.remove(listener);
    }

    /**
     * Called on the monitor thread when the kernel dropped datagrams of this server's socket since
     * the last check (its receive buffer was full: the server is overloaded and sheds load). The
     * drops are already counted and shown as the last error; this traces them as a warning on the
     * server's lifeline when it has a trace ({@link #overloadTrace()}).
     */
    protected void overloaded(long dropped, String message) {
        TraceBus bus = overloadTrace();
        if (bus != null) {
            bus.publish(new TraceEvent(Instant.now(), "", overloadStep(), id(), Direction.IN, "", message,
                    "requests arrive faster than the server serves them; the kernel sheds the excess, counted as dropped",
                    Outcome.WARNING));
        }
    }

    /** The trace that overload warnings go to, or null. */
    protected TraceBus overloadTrace() {
        return null;
    }

    /** The step overload warnings are traced under (the step this server serves). */
    protected ProvisioningStep overloadStep() {
        return ProvisioningStep.DEVICE_ACTION_REQUEST;
    }

    private void watchKernelDrops(ServerSettings s) {
        if (!protocol().contains("UDP")) {
            return;
        }
        InetAddress bind;
        try {
            bind = InetAddress.getByName(s.bindAddress());
        } catch (IOException e) {
            return;
        }
        OVERLOAD_MONITOR.execute(() -> kernelDrops = KernelUdpDrops.of(bind, s.port()).orElse(0));
        overloadCheck = OVERLOAD_MONITOR.scheduleAtFixedRate(() -> checkKernelDrops(bind, s.port()), 1, 1,
                TimeUnit.SECONDS);
    }

    private void checkKernelDrops(InetAddress bind, int port) {
        long now = KernelUdpDrops.of(bind, port).orElse(kernelDrops);
        long delta = now - kernelDrops;
        kernelDrops = now;
        if (delta <= 0) {
            return;
        }
        String message = "overload: the kernel dropped " + delta + " datagrams in the last second (receive buffer full)";
        lastError = message; // before the counter: whoever sees the drops sees why
        counters.dropped.add(delta);
        long t = System.nanoTime();
        if (t - overloadLogged >= OVERLOAD_LOG_NANOS) {
            overloadLogged = t;
            LOG.warn("{} on {}:{}: {}", displayName(), bind.getHostAddress(), port, message);
        }
        try {
            overloaded(delta, message);
        } catch (RuntimeException e) {
            LOG.error("{}: overload hook failed", displayName(), e);
        }
        fireStatus();
    }

    /** Records a non-fatal error (e.g. a failed send) for the Servers view. */
    protected void recordError(String message) {
        lastError = message;
    }

    protected void fireStatus() {
        ServerStatus s = status();
        for (Consumer<ServerStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.error("status listener failed", e);
            }
        }
    }

    private void setState(ServerState newState) {
        state = newState;
        fireStatus();
    }

    private String describeStartFailure(ServerSettings s, Exception e) {
        if (e instanceof BindException) {
            return protocol() + " port " + s.port() + " on " + s.bindAddress()
                    + " cannot be bound: " + e.getMessage()
                    + (s.port() < 1024 ? " (ports below 1024 need root or CAP_NET_BIND_SERVICE)"
                            : " (another program, or another console, is using it)");
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
