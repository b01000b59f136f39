package io.mtaprov.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;

/**
 * Step 9: reads the configuration file over TFTP (RFC 1350, octet mode) with Commons Net's client,
 * from the MTA's own address so the TFTP server sees the MTA as the requester. Blocks the caller;
 * one client per download.
 */
final class ConfigFetcher {
    private ConfigFetcher() {
    }

    /**
     * The file's bytes.
     *
     * @throws IOException on a TFTP error packet, a timeout after {@code retries} timeouts, or a socket error
     */
    static byte[] fetch(InetAddress from, InetAddress server, int port, String file, Duration timeout, int retries)
            throws IOException {
        TFTPClient client = new TFTPClient();
        client.setDefaultTimeout(timeout);
        client.setMaxTimeouts(retries);
        client.open(0, from);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
            client.receiveFile(file, TFTP.BINARY_MODE, out, server, port);
            return out.toByteArray();
        } finally {
            client.close();
        }
    }
}
