package io.mtaprov.sim.fuzz;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * One listening port to fuzz.
 *
 * @param name      short name used on the command line and in reports ("dhcp", "dns-tcp", ...)
 * @param transport UDP or TCP
 * @param server    the server's address and port
 * @param seeds     valid messages the mutator starts from
 * @param maxLength the longest input sent
 * @param probe     a good client's request that must still be answered
 */
public record FuzzTarget(String name, Transport transport, InetSocketAddress server, List<byte[]> seeds,
        int maxLength, Probe probe) {
    public FuzzTarget {
        seeds = List.copyOf(seeds);
    }
}
