package io.mtaprov.store.h2;

import io.mtaprov.core.provisioning.DeviceClass;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What {@link H2ProvisioningStore} keeps of its layers between reads: the device classes, the CMTS
 * layers by scope, and the set of MACs that have an MTA layer. A change bumps a version; a read
 * that overlapped a change is returned but not kept, so a value read before a commit can never
 * be cached after the commit's invalidation (changes and the keeping of a read value synchronize on
 * the cache). Thread-safe; reads of cached values take no lock.
 */
final class LayerCache {
    private final AtomicLong version = new AtomicLong();
    private volatile List<DeviceClass> deviceClasses;
    private final Map<String, Map<String, String>> cmts = new ConcurrentHashMap<>();
    private volatile Set<String> mtasWithSettings;

    List<DeviceClass> deviceClasses(Supplier<List<DeviceClass>> read) {
        List<DeviceClass> l = deviceClasses;
        if (l != null) {
            return l;
        }
        long v = version.get();
        l = List.copyOf(read.get());
        synchronized (this) {
            if (version.get() == v) {
                deviceClasses = l;
            }
        }
        return l;
    }

    Map<String, String> cmtsVariables(String scope, Supplier<Map<String, String>> read) {
        Map<String, String> m = cmts.get(scope);
        if (m != null) {
            return m;
        }
        long v = version.get();
        m = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(read.get()));
        synchronized (this) {
            if (version.get() == v) {
                cmts.put(scope, m);
            }
        }
        return m;
    }

    /** Whether {@code mac} may have an MTA layer: false only when it certainly has none. */
    boolean mayHaveMtaVariables(String mac, Supplier<Set<String>> readAll) {
        Set<String> s = mtasWithSettings;
        if (s == null) {
            long v = version.get();
            s = ConcurrentHashMap.newKeySet();
            s.addAll(readAll.get());
            if (version.get() != v) {
                return true; // a save overlapped the read: ask the table this time
            }
            synchronized (this) {
                if (mtasWithSettings == null && version.get() == v) {
                    mtasWithSettings = s;
                }
            }
        }
        return s.contains(mac);
    }

    synchronized void deviceClassesChanged() {
        version.incrementAndGet();
        deviceClasses = null;
    }

    synchronized void cmtsVariablesChanged(String scope) {
        version.incrementAndGet();
        cmts.remove(scope);
    }

    /** Call before the MTA layer of {@code mac} is written. */
    synchronized void mtaVariablesSaving(String mac) {
        version.incrementAndGet();
        Set<String> s = mtasWithSettings;
        if (s != null) {
            s.add(mac);
        }
    }

    synchronized void clear() {
        version.incrementAndGet();
        deviceClasses = null;
        cmts.clear();
        mtasWithSettings = null;
    }
}
