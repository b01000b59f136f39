package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Rekey, KMMID 5 (PKT-SP-SEC, server to MTA): server nonce (4), server principal (ASCII,
 * NUL-terminated), timestamp {@code YYMMDDhhmmssZ} (13 ASCII, UTC), application specific data,
 * ciphersuites (count + pairs), security parameter lifetime (4), grace period (4), re-establish
 * flag (1), SHA-1 HMAC (20). Note: PKT-SP-SEC uses Rekey for the IPsec DOI (CMS); Wireshark 4.0
 * dissects Rekey application data only for DOI IPsec and marks an SNMPv3 Rekey malformed. The
 * codec accepts both DOIs. Two-digit years are read as 2000..2099.
 *
 * @param header DOI and version
 * @param serverNonce opaque 32-bit nonce
 * @param serverPrincipal printable ASCII
 * @param timestamp whole seconds, year 2000..2099
 * @param applicationData of the header's DOI
 * @param ciphersuites at most 255
 * @param lifetimeSeconds 0..2^32-1
 * @param gracePeriodSeconds 0..2^32-1
 * @param reestablish re-establish flag
 * @param hmac 20 bytes; copied in and out
 */
public record Rekey(KmHeader header, int serverNonce, String serverPrincipal, Instant timestamp,
        ApplicationData applicationData, List<Ciphersuite> ciphersuites, long lifetimeSeconds,
        long gracePeriodSeconds, boolean reestablish, byte[] hmac) implements KmMessage {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    private static final int TIMESTAMP_LENGTH = 13;

    /** @throws IllegalArgumentException on a bad principal, timestamp, DOI mismatch, sizes */
    public Rekey {
        KmCodec.principal(serverPrincipal);
        int year = timestamp.atZone(ZoneOffset.UTC).getYear();
        if (year < 2000 || year > 2099 || !timestamp.truncatedTo(ChronoUnit.SECONDS).equals(timestamp)) {
            throw new IllegalArgumentException("timestamp must be whole seconds in 2000..2099: " + timestamp);
        }
        ApplicationData.check(applicationData, header);
        ciphersuites = Ciphersuite.checkedList(ciphersuites);
        KmCodec.u32(lifetimeSeconds, "lifetime");
        KmCodec.u32(gracePeriodSeconds, "grace period");
        hmac = KmCodec.hmac(hmac);
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int kmmid() {
        return KMMID_REKEY;
    }

    @Override
    public byte[] encode() {
        WireWriter w = KmCodec.start(this).u32(serverNonce).cString(serverPrincipal)
                .bytes(TIMESTAMP.format(timestamp).getBytes(StandardCharsets.US_ASCII))
                .bytes(applicationData.encode());
        Ciphersuite.encodeList(w, ciphersuites);
        return w.u32(lifetimeSeconds).u32(gracePeriodSeconds).flag(reestablish).bytes(hmac).toBytes();
    }

    /** Decodes a whole UDP payload that must be a Rekey. */
    public static Rekey decode(ByteBuffer payload) throws DecodeException {
        return KmCodec.decode(payload, Rekey.class);
    }

    static Rekey decodeBody(KmHeader h, WireReader r) throws DecodeException {
        int nonce = r.s32("server nonce");
        String principal = r.cString("server principal");
        int at = r.offset();
        String text = WireReader.ascii(r.bytes(TIMESTAMP_LENGTH, "timestamp"), at, "timestamp");
        Instant timestamp;
        try {
            timestamp = Instant.from(TIMESTAMP.parse(text));
        } catch (DateTimeParseException e) {
            throw new DecodeException(at, "timestamp is not YYMMDDhhmmssZ: " + text, e);
        }
        ApplicationData data = ApplicationData.decode(r, h.doi());
        List<Ciphersuite> suites = Ciphersuite.decodeList(r);
        long lifetime = r.u32("security parameter lifetime");
        long grace = r.u32("grace period");
        boolean reestablish = r.flag("re-establish flag");
        return new Rekey(h, nonce, principal, timestamp, data, suites, lifetime, grace, reestablish,
                r.bytes(HMAC_LENGTH, "SHA-1 HMAC"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rekey k && header.equals(k.header) && serverNonce == k.serverNonce
                && serverPrincipal.equals(k.serverPrincipal) && timestamp.equals(k.timestamp)
                && applicationData.equals(k.applicationData) && ciphersuites.equals(k.ciphersuites)
                && lifetimeSeconds == k.lifetimeSeconds && gracePeriodSeconds == k.gracePeriodSeconds
                && reestablish == k.reestablish && Arrays.equals(hmac, k.hmac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, serverNonce, serverPrincipal, timestamp, applicationData,
                ciphersuites, lifetimeSeconds, gracePeriodSeconds, reestablish, Arrays.hashCode(hmac));
    }

    @Override
    public String toString() {
        return String.format("Rekey[%s, nonce=%08x, %s, %s, %s, %s, lifetime=%ds, grace=%ds,"
                + " reestablish=%s, hmac=%s]", header, serverNonce, serverPrincipal, timestamp,
                applicationData, ciphersuites, lifetimeSeconds, gracePeriodSeconds, reestablish,
                HexFormat.of().formatHex(hmac));
    }
}
