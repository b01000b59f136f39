package io.mtaprov.ui.internal;

import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Tracks one OSGi service for a view; the view closes it in dispose(). Lookups are in-memory and
 * may be called on the UI thread.
 */
public final class ServiceAccess<T> implements AutoCloseable {
    private final ServiceTracker<T, T> tracker;

    public ServiceAccess(Class<T> type) {
        Bundle bundle = FrameworkUtil.getBundle(ServiceAccess.class);
        BundleContext ctx = bundle.getBundleContext();
        this.tracker = new ServiceTracker<>(ctx, type, null);
        tracker.open();
    }

    public Optional<T> get() {
        return Optional.ofNullable(tracker.getService());
    }

    @Override
    public void close() {
        tracker.close();
    }
}
