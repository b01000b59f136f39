package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * One ciphersuite of a key management message (PKT-SP-SEC, "list of ciphersuites"): an
 * authentication algorithm byte and an encryption transform byte, whose meaning depends on the
 * {@link Doi}. On the wire a list is a count (1) followed by the pairs; AP Reply carries the
 * selected suite as a one-element list.
 *
 * @param authentication authentication algorithm, 0..255
 * @param encryption encryption transform id, 0..255
 */
public record Ciphersuite(int authentication, int encryption) {
    /** SNMPv3 authentication HMAC-MD5-96. */
    public static final int SNMP_AUTH_HMAC_MD5 = 0x21;
    /** SNMPv3 authentication HMAC-SHA1-96. */
    public static final int SNMP_AUTH_HMAC_SHA1 = 0x22;
    /** SNMPv3 privacy: none. */
    public static final int SNMP_PRIV_NONE = 0x20;
    /** SNMPv3 privacy: DES-CBC. */
    public static final int SNMP_PRIV_DES = 0x21;
    /** IPsec authentication HMAC-MD5-96 (RFC 2403). */
    public static final int IPSEC_AUTH_HMAC_MD5_96 = 0x01;
    /** IPsec authentication HMAC-SHA-1-96 (RFC 2404). */
    public static final int IPSEC_AUTH_HMAC_SHA1_96 = 0x02;
    /** IPsec ESP transform 3DES. */
    public static final int IPSEC_ESP_3DES = 0x03;
    /** IPsec ESP transform NULL (RFC 2410). */
    public static final int IPSEC_ESP_NULL = 0x0b;
    /** IPsec ESP transform AES-128. */
    public static final int IPSEC_ESP_AES = 0x0c;

    /** At most this many suites fit the one-byte count. */
    public static final int MAX_COUNT = 255;

    /** @throws IllegalArgumentException if a part does not fit a byte */
    public Ciphersuite {
        if ((authentication & ~0xff) != 0 || (encryption & ~0xff) != 0) {
            throw new IllegalArgumentException("ciphersuite bytes out of range: " + authentication
                    + "/" + encryption);
        }
    }

    static List<Ciphersuite> checkedList(List<Ciphersuite> suites) {
        List<Ciphersuite> copy = List.copyOf(suites);
        if (copy.size() > MAX_COUNT) {
            throw new IllegalArgumentException("at most " + MAX_COUNT + " ciphersuites, got " + copy.size());
        }
        return copy;
    }

    static void encodeList(WireWriter w, List<Ciphersuite> suites) {
        w.u8(suites.size());
        for (Ciphersuite c : suites) {
            w.u8(c.authentication).u8(c.encryption);
        }
    }

    static List<Ciphersuite> decodeList(WireReader r) throws DecodeException {
        int n = r.u8("ciphersuite count");
        if (r.remaining() < 2 * n) {
            throw new DecodeException(r.offset(), n + " ciphersuites need " + 2 * n + " bytes, "
                    + r.remaining() + " left");
        }
        List<Ciphersuite> suites = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            suites.add(new Ciphersuite(r.u8("authentication algorithm"), r.u8("encryption transform")));
        }
        return List.copyOf(suites);
    }
}
