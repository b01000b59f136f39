package io.mtaprov.server.dns;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The A records of MTAs' FQDNs, kept from their leases: one binding per MTA (MAC), name to address.
 * Several MTAs bound under one name give that name several A records.
 * <p>
 * Threading: lookups ({@link #lookup}, {@link #isEmptyNonTerminal}, {@link #macOf}) are lock-free
 * reads of concurrent maps holding immutable arrays and allocate nothing; changes are serialized on
 * this object and are rare (one per lease change).
 */
final class MtaRecords {
    /** TTL of an MTA's A record: short, since it lives only as long as the lease. */
    static final long TTL = 60;

    private record Binding(Name name, String ip) {
    }

    private final ConcurrentHashMap<Name, Record[]> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Name, Integer> ancestors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> macByIp = new ConcurrentHashMap<>();
    // guarded by this
    private final Map<String, Binding> byMac = new HashMap<>();
    private final Map<Name, Map<String, InetAddress>> owners = new HashMap<>();

    /** Binds (or moves) the MTA's name to its address; false if it was bound so already. */
    synchronized boolean bind(String mac, Name name, InetAddress ip) {
        Binding old = byMac.get(mac);
        String ipText = ip.getHostAddress();
        if (old != null && old.name().equals(name) && old.ip().equals(ipText)) {
            return false;
        }
        if (old != null) {
            unbind(mac, null);
        }
        byMac.put(mac, new Binding(name, ipText));
        macByIp.put(ipText, mac);
        Map<String, InetAddress> macs = owners.computeIfAbsent(name, n -> new LinkedHashMap<>());
        if (macs.isEmpty()) {
            countAncestors(name, +1);
        }
        macs.put(mac, ip);
        publish(name, macs);
        return true;
    }

    /**
     * Removes the MTA's binding if it is for this address (any address when ip is null), so that a
     * late release of an old lease does not remove the name of the new one.
     *
     * @return the name that was removed, or null
     */
    synchronized Name unbind(String mac, String ip) {
        Binding old = byMac.get(mac);
        if (old == null || ip != null && !old.ip().equals(ip)) {
            return null;
        }
        byMac.remove(mac);
        macByIp.remove(old.ip(), mac);
        Map<String, InetAddress> macs = owners.get(old.name());
        macs.remove(mac);
        if (macs.isEmpty()) {
            owners.remove(old.name());
            countAncestors(old.name(), -1);
        }
        publish(old.name(), macs);
        return old.name();
    }

    /** The A records of an MTA name, or null. */
    Record[] lookup(Name name) {
        return byName.get(name);
    }

    /** True if some MTA name lies below this name. */
    boolean isEmptyNonTerminal(Name name) {
        return ancestors.containsKey(name);
    }

    /** The MAC of the MTA whose lease holds this address, or null. */
    String macOf(String ip) {
        return macByIp.get(ip);
    }

    /** Remembers which MTA holds an address without publishing a name (leases with no host name). */
    void rememberAddress(String ip, String mac) {
        macByIp.put(ip, mac);
    }

    /** Forgets an address unless another MTA holds it now. */
    void forgetAddress(String ip, String mac) {
        macByIp.remove(ip, mac);
    }

    int size() {
        return byName.size();
    }

    private void publish(Name name, Map<String, InetAddress> macs) {
        if (macs.isEmpty()) {
            byName.remove(name);
            return;
        }
        Record[] records = macs.values().stream().distinct()
                .map(ip -> new ARecord(name, DClass.IN, TTL, ip)).toArray(Record[]::new);
        byName.put(name, records);
    }

    private void countAncestors(Name name, int delta) {
        for (int strip = 1; strip < name.labels() - 1; strip++) {
            ancestors.merge(new Name(name, strip), delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }
}
