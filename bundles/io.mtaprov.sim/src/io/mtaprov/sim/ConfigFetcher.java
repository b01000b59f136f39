package io.mtaprov.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
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

    /**
     * The TFTP-timeout fault: sends the read request (RFC 1350 opcode 1, octet mode) like
     * {@link #fetch}, but every packet that comes back is lost; after {@code retries} requests of
     * {@code timeout} each it gives up as a TFTP client does.
     *
     * @throws IOException always: the timeout, or a socket error
     */
    static byte[] fetchLosingReplies(InetAddress from, InetSocketAddress server, String file, Duration timeout,
            int retries) throws IOException {
        ByteArrayOutputStream rrq = new ByteArrayOutputStream();
        rrq.write(0);
        rrq.write(1);
        rrq.writeBytes(file.getBytes(StandardCharsets.US_ASCII));
        rrq.write(0);
        rrq.writeBytes("octet".getBytes(StandardCharsets.US_ASCII));
        rrq.write(0);
        byte[] out = rrq.toByteArray();
        int lost = 0;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(from, 0))) {
            byte[] buf = new byte[1024];
            for (int i = 0; i < retries; i++) {
                s.send(new DatagramPacket(out, out.length, server));
                long deadline = System.nanoTime() + timeout.toNanos();
                for (long left; (left = (deadline - System.nanoTime()) / 1_000_000L) > 0;) {
                    try {
                        s.setSoTimeout((int) left);
                        s.receive(new DatagramPacket(buf, buf.length));
                        lost++;
                    } catch (SocketTimeoutException e) {
                        break; // this try's time is up
                    }
                }
            }
        }
        throw new IOException("timed out: no DATA packet read after " + retries + " read requests of "
                + timeout.toMillis() + " ms (fault injection: " + lost + " packet(s) from " + server.getAddress()
                .getHostAddress() + " lost)");
    }
}
