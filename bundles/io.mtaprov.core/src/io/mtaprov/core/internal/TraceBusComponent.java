package io.mtaprov.core.internal;

import io.mtaprov.core.trace.BoundedTraceBus;
import io.mtaprov.core.trace.TraceBus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The TraceBus as an OSGi service, bounded at {@value #CAPACITY} queued events. */
@Component(service = TraceBus.class, immediate = true)
public class TraceBusComponent extends BoundedTraceBus {
    static final int CAPACITY = 1 << 18;

    public TraceBusComponent() {
        super(CAPACITY);
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
