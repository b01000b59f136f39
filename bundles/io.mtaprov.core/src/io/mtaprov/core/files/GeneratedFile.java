package io.mtaprov.core.files;

import java.time.Instant;

/**
 * A file the provisioning server generated and the TFTP server may serve (metadata only).
 *
 * @param name    the unguessable name the MTA requests over TFTP
 * @param mtaMac  the MTA it was generated for, "" for none
 * @param size    length in bytes
 * @param sha1Hex SHA-1 of the content, lower-case hex (the config hash of step 7)
 * @param created when it was stored
 */
public record GeneratedFile(String name, String mtaMac, int size, String sha1Hex, Instant created) {
}
