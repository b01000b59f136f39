package io.mtaprov.sim;

import io.mtaprov.protocol.dhcp.Ipv4Address;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The DHCP relay agent of a simulated CMTS (RFC 1542 section 4, RFC 2131 section 4.1): the server
 * sends relayed replies to {@code giaddr} on the server port, so the relay owns one socket on
 * {@code <giaddr>:<server port>} (a 127.x address on loopback, so it does not clash with the
 * server on 127.0.0.1). Requests of every MTA behind that relay leave from it, and each reply is
 * handed to the MTA that waits for its {@code xid} and {@code chaddr}; replies nobody waits for
 * are dropped. One agent per address in this process, shared through {@link #acquire} and
 * {@link #release}; the receive loop is a virtual thread. Thread-safe.
 */
final class RelayAgent {
    /** Largest DHCP message accepted (RFC 2131 section 2: servers may send up to the MTU). */
    static final int MAX_MESSAGE = 1500;
    /** BOOTP header offsets (RFC 2131 section 2, figure 1). */
    private static final int OP = 0, HLEN = 2, XID = 4, CHADDR = 28, BOOTREPLY = 2;
    /** How long a bind waits for a just-released agent's socket to close. */
    private static final long REBIND_WAIT_MS = 2_000;
    private static final Map<InetSocketAddress, RelayAgent> AGENTS = new HashMap<>(); // guarded by itself

    private final InetSocketAddress address;
    private final DatagramSocket socket;
    private final Map<String, BlockingQueue<byte[]>> waiting = new ConcurrentHashMap<>();
    private int users; // guarded by AGENTS

    private RelayAgent(InetSocketAddress address) throws IOException {
        this.address = address;
        socket = bind(address);
        Thread.ofVirtual().name("mtaprov-sim-relay-" + address).start(this::receive);
    }

    /**
     * Binds {@code address}, retrying for up to {@link #REBIND_WAIT_MS}: when the previous agent on
     * the same address was just released, the JDK defers closing its descriptor until its receiving
     * thread has left {@code receive}, so an immediate re-bind can meet "Address already in use".
     */
    private static DatagramSocket bind(InetSocketAddress address) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REBIND_WAIT_MS);
        while (true) {
            DatagramSocket s = new DatagramSocket(null);
            try {
                s.bind(address);
                return s;
            } catch (BindException e) {
                s.close();
                if (System.nanoTime() - deadline >= 0) {
                    throw new IOException("cannot bind the relay agent (giaddr) to "
                            + address.getAddress().getHostAddress() + ":" + address.getPort() + ": " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while binding the relay agent to " + address, ie);
                }
            } catch (IOException e) {
                s.close();
                throw new IOException("cannot bind the relay agent (giaddr) to " + address.getAddress().getHostAddress()
                        + ":" + address.getPort() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The agent on {@code giaddr:serverPort}, bound on first use; pair with {@link #release}. */
    static RelayAgent acquire(Ipv4Address giaddr, int serverPort) throws IOException {
        InetSocketAddress a = new InetSocketAddress(giaddr.toInetAddress(), serverPort);
        synchronized (AGENTS) {
            RelayAgent r = AGENTS.get(a);
            if (r == null) {
                r = new RelayAgent(a);
                AGENTS.put(a, r);
            }
            r.users++;
            return r;
        }
    }

    /** Gives up one use; the last one closes the socket. */
    void release() {
        synchronized (AGENTS) {
            if (--users == 0) {
                AGENTS.remove(address);
                socket.close();
            }
        }
    }

    /** The giaddr and port the relay listens on. */
    InetSocketAddress address() {
        return address;
    }

    /** Starts collecting the replies for {@code xid} and {@code chaddr}; pair with {@link #unregister}. */
    BlockingQueue<byte[]> register(int xid, byte[] chaddr) {
        BlockingQueue<byte[]> q = new LinkedBlockingQueue<>();
        waiting.put(key(xid, chaddr, chaddr.length), q);
        return q;
    }

    void unregister(int xid, byte[] chaddr) {
        waiting.remove(key(xid, chaddr, chaddr.length));
    }

    /** Forwards a client's request to the server from {@code <giaddr>:<server port>}. */
    void forward(byte[] message, InetSocketAddress server) throws IOException {
        socket.send(new DatagramPacket(message, message.length, server));
    }

    /** The next reply in the queue within {@code millis}, or null. */
    static byte[] poll(BlockingQueue<byte[]> q, long millis) throws InterruptedException {
        return q.poll(millis, TimeUnit.MILLISECONDS);
    }

    private void receive() {
        byte[] buf = new byte[MAX_MESSAGE];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                p.setLength(buf.length);
                socket.receive(p);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
                continue; // e.g. ICMP port unreachable of an earlier send
            }
            int len = p.getLength();
            int hlen = len > HLEN ? buf[HLEN] & 0xff : 0;
            if (len < CHADDR + 16 || buf[OP] != BOOTREPLY || hlen < 1 || hlen > 16) {
                continue; // not a BOOTREPLY
            }
            int xid = (buf[XID] & 0xff) << 24 | (buf[XID + 1] & 0xff) << 16 | (buf[XID + 2] & 0xff) << 8
                    | buf[XID + 3] & 0xff;
            BlockingQueue<byte[]> q = waiting.get(key(xid, Arrays.copyOfRange(buf, CHADDR, CHADDR + hlen), hlen));
            if (q != null) {
                q.add(Arrays.copyOf(buf, len));
            }
        }
    }

    private static String key(int xid, byte[] chaddr, int hlen) {
        return Integer.toHexString(xid) + "/" + HexFormat.of().formatHex(chaddr, 0, hlen);
    }
}
