package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Option 177, the pre-RFC PacketCable client configuration (PacketCable 1.0 "I05" CCC, shown by
 * Wireshark as "PacketCable I05 CCC"). Sent only to MTAs that ask for 177 and not for 122.
 *
 * <p>Assumptions (from memory of Wireshark's {@code dissect_packetcable_i05_ccc}, not confirmed
 * against PKT-SP-PROV-I05): 1, 2, 4, 5 are IPv4 addresses (4 bytes); 3 (SNMP entity), 6 (realm)
 * and 9 (CMS FQDN) are plain ASCII text, not labels; 7, 8 and 12 are one byte; 10 and 11 are
 * 12-byte backoff triples as in option 122. Those lengths are checked on decode; unknown
 * sub-options are kept byte-exact.
 */
public final class LegacyClientConfiguration {
    /** Primary DHCP server, 4 bytes. */
    public static final int PRIMARY_DHCP_SERVER = 1;
    /** Secondary DHCP server, 4 bytes. */
    public static final int SECONDARY_DHCP_SERVER = 2;
    /** SNMP entity (provisioning server), ASCII. */
    public static final int SNMP_ENTITY = 3;
    /** Primary DNS server, 4 bytes. */
    public static final int PRIMARY_DNS_SERVER = 4;
    /** Secondary DNS server, 4 bytes. */
    public static final int SECONDARY_DNS_SERVER = 5;
    /** Kerberos realm, ASCII. */
    public static final int KERBEROS_REALM = 6;
    /** Fetch TGT flag, 1 byte. */
    public static final int FETCH_TGT = 7;
    /** Provisioning timer, 1 byte (minutes). */
    public static final int PROVISIONING_TIMER = 8;
    /** CMS FQDN, ASCII. */
    public static final int CMS_FQDN = 9;
    /** AS-REQ/AS-REP backoff, 12 bytes. */
    public static final int AS_REQ_BACKOFF = 10;
    /** AP-REQ/AP-REP backoff, 12 bytes. */
    public static final int AP_REQ_BACKOFF = 11;
    /** Clear (MTA Kerberos) tickets flag, 1 byte. */
    public static final int CLEAR_TICKETS = 12;

    private final SubOptions subOptions;

    private LegacyClientConfiguration(SubOptions s) throws DecodeException {
        subOptions = s;
        for (int i = 0; i < s.size(); i++) {
            int expected = switch (s.code(i)) {
                case PRIMARY_DHCP_SERVER, SECONDARY_DHCP_SERVER, PRIMARY_DNS_SERVER,
                        SECONDARY_DNS_SERVER -> 4;
                case FETCH_TGT, PROVISIONING_TIMER, CLEAR_TICKETS -> 1;
                case AS_REQ_BACKOFF, AP_REQ_BACKOFF -> KerberosBackoff.LENGTH;
                default -> -1;
            };
            if (expected >= 0) {
                Bytes.requireLength(s.rawAt(i), expected, "option 177 sub-option " + s.code(i));
            }
        }
    }

    /** Decodes an option-177 value. */
    public static LegacyClientConfiguration decode(byte[] value) throws DecodeException {
        return new LegacyClientConfiguration(SubOptions.decode(value, "option 177"));
    }

    /** Decodes an option-177 value from position to limit, consuming it. */
    public static LegacyClientConfiguration decode(ByteBuffer in) throws DecodeException {
        byte[] v = new byte[in.remaining()];
        in.get(v);
        return decode(v);
    }

    /**
     * Wraps sub-options built with {@link SubOptions#builder()} and the constants of this class.
     *
     * @throws IllegalArgumentException if a known sub-option has the wrong length
     */
    public static LegacyClientConfiguration of(SubOptions s) {
        try {
            return new LegacyClientConfiguration(s);
        } catch (DecodeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Sub-option 1. */
    public Optional<Ipv4Address> primaryDhcpServer() {
        return address(PRIMARY_DHCP_SERVER);
    }

    /** Sub-option 2. */
    public Optional<Ipv4Address> secondaryDhcpServer() {
        return address(SECONDARY_DHCP_SERVER);
    }

    /** Sub-option 3. */
    public Optional<String> snmpEntity() {
        return text(SNMP_ENTITY);
    }

    /** Sub-option 4. */
    public Optional<Ipv4Address> primaryDnsServer() {
        return address(PRIMARY_DNS_SERVER);
    }

    /** Sub-option 5. */
    public Optional<Ipv4Address> secondaryDnsServer() {
        return address(SECONDARY_DNS_SERVER);
    }

    /** Sub-option 6. */
    public Optional<String> kerberosRealm() {
        return text(KERBEROS_REALM);
    }

    /** Sub-option 7. */
    public OptionalInt fetchTgt() {
        return oneByte(FETCH_TGT);
    }

    /** Sub-option 8, minutes. */
    public OptionalInt provisioningTimer() {
        return oneByte(PROVISIONING_TIMER);
    }

    /** Sub-option 9. */
    public Optional<String> cmsFqdn() {
        return text(CMS_FQDN);
    }

    /** Sub-option 10. */
    public Optional<KerberosBackoff> asReqBackoff() {
        return backoff(AS_REQ_BACKOFF);
    }

    /** Sub-option 11. */
    public Optional<KerberosBackoff> apReqBackoff() {
        return backoff(AP_REQ_BACKOFF);
    }

    /** Sub-option 12. */
    public OptionalInt clearTickets() {
        return oneByte(CLEAR_TICKETS);
    }

    /** All sub-options in wire order. */
    public SubOptions subOptions() {
        return subOptions;
    }

    /** The option value. */
    public byte[] encode() {
        return subOptions.encode();
    }

    /** Option 177 with this value. */
    public DhcpOption toOption() {
        return DhcpOption.wrap(DhcpOptionCode.LEGACY_CCC, encode());
    }

    private Optional<Ipv4Address> address(int code) {
        byte[] v = subOptions.raw(code);
        return v == null ? Optional.empty() : Optional.of(new Ipv4Address(Bytes.i32(v, 0)));
    }

    private Optional<String> text(int code) {
        byte[] v = subOptions.raw(code);
        return v == null ? Optional.empty() : Optional.of(Bytes.latin1(v));
    }

    private OptionalInt oneByte(int code) {
        byte[] v = subOptions.raw(code);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v[0] & 0xff);
    }

    private Optional<KerberosBackoff> backoff(int code) {
        byte[] v = subOptions.raw(code);
        return v == null ? Optional.empty()
                : Optional.of(new KerberosBackoff(Bytes.u32(v, 0), Bytes.u32(v, 4), Bytes.u32(v, 8)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LegacyClientConfiguration c && c.subOptions.equals(subOptions);
    }

    @Override
    public int hashCode() {
        return subOptions.hashCode();
    }

    @Override
    public String toString() {
        return "LegacyClientConfiguration" + subOptions;
    }
}
