package io.mtaprov.core.provisioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ProvisioningStore} in memory (tests, and a console without the H2 store). Thread-safe. */
public final class MemoryProvisioningStore implements ProvisioningStore {
    private final Map<String, DeviceClass> classes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> cmts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> mtas = new ConcurrentHashMap<>();
    private final List<ProvisioningResult> results = new CopyOnWriteArrayList<>();
    private final Map<String, ProvisioningResult> open = new java.util.HashMap<>(); // guarded by this

    /** A store holding the default layers ({@link DefaultLayers}). */
    public static MemoryProvisioningStore withDefaults() {
        MemoryProvisioningStore s = new MemoryProvisioningStore();
        DefaultLayers.seed(s);
        return s;
    }

    @Override
    public List<DeviceClass> deviceClasses() {
        return classes.values().stream().sorted(Comparator.comparing(DeviceClass::id)).toList();
    }

    @Override
    public void saveDeviceClass(DeviceClass deviceClass) {
        classes.put(deviceClass.id(), deviceClass);
    }

    @Override
    public Map<String, String> cmtsVariables(String scope) {
        return cmts.getOrDefault(scope, Map.of());
    }

    @Override
    public void saveCmtsVariables(String scope, Map<String, String> variables) {
        cmts.put(scope, Map.copyOf(variables));
    }

    @Override
    public Map<String, String> mtaVariables(String mac) {
        return mtas.getOrDefault(mac, Map.of());
    }

    @Override
    public void saveMtaVariables(String mac, Map<String, String> variables) {
        mtas.put(mac, Map.copyOf(variables));
    }

    @Override
    public synchronized void recordStart(String mac, long correlationId, String flow, Instant started) {
        open.put(mac, new ProvisioningResult(mac, correlationId, flow, ProvisioningState.FAILED, "", "", null, started,
                started, List.of()));
    }

    @Override
    public synchronized List<ProvisioningResult> closeInterrupted(Instant now, String reason) {
        List<ProvisioningResult> closed = new ArrayList<>();
        for (ProvisioningResult o : open.values()) {
            ProvisioningResult r = new ProvisioningResult(o.mac(), o.correlationId(), o.flow(), ProvisioningState.FAILED,
                    reason, "", null, o.started(), now, List.of());
            results.add(r);
            closed.add(r);
        }
        open.clear();
        return closed;
    }

    @Override
    public synchronized void recordResult(ProvisioningResult result) {
        ProvisioningResult o = open.get(result.mac());
        if (o != null && o.correlationId() == result.correlationId()) {
            open.remove(result.mac());
        }
        results.add(result);
    }

    @Override
    public List<ProvisioningResult> results(String mac, int limit) {
        List<ProvisioningResult> out = new ArrayList<>();
        for (int i = results.size() - 1; i >= 0 && out.size() < limit; i--) {
            if (results.get(i).mac().equals(mac)) {
                out.add(results.get(i));
            }
        }
        return out;
    }
}
