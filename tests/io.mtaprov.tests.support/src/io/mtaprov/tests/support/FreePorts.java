package io.mtaprov.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Free loopback ports for servers under test. */
public final class FreePorts {
    private FreePorts() {
    }

    public static int udp() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port free for both UDP and TCP (servers such as the KDC bind both). */
    public static int udpAndTcp() {
        for (int i = 0; i < 50; i++) {
            int p = udp();
            try (java.net.ServerSocket t = new java.net.ServerSocket()) {
                t.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p));
                return p;
            } catch (IOException e) {
                // taken for TCP: try another
            }
        }
        throw new IllegalStateException("no loopback port free for both UDP and TCP");
    }
}
