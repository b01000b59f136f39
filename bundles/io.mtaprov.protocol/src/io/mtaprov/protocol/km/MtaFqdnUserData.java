package io.mtaprov.protocol.km;

import io.mtaprov.protocol.DecodeException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The user data of the KRB_SAFE in an MTA FQDN message (PKT-SP-SEC "MTA FQDN", KDC to provisioning
 * server, UDP 2246; Wireshark {@code pktc.mtafqdn.*}): type (1), enterprise number (4, CableLabs
 * 4491), protocol version (1), then per type: request = MTA MAC (6), SHA-1 of the MTA public key
 * (20), manufacturer certificate revocation time (4, seconds since 1970, 0 = not revoked); reply =
 * MTA FQDN (ASCII, the rest minus 4, no length, no NUL) then the MTA IPv4 address (4); error = an
 * error code (1 byte: <b>unconfirmed</b>, Wireshark does not dissect the error body). Immutable.
 */
public sealed interface MtaFqdnUserData {
    /** CableLabs' IANA enterprise number. */
    int CABLELABS = 4491;
    /** Protocol version we send (the value PacketCable devices use is unconfirmed). */
    int PROTOCOL_VERSION = 1;
    /** Message type of a request. */
    int TYPE_REQUEST = 1;
    /** Message type of a reply. */
    int TYPE_REPLY = 2;
    /** Message type of an error reply. */
    int TYPE_ERROR = 3;

    /** 1 request, 2 reply, 3 error. */
    int type();

    /** Enterprise number (4491). */
    long enterprise();

    /** Protocol version, 0..255. */
    int version();

    /** The wire form. */
    default byte[] encode() {
        WireWriter w = new WireWriter().u8(type()).u32(enterprise()).u8(version());
        switch (this) {
            case Request r -> w.bytes(r.mac).bytes(r.publicKeyHash).u32(r.revocationTime);
            case Reply r -> w.bytes(r.fqdn.getBytes(StandardCharsets.US_ASCII)).bytes(r.address.getAddress());
            case ErrorReply e -> w.u8(e.errorCode);
        }
        return w.toBytes();
    }

    /** Decodes the whole user data (position to limit; consumed). */
    static MtaFqdnUserData decode(ByteBuffer b) throws DecodeException {
        WireReader r = new WireReader(b);
        int type = r.u8("message type");
        long enterprise = r.u32("enterprise number");
        int version = r.u8("protocol version");
        MtaFqdnUserData d = switch (type) {
            case TYPE_REQUEST -> new Request(enterprise, version, r.bytes(6, "MTA MAC"),
                    r.bytes(20, "public key hash"), r.u32("revocation time"));
            case TYPE_REPLY -> {
                int at = r.offset();
                if (r.remaining() < 5) {
                    throw new DecodeException(at, "reply needs an FQDN and 4 address bytes");
                }
                String fqdn = WireReader.ascii(r.bytes(r.remaining() - 4, "FQDN"), at, "FQDN");
                yield new Reply(enterprise, version, fqdn, ipv4(r.bytes(4, "MTA address")));
            }
            case TYPE_ERROR -> new ErrorReply(enterprise, version, r.u8("error code"));
            default -> throw new DecodeException(0, "unknown MTA FQDN message type " + type);
        };
        r.end();
        return d;
    }

    private static Inet4Address ipv4(byte[] a) {
        try {
            return (Inet4Address) InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    private static void check(long enterprise, int version) {
        KmCodec.u32(enterprise, "enterprise number");
        if ((version & ~0xff) != 0) {
            throw new IllegalArgumentException("version must fit a byte: " + version);
        }
    }

    /**
     * MTA FQDN Request (type 1).
     *
     * @param mac the MTA's MAC address, 6 bytes
     * @param publicKeyHash SHA-1 of the MTA's public key, 20 bytes
     * @param revocationTime manufacturer certificate revocation time, seconds; 0 = not revoked
     */
    record Request(long enterprise, int version, byte[] mac, byte[] publicKeyHash, long revocationTime)
            implements MtaFqdnUserData {
        /** @throws IllegalArgumentException on wrong sizes or ranges */
        public Request {
            check(enterprise, version);
            mac = sized(mac, 6, "MAC");
            publicKeyHash = sized(publicKeyHash, 20, "public key hash");
            KmCodec.u32(revocationTime, "revocation time");
        }

        private static byte[] sized(byte[] b, int n, String what) {
            if (b.length != n) {
                throw new IllegalArgumentException(what + " must be " + n + " bytes, got " + b.length);
            }
            return b.clone();
        }

        @Override
        public int type() {
            return TYPE_REQUEST;
        }

        @Override
        public byte[] mac() {
            return mac.clone();
        }

        @Override
        public byte[] publicKeyHash() {
            return publicKeyHash.clone();
        }

        /** When the manufacturer certificate was revoked, if it was. */
        public Optional<Instant> revoked() {
            return revocationTime == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(revocationTime));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && enterprise == r.enterprise && version == r.version
                    && Arrays.equals(mac, r.mac) && Arrays.equals(publicKeyHash, r.publicKeyHash)
                    && revocationTime == r.revocationTime;
        }

        @Override
        public int hashCode() {
            return Objects.hash(enterprise, version, Arrays.hashCode(mac), Arrays.hashCode(publicKeyHash),
                    revocationTime);
        }

        @Override
        public String toString() {
            return "MtaFqdnRequest[mac=" + HexFormat.ofDelimiter(":").formatHex(mac) + ", keyHash="
                    + HexFormat.of().formatHex(publicKeyHash) + ", revocationTime=" + revocationTime + "]";
        }
    }

    /**
     * MTA FQDN Reply (type 2).
     *
     * @param fqdn the MTA's FQDN, printable ASCII, not empty
     * @param address the MTA's IPv4 address (0.0.0.0 if not supplied)
     */
    record Reply(long enterprise, int version, String fqdn, Inet4Address address) implements MtaFqdnUserData {
        /** @throws IllegalArgumentException on an empty or non-ASCII FQDN */
        public Reply {
            check(enterprise, version);
            if (fqdn.isEmpty()) {
                throw new IllegalArgumentException("FQDN must not be empty");
            }
            KmCodec.principal(fqdn);
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int type() {
            return TYPE_REPLY;
        }
    }

    /**
     * MTA FQDN Error Reply (type 3).
     *
     * @param errorCode 0..255 (size unconfirmed)
     */
    record ErrorReply(long enterprise, int version, int errorCode) implements MtaFqdnUserData {
        /** @throws IllegalArgumentException if a value does not fit */
        public ErrorReply {
            check(enterprise, version);
            if ((errorCode & ~0xff) != 0) {
                throw new IllegalArgumentException("error code must fit a byte: " + errorCode);
            }
        }

        @Override
        public int type() {
            return TYPE_ERROR;
        }
    }
}
