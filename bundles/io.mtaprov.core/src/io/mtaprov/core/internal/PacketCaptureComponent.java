package io.mtaprov.core.internal;

import io.mtaprov.core.trace.BoundedPacketCapture;
import io.mtaprov.core.trace.PacketCapture;
import org.osgi.service.component.annotations.Component;

/**
 * The PacketCapture as an OSGi service, keeping {@value #MAX_BYTES} bytes of payload (about 50,000
 * DHCP messages, some minutes of a busy lab; a reboot storm keeps only its last seconds).
 */
@Component(service = PacketCapture.class, immediate = true)
public class PacketCaptureComponent extends BoundedPacketCapture {
    static final long MAX_BYTES = 16L << 20;

    public PacketCaptureComponent() {
        super(MAX_BYTES);
    }
}
