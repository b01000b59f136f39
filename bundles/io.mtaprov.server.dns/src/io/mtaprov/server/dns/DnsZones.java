package io.mtaprov.server.dns;

import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.settings.ProvisioningNetwork;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;

/**
 * The static part of what the server is authoritative for, built from {@link ProvisioningNetwork}:
 * the provisioning zone and the Kerberos realm as zone apexes (each with SOA and NS), A records of
 * the name server, provisioning server, KDC and TFTP host, and {@code _kerberos._udp.<REALM>} SRV
 * (RFC 2782) pointing at the KDC. A configured host name outside both zones becomes an apex of its
 * own, so that MTAs can still resolve it. Immutable and thread-safe; lookups allocate nothing.
 */
final class DnsZones {
    /** TTL of the static records; short, because the bench changes settings. */
    static final long TTL = 300;
    /** SOA timers (RFC 1035 section 3.3.13); MINIMUM is the negative-caching TTL (RFC 2308 section 4). */
    static final long REFRESH = 3600, RETRY = 600, EXPIRE = 604_800, NEGATIVE_TTL = 60;
    /** Service label of the realm's KDC (RFC 2782; RFC 4120 section 7.2.3.2). */
    static final String KERBEROS_SRV = "_kerberos._udp";

    private final Name[] apexes;
    private final Map<Name, SOARecord> soa;
    private final Map<Name, SOARecord> negativeSoa;
    private final Map<Name, NameNode> nodes;
    private final Set<Name> emptyNonTerminals;
    private final Set<Name> step2Names;
    private final Name tftpName;
    private final Name defaultZone;

    private DnsZones(Name[] apexes, Map<Name, SOARecord> soa, Map<Name, SOARecord> negativeSoa,
            Map<Name, NameNode> nodes, Set<Name> ents, Set<Name> step2Names, Name tftpName, Name defaultZone) {
        this.apexes = apexes;
        this.soa = soa;
        this.negativeSoa = negativeSoa;
        this.nodes = nodes;
        this.emptyNonTerminals = ents;
        this.step2Names = step2Names;
        this.tftpName = tftpName;
        this.defaultZone = defaultZone;
    }

    /**
     * Builds the zones.
     *
     * @param kdcPort the port in the realm's SRV record
     * @param serial  SOA serial
     * @throws IllegalArgumentException naming the setting that is not a DNS name or IPv4 address
     */
    static DnsZones build(ProvisioningNetwork net, int kdcPort, long serial) {
        Name zone = name("zone", net.zone());
        Name realm = name("realm", net.realm());
        Name ns = concat("ns", zone);
        Name mps = name("mpsFqdn", net.mpsFqdn());
        Name kdc = name("kdcFqdn", net.kdcFqdn());
        Name tftp = name("tftpFqdn", net.tftpFqdn());
        Name srv = concat(KERBEROS_SRV, realm);

        List<Name> apexList = new ArrayList<>(List.of(zone));
        for (Name n : List.of(realm, mps, kdc, tftp)) {
            if (apexList.stream().noneMatch(n::subdomain)) {
                apexList.add(n);
            }
        }
        Map<Name, List<Record>> records = new LinkedHashMap<>();
        Map<Name, SOARecord> soa = new HashMap<>();
        Map<Name, SOARecord> negativeSoa = new HashMap<>();
        Name admin = concat("hostmaster", zone);
        for (Name apex : apexList) {
            SOARecord s = new SOARecord(apex, DClass.IN, TTL, ns, admin, serial, REFRESH, RETRY, EXPIRE, NEGATIVE_TTL);
            soa.put(apex, s);
            // RFC 2308 section 3: in a negative answer the SOA's TTL is min(TTL, MINIMUM)
            negativeSoa.put(apex, new SOARecord(apex, DClass.IN, Math.min(TTL, NEGATIVE_TTL), ns, admin, serial,
                    REFRESH, RETRY, EXPIRE, NEGATIVE_TTL));
            add(records, s);
            add(records, new NSRecord(apex, DClass.IN, TTL, ns));
        }
        add(records, a(ns, "dnsAddress", net.dnsAddress()));
        add(records, a(mps, "mpsAddress", net.mpsAddress()));
        add(records, a(kdc, "kdcAddress", net.kdcAddress()));
        add(records, a(tftp, "tftpAddress", net.tftpAddress()));
        add(records, new SRVRecord(srv, DClass.IN, TTL, 0, 0, kdcPort, kdc));

        Map<Name, NameNode> nodes = new HashMap<>();
        Set<Name> ents = new HashSet<>();
        records.forEach((owner, list) -> nodes.put(owner, NameNode.of(list)));
        for (Name owner : nodes.keySet()) {
            for (int strip = 1; strip < owner.labels() - 1; strip++) {
                Name parent = new Name(owner, strip);
                if (!nodes.containsKey(parent)) {
                    ents.add(parent);
                }
            }
        }
        return new DnsZones(apexList.toArray(new Name[0]), Map.copyOf(soa), Map.copyOf(negativeSoa), Map.copyOf(nodes), Set.copyOf(ents),
                Set.of(mps, kdc, srv), tftp, zone);
    }

