package io.mtaprov.protocol.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClientConfigurationTest {

    @Test
    void decodesAllTenSubOptions() throws DecodeException {
        ClientConfiguration c = ClientConfiguration.decode(Hex.bytes(Vectors.OPTION_122));
        assertThat(c.primaryDhcpServer()).contains(Ipv4Address.parse("10.0.0.1"));
        assertThat(c.secondaryDhcpServer()).contains(Ipv4Address.parse("10.0.0.2"));
        assertThat(c.provisioningServer()).contains(new ProvisioningServer.Fqdn("mps.example.com"));
        assertThat(c.asReqBackoff()).contains(new KerberosBackoff(100, 10, 5));
        assertThat(c.apReqBackoff()).contains(new KerberosBackoff(200, 20, 3));
        assertThat(c.kerberosRealm()).contains("EXAMPLE.COM");
        assertThat(c.tgsUtilization()).hasValue(1);
        assertThat(c.provisioningTimer()).hasValue(10);
        assertThat(c.ticketControl()).hasValue(ClientConfiguration.INVALIDATE_PROVISIONING_TICKETS
                | ClientConfiguration.INVALIDATE_ALL_CMS_TICKETS);
        assertThat(c.kdcServers()).containsExactly(Ipv4Address.parse("10.0.0.88"), Ipv4Address.parse("10.0.0.89"));
    }

    @Test
    void decodesOption122RealmInLabelForm() throws DecodeException {
        // RFC 3495 section 4.6: realm as RFC 1035 labels, "BASIC.1" = 05 BASIC 01 '1' 00
        assertThat(ClientConfiguration.decode(Hex.bytes(Vectors.REALM_BASIC_1)).kerberosRealm()).contains("BASIC.1");
    }

    @Test
    void encodesRealmInLabelFormNotPlainAscii() {
        byte[] v = ClientConfiguration.builder().kerberosRealm("BASIC.1").build().encode();
        assertThat(v).isEqualTo(Hex.bytes(Vectors.REALM_BASIC_1));
    }

    @Test
    void builderProducesTheRfcVectorByteExact() {
        ClientConfiguration c = ClientConfiguration.builder()
                .primaryDhcpServer(Ipv4Address.parse("10.0.0.1"))
                .secondaryDhcpServer(Ipv4Address.parse("10.0.0.2"))
                .provisioningServer("mps.example.com")
                .asReqBackoff(new KerberosBackoff(100, 10, 5))
                .apReqBackoff(new KerberosBackoff(200, 20, 3))
                .kerberosRealm("EXAMPLE.COM.")
                .tgsUtilization(true)
                .provisioningTimer(10)
                .ticketControl(3)
                .kdcServers(List.of(Ipv4Address.parse("10.0.0.88"), Ipv4Address.parse("10.0.0.89")))
                .build();
        assertThat(c.encode()).isEqualTo(Hex.bytes(Vectors.OPTION_122));
        assertThat(c.toOption().code()).isEqualTo(122);
    }

    @Test
    void roundTripsUnknownSubOptionsByteExactInTheirPlace() throws DecodeException {
        byte[] v = Hex.bytes("63 03 010203 " + Vectors.REALM_BASIC_1 + " 0b 00");
        ClientConfiguration c = ClientConfiguration.decode(ByteBuffer.wrap(v));
        assertThat(c.encode()).isEqualTo(v);
        assertThat(c.subOptions().size()).isEqualTo(3);
        assertThat(c.subOptions().get(99)).hasValueSatisfying(b -> assertThat(b).isEqualTo(Hex.bytes("010203")));
        assertThat(c.toBuilder().provisioningTimer(5).build().encode())
                .isEqualTo(Hex.bytes("63 03 010203 " + Vectors.REALM_BASIC_1 + " 0b 00 08 01 05"));
    }

    @Test
    void decodesProvisioningServerAsIpv4WithTypeByte1() throws DecodeException {
        // RFC 3495 section 4.3: type 1 + 4-byte address
        ClientConfiguration c = ClientConfiguration.decode(Hex.bytes("03 05 01 0a000005"));
        assertThat(c.provisioningServer()).contains(new ProvisioningServer.Address(Ipv4Address.parse("10.0.0.5")));
        assertThat(ClientConfiguration.builder()
                .provisioningServer(new ProvisioningServer.Address(Ipv4Address.parse("10.0.0.5"))).build().encode())
                .isEqualTo(Hex.bytes("03 05 01 0a000005"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "01 03 0a0000",            // address too short
        "02 05 0a00000101",        // address too long
        "03 05 00 03 6d7073",      // FQDN without terminating zero
        "03 07 00 03 6d7073 00 00",  // bytes after the FQDN root label
        "03 02 01 0a",             // IPv4 type with 1 byte
        "03 05 02 0a000005",       // unknown type
        "03 00",                   // empty
        "03 04 00 c0 0c 00",       // compression pointer
        "04 0b 00000064 0000000a 000000", // 11 bytes
        "05 0d 00000064 0000000a 00000005 00",
        "06 08 05 4241534943 01 31", // realm without root label
        "06 09 08 4241534943 01 31 00", // label runs past end
        "06 01 00",                // empty realm
        "06 04 02 41e9 00",        // non-ASCII label byte
        "06 04 02 412e 00",        // dot inside a label
        "06 0a 05 4241534943 01 31 00 00", // bytes after the root label
        "07 02 0101",
        "08 00",
        "09 01 03",
        "0a 06 0a000058 0a00",     // KDC list not multiple of 4
        "0a 00",                   // empty KDC list
        "01 04 0a000001 06",       // truncated: no length byte
        "06 09 05 4241"            // truncated: runs past option
    })
    void rejectsMalformedOption122(String hex) {
        assertThatThrownBy(() -> ClientConfiguration.decode(Hex.bytes(hex))).isInstanceOf(DecodeException.class);
    }

    @Test
    void rejectsTruncatedOption122WithOffsetOfTheSubOption() {
        assertThatThrownBy(() -> ClientConfiguration.decode(Hex.bytes("07 01 01 06 09 05 4241")))
                .isInstanceOf(DecodeException.class)
                .extracting(e -> ((DecodeException) e).offset()).isEqualTo(3);
    }

    @Test
    void rejectsMalformedDuplicateEvenIfTheFirstInstanceIsValid() {
        assertThatThrownBy(() -> ClientConfiguration.decode(Hex.bytes("08 01 05 08 02 0505")))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void firstInstanceOfARepeatedSubOptionWins() throws DecodeException {
        assertThat(ClientConfiguration.decode(Hex.bytes("08 01 05 08 01 07")).provisioningTimer()).hasValue(5);
    }

    @Test
    void acceptsProvisioningTimerOutOfRangeOnDecodeButNotInBuilder() throws DecodeException {
        assertThat(ClientConfiguration.decode(Hex.bytes("08 01 ff")).provisioningTimer()).hasValue(255);
        assertThatThrownBy(() -> ClientConfiguration.builder().provisioningTimer(31))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientConfiguration.builder().ticketControl(0x10000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderRejectsNamesThatLabelsCannotCarry() {
        assertThatThrownBy(() -> ClientConfiguration.builder().kerberosRealm("A..B")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientConfiguration.builder().kerberosRealm("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientConfiguration.builder().provisioningServer("x".repeat(64) + ".com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientConfiguration.builder().provisioningServer("m\u00e9.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientConfiguration.builder().kdcServers(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientConfiguration.builder().subOption(1, new byte[3]).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KerberosBackoff(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyOption122HasNoSubOptions() throws DecodeException {
        ClientConfiguration c = ClientConfiguration.decode(new byte[0]);
        assertThat(c.kerberosRealm()).isEmpty();
        assertThat(c.kdcServers()).isEmpty();
        assertThat(c.tgsUtilization()).isEmpty();
        assertThat(c.ticketControl()).isEmpty();
        assertThat(c.provisioningServer()).isEmpty();
        assertThat(c.encode()).isEmpty();
    }

    @Test
    void removeDropsTheSubOptionAndEqualityFollowsTheBytes() throws DecodeException {
        ClientConfiguration c = ClientConfiguration.decode(Hex.bytes(Vectors.OPTION_122));
        ClientConfiguration d = c.toBuilder().remove(ClientConfiguration.KDC_SERVERS).build();
        assertThat(d.kdcServers()).isEmpty();
        assertThat(d).isNotEqualTo(c);
        assertThat(ClientConfiguration.decode(c.encode())).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.toString()).startsWith("ClientConfiguration[1=0a000001");
    }
}
