package io.mtaprov.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Flow;
import io.mtaprov.core.provisioning.ProvisioningResult;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.core.server.ServerRegistry;
import io.mtaprov.core.server.ServerState;
import io.mtaprov.core.server.ServerStatus;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.sim.SimSettings;
import io.mtaprov.tests.support.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The OSGi runtime of the end-to-end tests as the simulator sees it: its services, simulator
 * settings from the same properties as the servers (pom.xml argLine), and the CMTS relays of
 * it-scopes.properties (one per flow, one without provisioning configuration).
 */
final class ItRuntime {
    static final Duration WAIT = Duration.ofSeconds(60);
    /** The relay of the CMTS scope without provisioning configuration (scope.noprov.realm empty). */
    static final Ipv4Address NO_PROVISIONING_RELAY = Ipv4Address.parse("127.85.0.1");

    private ItRuntime() {
    }

    static <T> T service(Class<T> type) {
        BundleContext ctx = FrameworkUtil.getBundle(ItRuntime.class).getBundleContext();
        ServiceTracker<T, T> t = new ServiceTracker<>(ctx, type, null);
        t.open();
        try {
            T s = t.waitForService(WAIT.toMillis());
            assertThat(s).as("OSGi service " + type.getName()).isNotNull();
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            t.close();
        }
    }

    static void serversRunning() {
        ServerRegistry registry = service(ServerRegistry.class);
        Set<String> needed = Set.of("dhcp", "dns", "mps", "tftp");
        Await.until("DHCP, DNS, MPS and TFTP running", WAIT, () -> registry.statuses().stream()
                .filter(s -> s.state() == ServerState.RUNNING).map(ServerStatus::id).collect(Collectors.toSet())
                .containsAll(needed));
    }

    /** The simulator pointed at this runtime's servers. */
    static SimSettings settings() {
        return SimSettings.fromProperties(System::getProperty);
    }

    /** The giaddr of the CMTS whose scope's realm selects {@code flow} (it-scopes.properties). */
    static Ipv4Address relayOf(Flow flow) {
        return switch (flow) {
            case BASIC_1 -> Ipv4Address.parse("127.81.0.1");
            case BASIC_2 -> Ipv4Address.parse("127.82.0.1");
            case HYBRID_1 -> Ipv4Address.parse("127.83.0.1");
            case HYBRID_2 -> Ipv4Address.parse("127.84.0.1");
            case SECURE -> throw new IllegalArgumentException("no Secure scope in it-scopes.properties");
        };
    }

    /** The scope name of the flow's CMTS (as leases carry it). */
    static String scopeOf(Flow flow) {
        return flow.realmName().toLowerCase(java.util.Locale.ROOT).replace(".", "");
    }

    /** The provisioning server's stored result of the MTA's attempt that started at or after {@code since}. */
    static ProvisioningResult result(String mac, Instant since) {
        ProvisioningStore store = service(ProvisioningStore.class);
        Await.until("the MPS stored the result of " + mac, WAIT, () -> latest(store, mac, since) != null);
        return latest(store, mac, since);
    }

    /** Whether the provisioning server stored no attempt of the MTA since {@code since}. */
    static boolean noResult(String mac, Instant since) {
        return latest(service(ProvisioningStore.class), mac, since) == null;
    }

    private static ProvisioningResult latest(ProvisioningStore store, String mac, Instant since) {
        List<ProvisioningResult> r = store.results(mac, 1);
        return r.isEmpty() || r.get(0).started().isBefore(since.minusMillis(1000)) ? null : r.get(0);
    }
}
