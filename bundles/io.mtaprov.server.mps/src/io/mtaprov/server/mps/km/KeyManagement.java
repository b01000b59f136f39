package io.mtaprov.server.mps.km;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Kerberized key management as a service for the provisioning server (PKT-SP-SEC; step 3b): the
 * SNMPv3 keys established with each MTA, an engine to install them in, and Wake Up. Thread-safe.
 */
public interface KeyManagement {
    /** Attaches the provisioning server's SNMP engine (null detaches); keys established so far are installed. */
    void attach(SnmpEngineSink sink);

    /** The keys established with the MTA at this address, if any and not expired. */
    Optional<SnmpKeys> keysFor(String ip);

    /** Sends a Wake Up (KMMID 1) to an MTA's key management port, asking it to start an AP Request. */
    void wakeUp(InetSocketAddress mta);
}
