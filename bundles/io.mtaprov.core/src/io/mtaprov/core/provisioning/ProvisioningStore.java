package io.mtaprov.core.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The layers of config file generation and the results of provisioning attempts, kept by the store
 * (H2 in io.mtaprov.store.h2, {@link MemoryProvisioningStore} for tests). Variables are flat
 * {@code name -> value} maps (see {@link ConfigLayers} for the names the lines use).
 * Thread-safe; calls may do I/O.
 */
public interface ProvisioningStore {

    /** The CMTS layer that applies to every scope. */
    String ALL_SCOPES = "*";

    List<DeviceClass> deviceClasses();

    /** Inserts or replaces the class with this id. */
    void saveDeviceClass(DeviceClass deviceClass);

    /** Variables of a CMTS scope (the named network of Lease.scope), or of {@link #ALL_SCOPES}; empty if none. */
    Map<String, String> cmtsVariables(String scope);

    /** Replaces the variables of a scope. */
    void saveCmtsVariables(String scope, Map<String, String> variables);

    /** The MTA's own settings (lines, numbers, realm/CMS entries, "deviceClass" to force a class); empty if none. */
    Map<String, String> mtaVariables(String mac);

    /** Replaces the MTA's settings. */
    void saveMtaVariables(String mac, Map<String, String> variables);

    /**
     * Records, durably, that an attempt has started (its enrollment was accepted); its
     * {@link #recordResult result} removes the record. What is left after a crash is what
     * {@link #closeInterrupted} reports. Stores that cannot keep it do nothing.
     */
    default void recordStart(String mac, long correlationId, String flow, Instant started) {
    }

    /**
     * Ends the attempts that were started and never recorded (the process stopped in between): each
     * is recorded as FAILED with {@code reason} and returned. Called once at start, before new attempts.
     */
    default List<ProvisioningResult> closeInterrupted(Instant now, String reason) {
        return List.of();
    }

    void recordResult(ProvisioningResult result);

    /** The newest results of an MTA, newest first. */
    List<ProvisioningResult> results(String mac, int limit);
}
