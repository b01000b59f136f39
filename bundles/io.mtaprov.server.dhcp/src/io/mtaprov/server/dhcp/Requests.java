package io.mtaprov.server.dhcp;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Flow;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import java.util.Optional;

/**
 * The handlers of the five client messages (RFC 2131 section 4.3): DISCOVER -> OFFER (4.3.1),
 * REQUEST -> ACK/NAK in the SELECTING, INIT-REBOOT and RENEWING/REBINDING states (4.3.2), DECLINE
 * (4.3.3), RELEASE (4.3.4) and INFORM (4.3.5). Confined to the receive thread.
 */
final class Requests {
    /** How long a declined address is kept out of the pools (RFC 2131 section 4.3.3 leaves it open). */
    static final long DECLINE_HOLD_MILLIS = 3_600_000;
    private final DhcpEngine e;

    Requests(DhcpEngine engine) {
        this.e = engine;
    }

    void discover(DhcpEngine.Req r) {
        Scope scope = e.scope(r);
        if (scope == null || !e.mtaReady(r, scope)) {
            return;
        }
        int ip = e.choose(r, scope, DhcpEngine.requestedIp(r.m()));
        if (ip == 0) {
            e.reject(r, scope.pool(r.cls()).isEmpty() ? "scope " + scope.name() + " serves no " + r.cls().key()
                    + " clients (no pool for that class)" : "no free " + r.cls().key() + " address in scope "
                    + scope.name() + " (pool exhausted)");
            return;
        }
        Lease offer = e.lease(r, scope, ip, Lease.State.OFFERED, r.now(), r.now() + e.config.offerHoldMillis());
        LeaseTable.Binding b = e.table.byMac(r.mac());
        if (b == null || b.ip() != ip || !b.activeAt(r.now()) || b.lease().state() != Lease.State.BOUND) {
            // a bound client that rediscovers keeps its binding; the address is held for the client
            // even when the Basic-flow file is not ready yet, so its retransmission gets the same
            // address and the file generated for it
            e.table.bind(offer);
        }
        var basic = e.basicFile(r, scope, offer, "no OFFER");
        if (basic != null && basic.isEmpty()) {
            return;
        }
        DhcpMessage reply = e.replies.reply(DhcpMessageType.OFFER, r.m(), scope, r.cls(), ip, true,
                r.cls() == ClientClass.PKTC ? e.hostLabel(r) : null, basic == null ? null : basic.get());
        e.send(r, reply, DhcpMessageType.OFFER, "OFFER " + offer.ip() + " (" + scope.name() + ")", details(r, offer),
                Outcome.OK);
    }

    void request(DhcpEngine.Req r) {
        Optional<Ipv4Address> sid;
        try {
            sid = r.m().options().serverId();
        } catch (DecodeException ex) {
            e.reject(r, ex.getMessage());
            return;
        }
        int requested = DhcpEngine.requestedIp(r.m());
        int ci = r.m().ciaddr().bits();
        String state;
        int ip;
        if (sid.isPresent()) {
            if (sid.get().bits() != e.config.serverId().bits()) {
                e.ignore(r, "the client chose server " + sid.get() + " (we are " + e.config.serverId() + ")");
                return;
            }
            state = "SELECTING";
            ip = requested != 0 ? requested : ci;
        } else if (requested != 0 && ci == 0) {
            state = "INIT-REBOOT";
            ip = requested;
        } else if (ci != 0) {
            state = "RENEWING/REBINDING";
            ip = ci;
        } else {
            nak(r, "REQUEST without server identifier, requested address (option 50) or ciaddr");
            return;
        }
        Scope scope = e.scope(r);
        if (scope == null) {
            return;
        }
        if (ip == 0 || !scope.contains(ip)) {
            nak(r, state + ": " + new Ipv4Address(ip) + " is not on the client's network (scope " + scope.name()
                    + ")");
            return;
        }
        if (!e.mtaReady(r, scope)) {
            nak(r, "configuration error: no option 122 can be sent in scope " + scope.name());
            return;
        }
        LeaseTable.Binding b = e.table.byMac(r.mac());
        if (b == null && state.equals("INIT-REBOOT")) {
            e.ignore(r, "INIT-REBOOT for " + new Ipv4Address(ip) + " but no record of the client: silent"
                    + " (RFC 2131 4.3.2)");
            return;
        }
        if (b != null && b.ip() != ip && (b.activeAt(r.now()) || state.equals("INIT-REBOOT"))) {
            nak(r, state + ": requested " + new Ipv4Address(ip) + " but the client's " + b.lease().state()
                    .name().toLowerCase() + " address is " + b.lease().ip());
            return;
        }
        if (!e.allowed(r, scope, ip) || !e.table.available(ip, r.mac(), r.now())) {
            nak(r, state + ": " + new Ipv4Address(ip) + (e.allowed(r, scope, ip) ? " is leased to another client"
                    + " or declined" : " is not in the " + r.cls().key() + " pool of scope " + scope.name()));
            return;
        }
        boolean renewal = b != null && b.ip() == ip && b.lease().state() == Lease.State.BOUND;
        long start = renewal ? b.lease().start().toEpochMilli() : r.now();
        Lease lease = e.lease(r, scope, ip, Lease.State.BOUND, start, r.now() + scope.leaseSeconds() * 1000);
        var basic = e.basicFile(r, scope, lease, "NAK");
        if (basic != null && basic.isEmpty()) {
            nak(r, "Basic flow: no configuration file can be named for siaddr/file");
            return;
        }
        e.table.bind(lease);
        r.ex().write = lease;
        DhcpMessage reply = e.replies.reply(DhcpMessageType.ACK, r.m(), scope, r.cls(), ip, true,
                r.cls() == ClientClass.PKTC ? e.hostLabel(r) : null, basic == null ? null : basic.get());
        e.send(r, reply, DhcpMessageType.ACK, "ACK " + lease.ip() + " (" + state + ", " + scope.name() + ")",
                details(r, lease), Outcome.OK);
    }

