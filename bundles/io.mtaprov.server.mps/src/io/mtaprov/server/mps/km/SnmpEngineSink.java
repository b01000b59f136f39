package io.mtaprov.server.mps.km;

/**
 * The provisioning server's SNMP engine as key management sees it: its USM parameters for the AP
 * Reply, and where established keys are installed (as USM users of SNMP4J). Implemented by the
 * provisioning server's SNMP endpoint while it runs. Thread-safe.
 */
public interface SnmpEngineSink {
    /** snmpEngineID of the provisioning server. */
    byte[] engineId();

    /** snmpEngineBoots. */
    long engineBoots();

    /** snmpEngineTime, seconds. */
    long engineTime();

    /** Installs (or replaces) the USM user of one MTA. */
    void install(SnmpKeys keys);
}
