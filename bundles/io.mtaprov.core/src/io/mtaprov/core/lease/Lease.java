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
 */
public record Lease(String mac, String ip, String scope, String clientClass, String vendorClass, String hostname,
        String relayInfo, State state, Instant start, Instant expires) {

    /** Lease states (RFC 2131 section 4.3). */
    public enum State {
        OFFERED, BOUND, RELEASED, EXPIRED, DECLINED
    }

    public boolean isActiveAt(Instant t) {
        return (state == State.BOUND || state == State.OFFERED) && t.isBefore(expires);
    }
}
