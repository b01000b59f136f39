package io.mtaprov.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The MTA's stub resolver (steps 2 and 8): A lookups of the provisioning server and TFTP host, and
 * (for the Secure flow, later) the KDC SRV {@code _kerberos._udp.<REALM>} (RFC 2782), sent to the
 * DNS server of option 6 with dnsjava's {@link SimpleResolver}. Thread-safe; blocks the caller
 * (meant for a virtual thread).
 */
final class DnsClient {
    private final SimpleResolver resolver;

    DnsClient(InetSocketAddress server, Duration timeout) {
        resolver = new SimpleResolver(server);
        resolver.setTimeout(timeout);
    }

    /** Queries from the MTA's own address, as a real MTA does, so the DNS server can name it. */
    DnsClient(InetSocketAddress server, Duration timeout, java.net.InetAddress local) {
        this(server, timeout);
        resolver.setLocalAddress(local);
    }

    /** The first A record of {@code fqdn}. */
    InetAddress resolveA(String fqdn) throws IOException {
        for (Record r : query(fqdn, Type.A)) {
            if (r instanceof ARecord a) {
                return a.getAddress();
            }
        }
        throw new IOException("no A record for " + fqdn);
    }

    /** The SRV records of {@code _kerberos._udp.<realm>} (Secure flow; unused by Basic and Hybrid). */
    List<SRVRecord> kdcs(String realm) throws IOException {
        List<SRVRecord> out = new ArrayList<>();
        for (Record r : query("_kerberos._udp." + realm, Type.SRV)) {
            if (r instanceof SRVRecord s) {
                out.add(s);
            }
        }
        return out;
    }

    private List<Record> query(String name, int type) throws IOException {
        Name n;
        try {
            n = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IOException("not a DNS name: " + name, e);
        }
        Message response = resolver.send(Message.newQuery(Record.newRecord(n, type, DClass.IN)));
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR) {
            throw new IOException(Type.string(type) + " " + name + ": " + Rcode.string(rcode));
        }
        return response.getSection(Section.ANSWER);
    }
}
