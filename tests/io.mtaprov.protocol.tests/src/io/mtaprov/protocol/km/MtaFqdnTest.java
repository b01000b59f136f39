package io.mtaprov.protocol.km;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.protocol.DecodeException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MtaFqdnTest {
    static final byte[] MAC = HexFormat.of().parseHex("001122334455");
    static final byte[] KEY_HASH = KerberosFixtures.filler(20);
    /**
     * Request user data: type 1, enterprise 4491, version 1, MAC 00:11:22:33:44:55, key hash,
     * revocation 0. Hand-built after PKT-SP-SEC's MTA FQDN request; tshark 4.0.17 agrees.
     */
    static final String REQUEST = "01" + "0000118b" + "01" + "001122334455" + HexFormat.of().formatHex(KEY_HASH)
            + "00000000";
    /** Reply user data: "mta1.example.com" then 10.0.0.88, no length, no NUL. */
    static final String REPLY = "02" + "0000118b" + "01" + "6d7461312e6578616d706c652e636f6d" + "0a000058";

    static MtaFqdnUserData.Request request() {
        return new MtaFqdnUserData.Request(MtaFqdnUserData.CABLELABS, 1, MAC, KEY_HASH, 0);
    }

    static MtaFqdnUserData.Reply reply() throws Exception {
        return new MtaFqdnUserData.Reply(MtaFqdnUserData.CABLELABS, 1, "mta1.example.com",
                (Inet4Address) InetAddress.getByName("10.0.0.88"));
    }

    private static MtaFqdnUserData decode(String hex) throws DecodeException {
        return MtaFqdnUserData.decode(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
    }

    @Test
    void encodesAndDecodesRequestVector() throws DecodeException {
        assertThat(HexFormat.of().formatHex(request().encode())).isEqualTo(REQUEST);
        assertThat(decode(REQUEST)).isEqualTo(request());
        assertThat(request().revoked()).isEmpty();
    }

    @Test
    void encodesAndDecodesReplyVector() throws Exception {
        assertThat(HexFormat.of().formatHex(reply().encode())).isEqualTo(REPLY);
        assertThat(decode(REPLY)).isEqualTo(reply());
    }

    @Test
    void roundTripsErrorReply() throws DecodeException {
        MtaFqdnUserData e = new MtaFqdnUserData.ErrorReply(MtaFqdnUserData.CABLELABS, 1, 2);
        assertThat(MtaFqdnUserData.decode(ByteBuffer.wrap(e.encode()))).isEqualTo(e);
    }

    @Test
    void rejectsReplyWithoutFqdn() {
        assertThatThrownBy(() -> decode("02" + "0000118b" + "01" + "0a000058"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("FQDN");
    }

    @Test
    void rejectsUnknownTypeAndTrailingBytes() {
        assertThatThrownBy(() -> decode("04" + "0000118b" + "01")).isInstanceOf(DecodeException.class)
                .hasMessageContaining("type 4");
        assertThatThrownBy(() -> decode(REQUEST + "00")).isInstanceOf(DecodeException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void messageRoundTripsAndExposesUserData() throws Exception {
        MtaFqdnMessage m = new MtaFqdnMessage(KerberosFixtures.apRep(),
                KerberosFixtures.krbSafe(reply().encode()));
        MtaFqdnMessage back = MtaFqdnMessage.decode(ByteBuffer.wrap(m.encode()));
        assertThat(back).isEqualTo(m);
        assertThat(back.isRequest()).isFalse();
        assertThat(back.userData()).isEqualTo(reply());
    }

    @Test
    void messageRejectsBadUserDataInsideKrbSafe() {
        byte[] payload = new MtaFqdnMessage(KerberosFixtures.apReq(),
                KerberosFixtures.krbSafe(new byte[] {9})).encode();
        assertThatThrownBy(() -> MtaFqdnMessage.decode(ByteBuffer.wrap(payload)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("KRB_SAFE user data");
    }

    @Test
    void messageRejectsMissingKrbSafe() {
        byte[] payload = KerberosFixtures.apReq();
        assertThatThrownBy(() -> MtaFqdnMessage.decode(ByteBuffer.wrap(payload)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("KRB_SAFE");
    }
}
