package io.mtaprov.core.lease;

import java.time.Instant;

/**
 * A DHCP lease as the DHCP server granted it and the provisioning server reads it (step 5b).
 * Immutable.
 *
 * @param mac         client hardware address, lower-case colon hex
 * @param ip          leased IPv4 address, dotted
 * @param scope       the CMTS scope (named network selected by giaddr) it came through
 * @param clientClass "pktc" (MTA), "docsis" (cable modem) or "other", from option 60
 * @param vendorClass option 60 as sent, "" when absent
 * @param hostname    the MTA's FQDN (hostname + zone) registered in DNS, "" when none
 * @param relayInfo   option 82 as sent by the relay (hex), "" when absent
 * @param state       OFFERED, BOUND, RELEASED, EXPIRED or DECLINED
 * @param start       when it was granted
 * @param expires     when it ends unless renewed
 * @param realm       the realm the DHCP server sent in option 122 sub-option 6 (it selects the MTA's
 *                    flow, {@code Flow.fromRealm}); "" when none was sent (not an MTA, or a lease
 *                    stored before schema version 4)
 */
public record Lease(String mac, String ip, String scope, String clientClass, String vendorClass, String hostname,
        String relayInfo, State state, Instant start, Instant expires, String realm) {

    /** Null realm becomes "". */
    public Lease {
        realm = realm == null ? "" : realm;
    }

    /** A lease without a realm (not an MTA, or the realm is not known). */
    public Lease(String mac, String ip, String scope, String clientClass, String vendorClass, String hostname,
            String relayInfo, State state, Instant start, Instant expires) {
        this(mac, ip, scope, clientClass, vendorClass, hostname, relayInfo, state, start, expires, "");
    }

    /** The same lease in another state with another end (RELEASED, DECLINED, EXPIRED, ...). */
    public Lease with(State newState, Instant newExpires) {
        return new Lease(mac, ip, scope, clientClass, vendorClass, hostname, relayInfo, newState, start, newExpires,
                realm);
    }

    /** Lease states (RFC 2131 section 4.3). */
    public enum State {
        OFFERED, BOUND, RELEASED, EXPIRED, DECLINED
    }

    public boolean isActiveAt(Instant t) {
        return (state == State.BOUND || state == State.OFFERED) && t.isBefore(expires);
    }
}
