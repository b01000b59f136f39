package io.mtaprov.server.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.server.ManagedServer;
import io.mtaprov.tests.support.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.event.EventAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** The Declarative Services wiring: a ManagedServer "dns" that receives lease events from EventAdmin. */
class DnsServerComponentTest {

    static <T> T service(BundleContext ctx, Class<T> type, String filter) throws Exception {
        ServiceTracker<T, T> t = new ServiceTracker<>(ctx, ctx.createFilter(filter), null);
        t.open();
        try {
            T s = t.waitForService(TimeUnit.SECONDS.toMillis(10));
            assertThat(s).as("service " + filter).isNotNull();
            return s;
        } finally {
            t.close();
        }
    }

    /** Only inside OSGi (the Tycho build); the plain JUnit loop has no framework. */
    static boolean insideOsgi() {
        return FrameworkUtil.getBundle(DnsServerComponentTest.class) != null;
    }

    @Test
    @EnabledIf("insideOsgi")
    void isRegisteredAsManagedServerAndFollowsLeaseEventsPostedOnEventAdmin() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(DnsServerComponentTest.class);
        BundleContext ctx = bundle.getBundleContext() != null ? bundle.getBundleContext()
                : FrameworkUtil.getBundle(ManagedServer.class).getBundleContext();
        ManagedServer managed = service(ctx, ManagedServer.class,
                "(&(objectClass=" + ManagedServer.class.getName() + ")(component.name=" + DnsServer.class.getName() + "))");
        assertThat(managed.id()).isEqualTo("dns");
        assertThat(managed.settings().port()).isEqualTo(DnsServer.DEFAULT_PORT);
        DnsServer dns = (DnsServer) managed;
        EventAdmin events = service(ctx, EventAdmin.class, "(objectClass=" + EventAdmin.class.getName() + ")");
        String mac = "00:10:95:00:0c:01";
        int before = dns.mtaNameCount();
        events.sendEvent(MemoryLeases.changed(MemoryLeases.lease(mac, "10.40.0.1", "osgi-mta.mtaprov.lab", Lease.State.BOUND)));
        Await.until("name added through EventAdmin", Duration.ofSeconds(5), () -> dns.mtaNameCount() == before + 1);
        events.sendEvent(MemoryLeases.changed(MemoryLeases.lease(mac, "10.40.0.1", "osgi-mta.mtaprov.lab", Lease.State.RELEASED)));
        Await.until("name removed through EventAdmin", Duration.ofSeconds(5), () -> dns.mtaNameCount() == before);
    }
}
