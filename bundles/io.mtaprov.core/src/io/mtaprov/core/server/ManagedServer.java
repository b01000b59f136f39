package io.mtaprov.core.server;

import java.util.concurrent.CompletableFuture;

/**
 * An embedded server of the provisioning sequence (DHCP, DNS, KDC, MPS, TFTP) as the console
 * manages it. Implementations are Declarative Services components registered under this interface;
 * the {@link ServerRegistry} tracks them and the UI reaches them only through it.
 * <p>
 * Threading: all methods are thread-safe and non-blocking; start and stop do their I/O on the
 * server's own named threads and complete the returned future there. Stop is idempotent.
 */
public interface ManagedServer {

    /** Stable id, also the key of its settings ("tftp"). */
    String id();

    /** The current snapshot (state, address, counters). */
    ServerStatus status();

    ServerSettings settings();

    /** Takes effect at the next start. */
    void configure(ServerSettings settings);

    /** Binds and starts serving; completes exceptionally (and the state is FAILED) if the port is taken. */
    CompletableFuture<Void> start();

    /** Stops serving and releases the port; a stopped server completes at once. */
    CompletableFuture<Void> stop();

    /** Notified on every state change and (throttled) counter change. */
    void addStatusListener(java.util.function.Consumer<ServerStatus> listener);

    void removeStatusListener(java.util.function.Consumer<ServerStatus> listener);
}
