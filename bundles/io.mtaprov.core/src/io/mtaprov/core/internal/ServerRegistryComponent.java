package io.mtaprov.core.internal;

import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.core.server.ServerEvents;
import io.mtaprov.core.server.ServerRegistry;
import io.mtaprov.core.server.ServerStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks every {@link ManagedServer} service, starts those whose settings say autoStart (unless the
 * framework property {@code mtaprov.autostart} is false), and posts each status change on
 * {@link ServerEvents#TOPIC_STATUS}. Counter changes are posted at most every 250 ms per server.
 */
@Component(service = ServerRegistry.class, immediate = true)
public class ServerRegistryComponent implements ServerRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRegistryComponent.class);
    /** Sequence order of the lifelines, for a stable table. */
    private static final List<String> ORDER = List.of("dhcp", "dns", "kdc", "mps", "tftp");

    private final Map<String, ManagedServer> servers = new ConcurrentHashMap<>();
    private final Map<String, Consumer<ServerStatus>> forwarders = new ConcurrentHashMap<>();
    private final Map<String, Long> postedTotals = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mtaprov-server-registry");
        t.setDaemon(true);
        return t;
    });
    private volatile EventAdmin eventAdmin;
    private volatile boolean autoStart = true;

    @Reference
    void setEventAdmin(EventAdmin admin) {
        this.eventAdmin = admin;
    }

    @Activate
    void activate(org.osgi.framework.BundleContext context) {
        String p = context.getProperty("mtaprov.autostart");
        autoStart = p == null || Boolean.parseBoolean(p);
        ticker.scheduleWithFixedDelay(this::postCounterChanges, 250, 250, TimeUnit.MILLISECONDS);
        if (autoStart) {
            servers.values().forEach(this::autoStart);
        }
    }

    @Deactivate
    void deactivate() {
        ticker.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addServer(ManagedServer server) {
        servers.put(server.id(), server);
        Consumer<ServerStatus> f = this::post;
        forwarders.put(server.id(), f);
        server.addStatusListener(f);
        post(server.status());
        if (autoStart && eventAdmin != null) {
            autoStart(server);
        }
    }

    void removeServer(ManagedServer server) {
        Consumer<ServerStatus> f = forwarders.remove(server.id());
        if (f != null) {
            server.removeStatusListener(f);
        }
        servers.remove(server.id());
    }

    @Override
    public List<ServerStatus> statuses() {
        return servers.values().stream().map(ManagedServer::status)
                .sorted((a, b) -> Integer.compare(rank(a.id()), rank(b.id()))).toList();
    }

    @Override
    public Optional<ManagedServer> server(String id) {
        return Optional.ofNullable(servers.get(id));
    }

    private void autoStart(ManagedServer s) {
        if (s.settings().autoStart()) {
            s.start().exceptionally(e -> {
                LOG.warn("auto-start of {} failed: {}", s.id(), e.getMessage());
                return null;
            });
        }
    }

    private void postCounterChanges() {
        for (ManagedServer s : servers.values()) {
            ServerStatus st = s.status();
            long total = st.received() + st.answered() + st.rejected() + st.dropped();
            Long old = postedTotals.get(st.id());
            if (old == null || old != total) {
                post(st);
            }
        }
    }

    private void post(ServerStatus status) {
        postedTotals.put(status.id(), status.received() + status.answered() + status.rejected() + status.dropped());
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(ServerEvents.TOPIC_STATUS, Map.of(ServerEvents.PROP_STATUS, status)));
        }
    }

    private static int rank(String id) {
        int i = ORDER.indexOf(id);
        return i < 0 ? ORDER.size() : i;
    }
}