    void release(DhcpEngine.Req r) {
        int ci = r.m().ciaddr().bits();
        LeaseTable.Binding b = e.table.byMac(r.mac());
        if (b == null || b.ip() != ci || b.lease().state() != Lease.State.BOUND) {
            e.ignore(r, "RELEASE of " + new Ipv4Address(ci) + ": no bound lease of " + r.mac() + " for it");
            return;
        }
        Lease l = with(b.lease(), Lease.State.RELEASED, r.now());
        e.table.bind(l);
        r.ex().write = l;
        r.ex().result = Exchange.Result.ANSWERED;
        e.trace(r, ProvisioningStep.DEVICE_ACTION_REQUEST, Direction.INTERNAL, "", "released " + l.ip(), "",
                Outcome.INFO);
    }

    void decline(DhcpEngine.Req r) {
        int ip = DhcpEngine.requestedIp(r.m());
        LeaseTable.Binding b = e.table.byMac(r.mac());
        if (ip == 0 || b == null || b.ip() != ip) {
            e.ignore(r, "DECLINE of " + new Ipv4Address(ip) + ": not the address of " + r.mac());
            return;
        }
        Lease l = with(b.lease(), Lease.State.DECLINED, r.now());
        e.table.bind(l);
        e.table.conflict(ip, r.now() + DECLINE_HOLD_MILLIS);
        r.ex().write = l;
        r.ex().conflictIp = ip;
        r.ex().conflictUntil = r.now() + DECLINE_HOLD_MILLIS;
        r.ex().result = Exchange.Result.ANSWERED;
        e.trace(r, ProvisioningStep.DEVICE_ACTION_REQUEST, Direction.INTERNAL, "", "address conflict: " + l.ip()
                + " is in use by another host (DECLINE); not handed out for 1 h", "", Outcome.WARNING);
    }

    void inform(DhcpEngine.Req r) {
        Scope scope = e.scope(r);
        if (scope == null || !e.mtaReady(r, scope)) {
            return;
        }
        DhcpMessage reply = e.replies.reply(DhcpMessageType.ACK, r.m(), scope, r.cls(), 0, false,
                r.cls() == ClientClass.PKTC ? e.hostLabel(r) : null, null);
        e.send(r, reply, DhcpMessageType.ACK, "ACK to INFORM from " + r.m().ciaddr() + " (" + scope.name() + ")",
                "configuration only, no lease (RFC 2131 4.3.5)", Outcome.OK);
    }

    private void nak(DhcpEngine.Req r, String reason) {
        e.send(r, e.replies.nak(r.m(), reason), DhcpMessageType.NAK, "NAK: " + reason, "", Outcome.REJECTED);
    }

    private String details(DhcpEngine.Req r, Lease l) {
        if (r.cls() != ClientClass.PKTC) {
            return "class " + r.cls().key() + ", lease until " + l.expires();
        }
        return "option 122: provisioning server " + e.config.network().mpsFqdn() + ", realm "
                + l.realm() + " (" + Flow.fromRealm(l.realm()) + " flow); FQDN " + l.hostname()
                + (r.m().options().requests(177) && !r.m().options().requests(122) ? "; option 177 added" : "");
    }

    private static Lease with(Lease l, Lease.State state, long now) {
        return l.with(state, java.time.Instant.ofEpochMilli(now));
    }
}
