package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;
import java.util.List;

/** Decoding and encoding of n x 4-byte address lists (RFC 2132 section 3.5 and alike). Not API. */
final class Ipv4Lists {
    private Ipv4Lists() {
    }

    static List<Ipv4Address> decode(byte[] v, String what) throws DecodeException {
        if (v.length == 0 || v.length % 4 != 0) {
            throw new DecodeException(0, what + " must be a non-empty multiple of 4 bytes, found "
                    + v.length);
        }
        Ipv4Address[] a = new Ipv4Address[v.length / 4];
        for (int i = 0; i < a.length; i++) {
            a[i] = new Ipv4Address(Bytes.i32(v, 4 * i));
        }
        return List.of(a);
    }

    static byte[] encode(List<Ipv4Address> addresses, String what) {
        if (addresses.isEmpty() || addresses.size() > 63) {
            throw new IllegalArgumentException(what + " needs 1 to 63 addresses, got " + addresses.size());
        }
        byte[] b = new byte[addresses.size() * 4];
        for (int i = 0; i < addresses.size(); i++) {
            Bytes.put32(b, 4 * i, addresses.get(i).bits());
        }
        return b;
    }
}
