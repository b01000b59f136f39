package io.mtaprov.sim;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.TraceBus;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Publishes the simulator's {@link TraceEvent}s (source {@value #SOURCE}) for one MTA, or nothing
 * when no bus is given. Directions follow {@link Direction} (seen from the console's servers): what
 * the MTA sends is {@link Direction#IN}, what it receives {@link Direction#OUT}, its own decisions
 * {@link Direction#INTERNAL}. Details that cost something to format (PDUs, DHCP messages, hashes) are
 * given as suppliers, called only when there is a bus: a fleet without one (a storm) pays nothing
 * for them. Thread-safe.
 */
final class SimTrace {
    static final String SOURCE = "sim";
    private final TraceBus bus;
    private final String mac;

    SimTrace(TraceBus bus, String mac) {
        this.bus = bus;
        this.mac = mac;
    }

    boolean enabled() {
        return bus != null;
    }

    void sent(ProvisioningStep step, InetSocketAddress peer, String summary, String detail) {
        publish(step, Direction.IN, peer, summary, detail, Outcome.OK);
    }

    /** Like {@link #sent(ProvisioningStep, InetSocketAddress, String, String)}; the detail is made only when traced. */
    void sent(ProvisioningStep step, InetSocketAddress peer, String summary, Supplier<String> detail) {
        if (bus != null) {
            publish(step, Direction.IN, peer, summary, detail.get(), Outcome.OK);
        }
    }

    /** Like {@link #received(ProvisioningStep, InetSocketAddress, String, String)}; the detail is made only when traced. */
    void received(ProvisioningStep step, InetSocketAddress peer, String summary, Supplier<String> detail) {
        if (bus != null) {
            publish(step, Direction.OUT, peer, summary, detail.get(), Outcome.OK);
        }
    }

    /** Like {@link #note(ProvisioningStep, String, String, Outcome)}; the detail is made only when traced. */
    void note(ProvisioningStep step, String summary, Supplier<String> detail, Outcome outcome) {
        if (bus != null) {
            publish(step, Direction.INTERNAL, null, summary, detail.get(), outcome);
        }
    }

    void received(ProvisioningStep step, InetSocketAddress peer, String summary, String detail) {
        publish(step, Direction.OUT, peer, summary, detail, Outcome.OK);
    }

    void note(ProvisioningStep step, String summary, String detail, Outcome outcome) {
        publish(step, Direction.INTERNAL, null, summary, detail, outcome);
    }

    void publish(ProvisioningStep step, Direction dir, InetSocketAddress peer, String summary, String detail,
            Outcome outcome) {
        if (bus != null) {
            String p = peer == null ? "" : peer.getAddress().getHostAddress() + ":" + peer.getPort();
            bus.publish(new TraceEvent(Instant.now(), mac, step, SOURCE, dir, p, summary, detail, outcome));
        }
    }
}
