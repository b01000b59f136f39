package io.mtaprov.core.server;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Datagrams the kernel dropped for a UDP socket because its receive buffer was full: the shedding
 * an overloaded UDP server does without ever seeing the datagrams, which its own counters cannot
 * count. Linux keeps the count per socket in the last column of /proc/net/udp and /proc/net/udp6
 * ("drops"); elsewhere, or for IPv6 binds, nothing is known and the result is empty. Stateless.
 */
public final class KernelUdpDrops {
    static final Path PROC_NET_UDP = Path.of("/proc/net/udp");
    /** Java binds dual-stack (IPv6) sockets unless java.net.preferIPv4Stack is set: IPv4 binds show here v4-mapped. */
    static final Path PROC_NET_UDP6 = Path.of("/proc/net/udp6");
    private static final String V4_MAPPED = "0000000000000000FFFF0000";
    private static final String IPV6_ANY = "00000000000000000000000000000000";

    private KernelUdpDrops() {
    }

    /** The drops of the UDP sockets bound to IPv4 {@code bind} (or to any address) on {@code port}. */
    public static OptionalLong of(InetAddress bind, int port) {
        if (!(bind instanceof Inet4Address)) {
            return OptionalLong.empty();
        }
        String v4 = local(bind.getAddress(), port);
        String v4any = local(new byte[4], port);
        String hexPort = v4.substring(v4.indexOf(':'));
        OptionalLong a = of(PROC_NET_UDP, v4, v4any);
        OptionalLong b = of(PROC_NET_UDP6, V4_MAPPED + v4, IPV6_ANY + hexPort);
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalLong.of(a.getAsLong() + b.getAsLong());
    }

    /** The summed drops of the rows of {@code table} whose local_address is one of {@code locals}. */
    static OptionalLong of(Path table, String... locals) {
        if (!Files.isReadable(table)) {
            return OptionalLong.empty();
        }
        try (Stream<String> lines = Files.lines(table)) {
            long[] sum = {0};
            boolean[] found = {false};
            lines.skip(1).forEach(line -> {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 13) {
                    for (String l : locals) {
                        if (f[1].equals(l)) {
                            sum[0] += Long.parseLong(f[f.length - 1]);
                            found[0] = true;
                        }
                    }
                }
            });
            return found[0] ? OptionalLong.of(sum[0]) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** /proc/net/udp's local_address: the IPv4 address as a host-order (little-endian here) hex word, then :PORT. */
    static String local(byte[] address, int port) {
        byte[] le = {address[3], address[2], address[1], address[0]};
        return HexFormat.of().formatHex(le).toUpperCase(Locale.ROOT) + ":" + String.format("%04X", port);
    }
}
