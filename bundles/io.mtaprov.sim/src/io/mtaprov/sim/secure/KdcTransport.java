package io.mtaprov.sim.secure;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.type.base.KrbMessage;

/**
 * One Kerberos request over UDP from the MTA's address (RFC 4120 7.2.1), retried on timeout with the
 * backoff of option 122 sub-option 4 (nominal timeout doubling up to the maximum, at most the retry
 * count). Stateless apart from its settings; thread-safe.
 */
final class KdcTransport {
    private final InetAddress local;
    private final Duration timeout;
    private final int tries;

    KdcTransport(InetAddress local, Duration timeout, int tries) {
        this.local = local;
        this.timeout = timeout;
        this.tries = tries;
    }

    KrbMessage exchange(byte[] request, InetSocketAddress kdc) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(local, 0))) {
            byte[] buf = new byte[65535];
            long wait = timeout.toMillis();
            for (int i = 0; i < tries; i++) {
                s.setSoTimeout((int) wait);
                s.send(new DatagramPacket(request, request.length, kdc));
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    s.receive(p);
                    return KrbCodec.decodeMessage(ByteBuffer.wrap(Arrays.copyOf(buf, p.getLength())));
                } catch (SocketTimeoutException e) {
                    wait = Math.min(wait * 2, 10_000);
                }
            }
        }
        throw new IOException("no reply from the KDC " + kdc + " after " + tries + " tries");
    }
}
