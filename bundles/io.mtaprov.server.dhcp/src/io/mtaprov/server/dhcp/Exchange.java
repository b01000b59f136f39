package io.mtaprov.server.dhcp;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.TraceEvent;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What handling one datagram produced: the encoded reply and where it goes, the lease change to
 * commit before the reply is sent, a declined address, trace events and how it counts. Created and
 * filled by {@link DhcpEngine}, consumed by {@link DhcpServer}; confined to the receive thread.
 */
final class Exchange {
    /** How the request counts in the server's counters. */
    enum Result {
        /** A reply (OFFER, ACK) goes out, or a RELEASE/DECLINE was applied. */
        ANSWERED,
        /** Refused: NAK, malformed, unserved class or scope, configuration error. */
        REJECTED,
        /** Not for us or nothing to do (another server was chosen, unknown lease). */
        IGNORED
    }

    final InetSocketAddress source;
    final List<TraceEvent> traces = new ArrayList<>(2);
    String mac = "";
    Result result = Result.IGNORED;
    byte[] reply;
    InetSocketAddress destination;
    /** Committed (with the rest of the batch) before {@link #reply} is sent; also announced. */
    Lease write;
    /** Declined address (RFC 2131 section 4.3.3) to record, 0 for none. */
    int conflictIp;
    long conflictUntil;
    /** A configuration problem to show as the server's last error, or null. */
    String configError;

    Exchange(InetSocketAddress source) {
        this.source = source;
    }

    /** The peer as "address:port" for traces. */
    String peer() {
        return source.getAddress().getHostAddress() + ":" + source.getPort();
    }
}
