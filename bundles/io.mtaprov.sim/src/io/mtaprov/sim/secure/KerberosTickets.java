package io.mtaprov.sim.secure;

import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;

/**
 * A ticket the MTA obtained and its session key (RFC 4120 5.4.2). Holds a key: {@link #toString()}
 * never shows it.
 *
 * @param client     the MTA's principal, {@code name@REALM}
 * @param service    the ticket's service, {@code name@REALM}
 * @param ticket     the ticket as the KDC issued it
 * @param sessionKey its session key
 */
public record KerberosTickets(String client, String service, Ticket ticket, EncryptionKey sessionKey) {
    @Override
    public String toString() {
        return "KerberosTickets[" + client + " -> " + service + ", session key not shown]";
    }
}
