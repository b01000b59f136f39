package io.mtaprov.server.dhcp;

import io.mtaprov.core.lease.Lease;
import java.util.Optional;

/**
 * Hook for the Basic flow (realm BASIC.1 / BASIC.2, PROTOCOL.md "Flow selection"): the MTA takes
 * its configuration file location from the DHCP OFFER/ACK {@code siaddr} and {@code file} fields
 * (RFC 2131 section 2). The provisioning server implements this service; the DHCP server binds it
 * optionally and dynamically. Without it, Basic-flow MTAs get no OFFER and a NAK to REQUESTs, with
 * a trace that says why.
 *
 * <p>Threading: called on the DHCP receive thread for every OFFER and ACK to a Basic-flow MTA;
 * must return quickly and must not block on I/O (generate files ahead, or name a file that will
 * exist when the MTA asks for it by TFTP).
 */
public interface BasicFlowFileProvider {

    /**
     * The file for this MTA, or empty when none can be named (the MTA is then refused).
     *
     * @param mac   the MTA's MAC, lower-case colon hex
     * @param lease the lease being offered or acknowledged
     */
    Optional<BasicFlowFile> fileFor(String mac, Lease lease);

    /**
     * Where the MTA fetches its file.
     *
     * @param fileName    goes into {@code file}: at most 127 ASCII characters
     * @param tftpAddress goes into {@code siaddr}: the TFTP server's IPv4 address, dotted
     */
    record BasicFlowFile(String fileName, String tftpAddress) {
    }
}