    /** The closest enclosing apex this server is authoritative for, or null (REFUSED). */
    Name apexOf(Name qname) {
        Name best = null;
        for (Name apex : apexes) {
            if (qname.subdomain(apex) && (best == null || apex.labels() > best.labels())) {
                best = apex;
            }
        }
        return best;
    }

    SOARecord soa(Name apex) {
        return soa.get(apex);
    }

    /** The apex's SOA for the authority section of NXDOMAIN and NODATA answers (RFC 2308 section 3). */
    SOARecord negativeSoa(Name apex) {
        return negativeSoa.get(apex);
    }

    /** The static records of a name, or null. */
    NameNode node(Name owner) {
        return nodes.get(owner);
    }

    /** True for a name that owns no records but has names below it (RFC 8020: NODATA, not NXDOMAIN). */
    boolean isEmptyNonTerminal(Name owner) {
        return emptyNonTerminals.contains(owner);
    }

    /** The provisioning step a query for this name belongs to (shared/PROTOCOL.md steps 2 and 8). */
    ProvisioningStep stepFor(Name qname) {
        if (step2Names.contains(qname)) {
            return ProvisioningStep.DHCP_OPTIONS_TRANSFER;
        }
        return qname.equals(tftpName) ? ProvisioningStep.CONFIG_FILE_REQUEST : ProvisioningStep.DHCP_OPTIONS_TRANSFER;
    }

    /** The provisioning zone, for lease host names given without a domain. */
    Name defaultZone() {
        return defaultZone;
    }

    private static void add(Map<Name, List<Record>> records, Record r) {
        records.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
    }

    private static ARecord a(Name owner, String key, String address) {
        return new ARecord(owner, DClass.IN, TTL, ipv4(key, address));
    }

    static InetAddress ipv4(String key, String address) {
        String[] parts = address.split("\\.", -1);
        byte[] bytes = new byte[4];
        boolean ok = parts.length == 4;
        for (int i = 0; ok && i < 4; i++) {
            ok = parts[i].matches("\\d{1,3}") && Integer.parseInt(parts[i]) < 256;
            bytes[i] = ok ? (byte) Integer.parseInt(parts[i]) : 0;
        }
        if (!ok) {
            throw new IllegalArgumentException("mtaprov.net." + key + " '" + address + "' is not an IPv4 address");
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    static Name name(String key, String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("mtaprov.net." + key + " '" + text + "' is not a DNS name: "
                    + e.getMessage(), e);
        }
    }

    private static Name concat(String prefix, Name suffix) {
        try {
            return Name.concatenate(Name.fromString(prefix), suffix);
        } catch (TextParseException | org.xbill.DNS.NameTooLongException e) {
            throw new IllegalArgumentException(prefix + "." + suffix + " is not a valid DNS name", e);
        }
    }
}
