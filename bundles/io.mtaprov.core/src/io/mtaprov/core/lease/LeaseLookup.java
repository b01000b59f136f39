package io.mtaprov.core.lease;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the DHCP server's leases, for the provisioning server (step 5b), the DNS server
 * (MTA A records) and the console. Implemented by the store; thread-safe; reads may do I/O.
 */
public interface LeaseLookup {

    Optional<Lease> byMac(String mac);

    Optional<Lease> byIp(String ip);

    /** Active leases, at most limit, newest first. */
    List<Lease> active(int limit);
}
