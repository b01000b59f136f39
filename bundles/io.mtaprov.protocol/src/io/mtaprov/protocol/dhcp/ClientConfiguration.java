package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Option 122, CableLabs Client Configuration (RFC 3495, sub-option 9 RFC 3594, sub-option 10
 * RFC 3634): what an MTA needs to find its provisioning server, realm and KDCs. Immutable; all
 * known sub-options are validated on decode (exact lengths, RFC 1035 label form), unknown ones
 * are kept byte-exact, and {@link #encode()} returns the sub-options in their original order.
 *
 * <p>Assumption: the provisioning timer (sub-option 8) is accepted with any value on decode and
 * limited to 0..30 minutes (RFC 3495 section 4.8) only by the builder.
 */
public final class ClientConfiguration {
    /** TSP's primary DHCP server address, 4 bytes, RFC 3495 section 4.1. */
    public static final int PRIMARY_DHCP_SERVER = 1;
    /** TSP's secondary DHCP server address, 4 bytes, RFC 3495 section 4.2. */
    public static final int SECONDARY_DHCP_SERVER = 2;
    /** TSP's provisioning server, type + FQDN or IPv4, RFC 3495 section 4.3. */
    public static final int PROVISIONING_SERVER = 3;
    /** AS-REQ/AS-REP backoff and retry, 12 bytes, RFC 3495 section 4.4. */
    public static final int AS_REQ_BACKOFF = 4;
    /** AP-REQ/AP-REP backoff and retry, 12 bytes, RFC 3495 section 4.5. */
    public static final int AP_REQ_BACKOFF = 5;
    /** Kerberos realm in RFC 1035 label form, RFC 3495 section 4.6. */
    public static final int KERBEROS_REALM = 6;
    /** Ticket granting server utilization, 1 byte (1 = use TGS), RFC 3495 section 4.7. */
    public static final int TGS_UTILIZATION = 7;
    /** Provisioning timer, 1 byte, minutes 0..30, RFC 3495 section 4.8. */
    public static final int PROVISIONING_TIMER = 8;
    /** Security ticket control, 2 bytes, RFC 3594 section 3. */
    public static final int TICKET_CONTROL = 9;
    /** KDC server addresses, n x 4 bytes, RFC 3634 section 2. */
    public static final int KDC_SERVERS = 10;
    /** Ticket control bit: invalidate the provisioning application server's tickets (RFC 3594). */
    public static final int INVALIDATE_PROVISIONING_TICKETS = 0x0001;
    /** Ticket control bit: invalidate all call management server tickets (RFC 3594). */
    public static final int INVALIDATE_ALL_CMS_TICKETS = 0x0002;
    /** Largest provisioning timer value, RFC 3495 section 4.8. */
    public static final int MAX_PROVISIONING_TIMER = 30;

    private final SubOptions subOptions;
    private final Ipv4Address primaryDhcp, secondaryDhcp;
    private final ProvisioningServer provisioningServer;
    private final KerberosBackoff asBackoff, apBackoff;
    private final String realm;
    private final int tgs, timer, ticketControl;
    private final List<Ipv4Address> kdcs;

    private ClientConfiguration(SubOptions s) throws DecodeException {
        subOptions = s;
        Ipv4Address p1 = null, p2 = null;
        ProvisioningServer ps = null;
        KerberosBackoff as = null, ap = null;
        String r = null;
        int t = -1, pt = -1, tc = -1;
        List<Ipv4Address> k = List.of();
        for (int i = s.size() - 1; i >= 0; i--) { // backwards: the first instance wins
            byte[] v = s.rawAt(i);
            String what = "option 122 sub-option " + s.code(i);
            switch (s.code(i)) {
                case PRIMARY_DHCP_SERVER -> p1 = address(v, what);
                case SECONDARY_DHCP_SERVER -> p2 = address(v, what);
                case PROVISIONING_SERVER -> ps = ProvisioningServer.decode(v);
                case AS_REQ_BACKOFF -> as = KerberosBackoff.decode(v, what);
                case AP_REQ_BACKOFF -> ap = KerberosBackoff.decode(v, what);
                case KERBEROS_REALM -> r = DnsLabels.decode(v, 0, what + " (Kerberos realm)");
                case TGS_UTILIZATION -> t = oneByte(v, what);
                case PROVISIONING_TIMER -> pt = oneByte(v, what);
                case TICKET_CONTROL -> {
                    Bytes.requireLength(v, 2, what);
                    tc = Bytes.u16(v, 0);
                }
                case KDC_SERVERS -> k = Ipv4Lists.decode(v, what + " (KDC addresses)");
                default -> {
                    // unknown: kept in subOptions only
                }
            }
        }
        primaryDhcp = p1;
        secondaryDhcp = p2;
        provisioningServer = ps;
        asBackoff = as;
        apBackoff = ap;
        realm = r;
        tgs = t;
        timer = pt;
        ticketControl = tc;
        kdcs = k;
    }

    private static Ipv4Address address(byte[] v, String what) throws DecodeException {
        Bytes.requireLength(v, 4, what);
        return new Ipv4Address(Bytes.i32(v, 0));
    }

    private static int oneByte(byte[] v, String what) throws DecodeException {
        Bytes.requireLength(v, 1, what);
        return v[0] & 0xff;
    }

    /** Decodes an option-122 value. */
    public static ClientConfiguration decode(byte[] value) throws DecodeException {
        return new ClientConfiguration(SubOptions.decode(value, "option 122"));
    }

    /** Decodes an option-122 value from position to limit, consuming it. */
    public static ClientConfiguration decode(ByteBuffer in) throws DecodeException {
        byte[] v = new byte[in.remaining()];
        in.get(v);
        return decode(v);
    }

    /** A builder starting empty. */
    public static ClientConfigurationBuilder builder() {
        return new ClientConfigurationBuilder(SubOptions.builder());
    }

    /** A builder holding these sub-options, in order. */
    public ClientConfigurationBuilder toBuilder() {
        return new ClientConfigurationBuilder(subOptions.toBuilder());
    }

    static ClientConfiguration of(SubOptions s) {
        try {
            return new ClientConfiguration(s);
        } catch (DecodeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Sub-option 1. */
    public Optional<Ipv4Address> primaryDhcpServer() {
        return Optional.ofNullable(primaryDhcp);
    }

    /** Sub-option 2. */
    public Optional<Ipv4Address> secondaryDhcpServer() {
        return Optional.ofNullable(secondaryDhcp);
    }

    /** Sub-option 3. */
    public Optional<ProvisioningServer> provisioningServer() {
        return Optional.ofNullable(provisioningServer);
    }

    /** Sub-option 4, AS-REQ/AS-REP backoff and retry. */
    public Optional<KerberosBackoff> asReqBackoff() {
        return Optional.ofNullable(asBackoff);
    }

    /** Sub-option 5, AP-REQ/AP-REP backoff and retry. */
    public Optional<KerberosBackoff> apReqBackoff() {
        return Optional.ofNullable(apBackoff);
    }

    /** Sub-option 6, the Kerberos realm as dotted text ({@code BASIC.1}, {@code HYBRID.2}, ...). */
    public Optional<String> kerberosRealm() {
        return Optional.ofNullable(realm);
    }

    /** Sub-option 7, raw byte (1 = use the TGS). */
    public OptionalInt tgsUtilization() {
        return tgs < 0 ? OptionalInt.empty() : OptionalInt.of(tgs);
    }

    /** Sub-option 8, minutes. */
    public OptionalInt provisioningTimer() {
        return timer < 0 ? OptionalInt.empty() : OptionalInt.of(timer);
    }

    /** Sub-option 9, the 16-bit ticket control mask. */
    public OptionalInt ticketControl() {
        return ticketControl < 0 ? OptionalInt.empty() : OptionalInt.of(ticketControl);
    }

    /** Sub-option 10, KDC addresses in order; empty if absent. */
    public List<Ipv4Address> kdcServers() {
        return kdcs;
    }

    /** All sub-options, known and unknown, in wire order. */
    public SubOptions subOptions() {
        return subOptions;
    }

    /** The option value. */
    public byte[] encode() {
        return subOptions.encode();
    }

    /** Option 122 with this value. */
    public DhcpOption toOption() {
        return DhcpOption.wrap(DhcpOptionCode.CCC, encode());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientConfiguration c && c.subOptions.equals(subOptions);
    }

    @Override
    public int hashCode() {
        return subOptions.hashCode();
    }

    @Override
    public String toString() {
        return "ClientConfiguration" + subOptions;
    }
}
