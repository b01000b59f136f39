package io.mtaprov.server.kdc.ap;

import java.time.Duration;
import java.time.Instant;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.common.EncryptionUtil;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.NameType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.apache.kerby.kerberos.kerb.type.base.TransitedEncoding;
import org.apache.kerby.kerberos.kerb.type.base.TransitedEncodingType;
import org.apache.kerby.kerberos.kerb.type.ticket.EncTicketPart;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlags;

/**
 * A ticket to a service issued directly with the service's key, the way the KDC speaks to the
 * provisioning server in the MTA FQDN protocol (it holds that key) and tests stand in for the KDC
 * (RFC 4120 5.3: EncTicketPart sealed with key usage 2). Stateless.
 */
public final class ServiceTickets {
    private ServiceTickets() {
    }

    /** A ticket and its session key (keep the key out of logs). */
    public record Issued(Ticket ticket, EncryptionKey sessionKey) {
        @Override
        public String toString() {
            return "Issued[ticket for " + ticket.getSname().getName() + ", session key not shown]";
        }
    }

    /** Issues a ticket of {@code client} (name@REALM) to the service of {@code keys}, valid for {@code lifetime}. */
    public static Issued issue(ServiceKeys keys, String client, Instant now, Duration lifetime) throws KrbException {
        EncryptionKey service = keys.keys().values().iterator().next();
        EncryptionKey session = EncryptionHandler.random2Key(service.getKeyType());
        int at = client.lastIndexOf('@');
        EncTicketPart part = new EncTicketPart();
        part.setFlags(new TicketFlags());
        part.setKey(session);
        part.setCrealm(client.substring(at + 1));
        part.setCname(new PrincipalName(client.substring(0, at), NameType.NT_PRINCIPAL));
        TransitedEncoding tr = new TransitedEncoding();
        tr.setTrType(TransitedEncodingType.DOMAIN_X500_COMPRESS);
        tr.setContents(new byte[0]);
        part.setTransited(tr);
        part.setAuthTime(new KerberosTime(now.toEpochMilli() / 1000 * 1000));
        part.setEndTime(new KerberosTime(now.plus(lifetime).toEpochMilli() / 1000 * 1000));
        String name = keys.principal();
        int mat = name.lastIndexOf('@');
        Ticket t = new Ticket();
        t.setTktKvno(5);
        t.setRealm(name.substring(mat + 1));
        t.setSname(new PrincipalName(name.substring(0, mat), NameType.NT_SRV_INST));
        t.setEncryptedEncPart(EncryptionUtil.seal(part, service, KeyUsage.KDC_REP_TICKET));
        return new Issued(t, session);
    }
}
