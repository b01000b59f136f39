package io.mtaprov.server.dns;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.core.trace.TraceBus;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Turns lease changes into MTA name changes: BOUND publishes {@code hostname -> ip}, RELEASED,
 * EXPIRED and DECLINED withdraw it, OFFERED changes nothing yet. A host name without a dot is taken
 * relative to the provisioning zone. Changes (not renewals) are traced as internal step-2 events.
 * Thread-safe (the record table serializes changes).
 */
final class LeaseNames {
    private final MtaRecords mtas;
    private final ExchangeTracer tracer;
    private final Supplier<TraceBus> bus;
    private final Supplier<ProvisioningNetwork> network;

    LeaseNames(MtaRecords mtas, ExchangeTracer tracer, Supplier<TraceBus> bus, Supplier<ProvisioningNetwork> network) {
        this.mtas = mtas;
        this.tracer = tracer;
        this.bus = bus;
        this.network = network;
    }

    /** Applies one lease; {@code traced} publishes the change on the trace bus. */
    void apply(Lease lease, boolean traced) {
        String mac = lease.mac().toLowerCase(Locale.ROOT);
        String ip = lease.ip();
        tracer.invalidate(ip);
        switch (lease.state()) {
            case OFFERED -> {
                // not bound yet: the MTA gets its name with the ACK
            }
            case BOUND -> bound(lease, mac, ip, traced);
            case RELEASED, EXPIRED, DECLINED -> {
                Name removed = mtas.unbind(mac, ip);
                mtas.forgetAddress(ip, mac);
                if (removed != null && traced) {
                    trace(mac, "A " + removed + " removed (" + lease.state() + ")", "was " + ip, Outcome.INFO);
                }
            }
        }
    }

    private void bound(Lease lease, String mac, String ip, boolean traced) {
        InetAddress address;
        try {
            address = DnsZones.ipv4("lease ip", ip);
        } catch (IllegalArgumentException e) {
            trace(mac, "lease ignored: address '" + ip + "' is not IPv4", "", Outcome.WARNING);
            return;
        }
        if (lease.hostname().isBlank()) {
            Name removed = mtas.unbind(mac, null);
            mtas.rememberAddress(ip, mac);
            if (removed != null && traced) {
                trace(mac, "A " + removed + " removed (lease has no host name)", "", Outcome.INFO);
            }
            return;
        }
        Name name;
        try {
            name = mtaName(lease.hostname());
        } catch (TextParseException e) {
            trace(mac, "lease host name '" + lease.hostname() + "' is not a DNS name", e.getMessage(), Outcome.WARNING);
            return;
        }
        if (mtas.bind(mac, name, address) && traced) {
            trace(mac, "A " + name + " -> " + ip + " added", "lease " + lease.scope(), Outcome.INFO);
        }
    }

    private Name mtaName(String hostname) throws TextParseException {
        String h = hostname.trim();
        Name origin = h.contains(".") ? Name.root : DnsZones.name("zone", network.get().zone());
        return Name.fromString(h, origin);
    }

    private void trace(String mac, String summary, String detail, Outcome outcome) {
        TraceBus b = bus.get();
        if (b != null) {
            b.publish(new TraceEvent(Instant.now(), mac, ProvisioningStep.DHCP_OPTIONS_TRANSFER, DnsServer.ID,
                    Direction.INTERNAL, "", summary, detail, outcome));
        }
    }
}
