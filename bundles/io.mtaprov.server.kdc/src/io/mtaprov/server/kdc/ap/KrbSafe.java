package io.mtaprov.server.kdc.ap;

import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.base.CheckSum;
import org.apache.kerby.kerberos.kerb.type.base.CheckSumType;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;

/**
 * KRB-SAFE (RFC 4120 5.6.1), which Kerby lacks: {@code [APPLICATION 20] SEQUENCE { pvno[0] 5,
 * msg-type[1] 20, safe-body[2] KRB-SAFE-BODY, cksum[3] Checksum }}, with {@code KRB-SAFE-BODY ::=
 * SEQUENCE { user-data[0], timestamp[1], usec[2], s-address[4] HostAddress }}; the checksum is the
 * keyed checksum of the enctype (RFC 3961 mandatory type) over the DER of KRB-SAFE-BODY, key usage
 * 15. The MTA FQDN protocol carries its request and reply in the user data (PKT-SP-SEC "MTA FQDN").
 * Stateless.
 */
public final class KrbSafe {
    private static final int APPLICATION_20 = 0x74;
    private static final int HOST_ADDRESS_IPV4 = 2;

    private KrbSafe() {
    }

    /** The user data and when it was sent, after the checksum verified. */
    public record Opened(byte[] userData, Instant timestamp) {
    }

    /** A KRB-SAFE carrying {@code userData}, sent from {@code sender} now, checksummed with {@code key}. */
    public static byte[] seal(byte[] userData, Inet4Address sender, EncryptionKey key, Instant now) throws KrbException {
        Instant whole = Instant.ofEpochSecond(now.getEpochSecond());
        byte[] body = Der.sequence(Der.context(0, Der.octets(userData)), Der.context(1, Der.time(whole)),
                Der.context(2, Der.integer(now.getNano() / 1000)),
                Der.context(4, Der.sequence(Der.context(0, Der.integer(HOST_ADDRESS_IPV4)),
                        Der.context(1, Der.octets(sender.getAddress())))));
        CheckSumType type = EncryptionHandler.getEncHandler(key.getKeyType()).checksumType();
        CheckSum sum = CheckSumHandler.checksumWithKey(type, body, key.getKeyData(), KeyUsage.KRB_SAFE_CKSUM);
        byte[] cksum = Der.sequence(Der.context(0, Der.integer(sum.getCksumtype().getValue())),
                Der.context(1, Der.octets(sum.getChecksum())));
        return io.mtaprov.protocol.km.KerberosDer.tlv(APPLICATION_20, Der.sequence(Der.context(0, Der.integer(5)),
                Der.context(1, Der.integer(20)), Der.context(2, body), Der.context(3, cksum)));
    }

    /** Verifies the checksum with {@code key} and the timestamp against the skew; returns the user data. */
    public static Opened open(byte[] der, EncryptionKey key, Duration skew, Instant now) throws KrbException {
        byte[] body;
        int cksumType;
        byte[] cksum;
        try {
            Der top = new Der(der, 0, der.length);
            Der app = top.inside(top.expect(APPLICATION_20));
            Der seq = app.inside(app.expect(Der.SEQUENCE));
            body = null;
            byte[] sum = null;
            int type = 0;
            while (seq.more()) {
                int[] field = seq.next();
                Der f = seq.inside(field);
                if (field[0] == 0xa2) {
                    body = f.whole(f.expect(Der.SEQUENCE));
                } else if (field[0] == 0xa3) {
                    Der c = f.inside(f.expect(Der.SEQUENCE));
                    Der t = c.inside(c.expect(0xa0));
                    type = (int) t.integer(t.expect(0x02));
                    Der v = c.inside(c.expect(0xa1));
                    sum = v.bytes(v.expect(0x04));
                }
            }
            if (body == null || sum == null) {
                throw new IllegalArgumentException("KRB-SAFE without safe-body or cksum");
            }
            cksumType = type;
            cksum = sum;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, "malformed KRB-SAFE: " + e.getMessage());
        }
        CheckSum sum = new CheckSum(CheckSumType.fromValue(cksumType), cksum);
        if (!CheckSumHandler.verifyWithKey(sum, body, key.getKeyData(), KeyUsage.KRB_SAFE_CKSUM)) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_MODIFIED, "KRB-SAFE checksum does not verify (altered, or "
                    + "another key)");
        }
        Der b = new Der(body, 0, body.length);
        Der fields = b.inside(b.expect(Der.SEQUENCE));
        byte[] userData = null;
        Instant stamp = null;
        while (fields.more()) {
            int[] field = fields.next();
            Der f = fields.inside(field);
            if (field[0] == 0xa0) {
                userData = f.bytes(f.expect(0x04));
            } else if (field[0] == 0xa1) {
                String text = new String(f.bytes(f.expect(0x18)), StandardCharsets.US_ASCII);
                stamp = Instant.from(DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'").withZone(ZoneOffset.UTC).parse(text));
            }
        }
        if (userData == null) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_MSG_TYPE, "KRB-SAFE-BODY without user-data");
        }
        if (stamp != null && Duration.between(stamp, now).abs().compareTo(skew) > 0) {
            throw new KrbException(KrbErrorCode.KRB_AP_ERR_SKEW, "KRB-SAFE timestamp " + stamp + " outside the skew");
        }
        return new Opened(userData, stamp);
    }
}
