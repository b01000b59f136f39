package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * AP Reply, KMMID 3 (PKT-SP-SEC, server to MTA): KRB_AP_REP (RFC 4120 5.5.2, DER
 * {@code [APPLICATION 15]}, no length prefix), application specific data (per {@link Doi}), the
 * selected ciphersuite(s) (count + pairs, normally one), security parameter lifetime (4, seconds),
 * grace period (4, seconds), re-establish flag (1), ACK-required flag (1), SHA-1 HMAC (20). Layout
 * confirmed against Wireshark's {@code pktc} dissector.
 *
 * @param header DOI and version
 * @param apRep the whole KRB_AP_REP element; copied in and out
 * @param applicationData of the header's DOI
 * @param selectedCiphersuites at most 255
 * @param lifetimeSeconds security parameter lifetime, 0..2^32-1
 * @param gracePeriodSeconds 0..2^32-1
 * @param reestablish re-establish flag
 * @param ackRequired whether the MTA must answer with Security Parameter Recovered
 * @param hmac 20 bytes; copied in and out
 */
public record ApReply(KmHeader header, byte[] apRep, ApplicationData applicationData,
        List<Ciphersuite> selectedCiphersuites, long lifetimeSeconds, long gracePeriodSeconds,
        boolean reestablish, boolean ackRequired, byte[] hmac) implements KmMessage {

    /** @throws IllegalArgumentException on a bad AP-REP, DOI mismatch, sizes or ranges */
    public ApReply {
        apRep = KmCodec.der(apRep, KerberosDer.AP_REP, "KRB_AP_REP");
        ApplicationData.check(applicationData, header);
        selectedCiphersuites = Ciphersuite.checkedList(selectedCiphersuites);
        KmCodec.u32(lifetimeSeconds, "lifetime");
        KmCodec.u32(gracePeriodSeconds, "grace period");
        hmac = KmCodec.hmac(hmac);
    }

    @Override
    public byte[] apRep() {
        return apRep.clone();
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int kmmid() {
        return KMMID_AP_REPLY;
    }

    @Override
    public byte[] encode() {
        WireWriter w = KmCodec.start(this).bytes(apRep).bytes(applicationData.encode());
        Ciphersuite.encodeList(w, selectedCiphersuites);
        return w.u32(lifetimeSeconds).u32(gracePeriodSeconds).flag(reestablish).flag(ackRequired)
                .bytes(hmac).toBytes();
    }

    /** Decodes a whole UDP payload that must be an AP Reply. */
    public static ApReply decode(ByteBuffer payload) throws DecodeException {
        return KmCodec.decode(payload, ApReply.class);
    }

    static ApReply decodeBody(KmHeader h, WireReader r) throws DecodeException {
        byte[] apRep = r.der(KerberosDer.AP_REP, "KRB_AP_REP");
        ApplicationData data = ApplicationData.decode(r, h.doi());
        List<Ciphersuite> suites = Ciphersuite.decodeList(r);
        long lifetime = r.u32("security parameter lifetime");
        long grace = r.u32("grace period");
        boolean reestablish = r.flag("re-establish flag");
        boolean ack = r.flag("ACK-required flag");
        return new ApReply(h, apRep, data, suites, lifetime, grace, reestablish, ack,
                r.bytes(HMAC_LENGTH, "SHA-1 HMAC"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApReply a && header.equals(a.header) && Arrays.equals(apRep, a.apRep)
                && applicationData.equals(a.applicationData)
                && selectedCiphersuites.equals(a.selectedCiphersuites)
                && lifetimeSeconds == a.lifetimeSeconds && gracePeriodSeconds == a.gracePeriodSeconds
                && reestablish == a.reestablish && ackRequired == a.ackRequired
                && Arrays.equals(hmac, a.hmac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, Arrays.hashCode(apRep), applicationData, selectedCiphersuites,
                lifetimeSeconds, gracePeriodSeconds, reestablish, ackRequired, Arrays.hashCode(hmac));
    }

    @Override
    public String toString() {
        return String.format("ApReply[%s, AP-REP %d bytes, %s, %s, lifetime=%ds, grace=%ds,"
                + " reestablish=%s, ack=%s, hmac=%s]", header, apRep.length, applicationData,
                selectedCiphersuites, lifetimeSeconds, gracePeriodSeconds, reestablish, ackRequired,
                HexFormat.of().formatHex(hmac));
    }
}
