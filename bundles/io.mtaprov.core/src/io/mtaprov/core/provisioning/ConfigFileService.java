package io.mtaprov.core.provisioning;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.lease.Lease;

/**
 * Config files for the Basic flow (BASIC.1/.2), where no enrollment INFORM and no SET happen: the
 * DHCP server asks for the MTA's file before its ACK names it (siaddr + file). The file carries
 * the hash TLV inside (PROTOCOL.md "Basic flow hash"). Implemented by the provisioning server.
 * Thread-safe; blocks while the file is generated and stored (steps 5 and 6).
 */
public interface ConfigFileService {

    /**
     * Generates and stores the file for the MTA holding the lease.
     *
     * @throws IllegalStateException with the reason (also traced) if no file can be generated
     */
    GeneratedFile generateFor(Lease lease);
}
