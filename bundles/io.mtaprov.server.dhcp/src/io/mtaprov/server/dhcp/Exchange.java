package io.mtaprov.server.dhcp;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.TraceEvent;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What handling one datagram produced: the encoded reply and where it goes, the lease change to
 * commit before the reply is sent, a declined address, trace events and how it counts. Created and
 * filled by {@link DhcpEngine}, handed to the {@link LeaseCommitter} when it carries a lease change, consumed by
 * {@link DhcpServer}; owned by one thread at a time (the receive thread, then the committer).
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
    /** Committed (with the rest of the group, see {@link LeaseCommitter}) before {@link #reply} is sent; also announced. */
    Lease write;
    /** A lease that expired (no request, no reply): only {@link #write} is stored and announced. */
    boolean expiry;
    /** Declined address (RFC 2131 section 4.3.3) to record, 0 for none. */
    int conflictIp;
    long conflictUntil;
    /** A configuration problem to show as the server's last error, or null. */
    String configError;

    Exchange(InetSocketAddress source) {
        this.source = source;
    }

    /** The store change of a lease that expired (RFC 2131 section 4.3.1: the server reclaims it). */
    static Exchange expiry(Lease expired) {
        Exchange ex = new Exchange(null);
        ex.mac = expired.mac();
        ex.write = expired;
        ex.expiry = true;
        return ex;
    }

    /** The peer as "address:port" for traces. */
    String peer() {
        return source.getAddress().getHostAddress() + ":" + source.getPort();
    }
}
