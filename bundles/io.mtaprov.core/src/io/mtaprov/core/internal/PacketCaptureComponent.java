package io.mtaprov.core.internal;

import io.mtaprov.core.trace.BoundedPacketCapture;
import io.mtaprov.core.trace.CapturedPacket;
import io.mtaprov.core.trace.PacketCapture;
import java.time.Instant;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The PacketCapture as an OSGi service, keeping {@code mtaprov.capture.maxBytes} of payload
 * (default {@value #DEFAULT_MAX_BYTES}, about 40,000 DHCP messages: some minutes of a busy lab, the
 * last seconds of a reboot storm); 0 keeps nothing (benchmarks, or a console that never exports).
 */
@Component(service = PacketCapture.class, immediate = true)
public class PacketCaptureComponent implements PacketCapture {
    static final long DEFAULT_MAX_BYTES = 16L << 20;
    static final String PROPERTY = "mtaprov.capture.maxBytes";

    private volatile BoundedPacketCapture delegate = new BoundedPacketCapture(DEFAULT_MAX_BYTES);

    @Activate
    void activate(BundleContext context) {
        String v = context.getProperty(PROPERTY);
        long max = v == null || v.isBlank() ? DEFAULT_MAX_BYTES : Long.parseLong(v.strip());
        delegate = max > 0 ? new BoundedPacketCapture(max) : null;
    }

    @Override
    public void record(CapturedPacket packet) {
        BoundedPacketCapture d = delegate;
        if (d != null) {
            d.record(packet);
        }
    }

    @Override
    public List<CapturedPacket> select(String mac, String ip, Instant from, Instant to) {
        BoundedPacketCapture d = delegate;
        return d == null ? List.of() : d.select(mac, ip, from, to);
    }
}
