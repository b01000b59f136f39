package io.mtaprov.protocol.km;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How both ends of Kerberized key management turn the AP Reply's sub-key into the SNMPv3 USM keys
 * and the SHA-1 HMACs of the KM messages (PKT-SP-SEC, "Kerberized Key Management" and its key
 * derivation section). <b>Not confirmed against the specification text</b> (PROTOCOL.md marks it
 * [check]; the text was not available to us), so every assumption sits here, in one place:
 * <ul>
 * <li>F(S, label) = P_SHA-1(S, label), the TLS 1.0 expansion (RFC 2246 section 5): A(0) = label,
 * A(i) = HMAC-SHA1(S, A(i-1)), output = HMAC-SHA1(S, A(1) + label) + HMAC-SHA1(S, A(2) + label) + ...;</li>
 * <li>S is the key data of the sub-key the provisioning server puts in the KRB_AP_REP;</li>
 * <li>USM authentication key (used as the localized key, RFC 3414 2.6, at both engines) = the first
 * 16 (HMAC-MD5-96) or 20 (HMAC-SHA1-96) bytes of F(S, {@value #AUTH_LABEL});</li>
 * <li>USM privacy key (DES-CBC, RFC 3414 8.1.1.1: 8 bytes DES key then 8 bytes pre-IV) = the first
 * 16 bytes of F(S, {@value #PRIV_LABEL});</li>
 * <li>the AP Request HMAC is HMAC-SHA1 keyed with the ticket's session key over the message up to
 * the HMAC; the AP Reply HMAC is keyed with S over the message up to the HMAC; Security Parameter
 * Recovered carries HMAC-SHA1 keyed with S over its 3-byte header (Wireshark: "HMAC of the subkey of
 * the preceding AP-REP").</li>
 * </ul>
 * Stateless, thread-safe. Never logs.
 */
public final class SnmpKeyDerivation {
    /** Label of the USM authentication key (assumed). */
    public static final String AUTH_LABEL = "SNMPv3 authentication key";
    /** Label of the USM privacy key (assumed). */
    public static final String PRIV_LABEL = "SNMPv3 privacy key";
    /** HMAC-MD5-96 key length (RFC 3414 6). */
    public static final int MD5_KEY = 16;
    /** HMAC-SHA1-96 key length (RFC 3414 7). */
    public static final int SHA1_KEY = 20;
    /** DES key + pre-IV (RFC 3414 8). */
    public static final int DES_KEY = 16;

    private SnmpKeyDerivation() {
    }

    /** The USM authentication key for the ciphersuite's authentication algorithm (0x21 MD5, 0x22 SHA1). */
    public static byte[] authKey(byte[] subkey, Ciphersuite suite) {
        int n = switch (suite.authentication()) {
            case Ciphersuite.SNMP_AUTH_HMAC_MD5 -> MD5_KEY;
            case Ciphersuite.SNMP_AUTH_HMAC_SHA1 -> SHA1_KEY;
            default -> throw new IllegalArgumentException("not an SNMPv3 authentication algorithm: "
                    + suite.authentication());
        };
        return expand(subkey, AUTH_LABEL, n);
    }

    /** The USM privacy key (16 bytes) for DES, or an empty array for privacy none (0x20). */
    public static byte[] privKey(byte[] subkey, Ciphersuite suite) {
        return switch (suite.encryption()) {
            case Ciphersuite.SNMP_PRIV_NONE -> new byte[0];
            case Ciphersuite.SNMP_PRIV_DES -> expand(subkey, PRIV_LABEL, DES_KEY);
            default -> throw new IllegalArgumentException("not an SNMPv3 privacy transform: " + suite.encryption());
        };
    }

    /** F(S, label): {@code length} bytes of P_SHA-1. */
    public static byte[] expand(byte[] secret, String label, int length) {
        byte[] seed = label.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[length];
        byte[] a = seed;
        int done = 0;
        while (done < length) {
            a = hmacSha1(secret, a);
            byte[] block = hmacSha1(secret, concat(a, seed));
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    /** HMAC-SHA1 over {@code data[0..length)} (the message without its trailing HMAC). */
    public static byte[] messageHmac(byte[] key, byte[] data, int length) {
        return hmacSha1(key, Arrays.copyOf(data, length));
    }

    /** HMAC-SHA1 (RFC 2104). */
    public static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
