package io.mtaprov.protocol.dhcp;

/**
 * Option 122 sub-option 3, the provisioning server (RFC 3495 section 4.3): type byte 0 and a
 * domain name in RFC 1035 label form, or type byte 1 and an IPv4 address.
 */
public sealed interface ProvisioningServer {
    /** Type byte of the FQDN form. */
    int TYPE_FQDN = 0;
    /** Type byte of the IPv4 form. */
    int TYPE_IPV4 = 1;

    /** The provisioning server by name (without trailing dot). */
    record Fqdn(String name) implements ProvisioningServer {
        /** @throws IllegalArgumentException if the name cannot be encoded as RFC 1035 labels */
        public Fqdn {
            DnsLabels.encode(name, 0, "provisioning server FQDN");
        }
    }

    /** The provisioning server by address. */
    record Address(Ipv4Address address) implements ProvisioningServer {
    }

    /** The sub-option value: type byte then the name or address. */
    default byte[] encode() {
        if (this instanceof Fqdn f) {
            byte[] v = DnsLabels.encode(f.name(), 1, "provisioning server FQDN");
            v[0] = TYPE_FQDN;
            return v;
        }
        byte[] v = new byte[5];
        v[0] = TYPE_IPV4;
        Bytes.put32(v, 1, ((Address) this).address().bits());
        return v;
    }

    /** Decodes a sub-option 3 value. */
    static ProvisioningServer decode(byte[] v) throws io.mtaprov.protocol.DecodeException {
        if (v.length == 0) {
            throw new io.mtaprov.protocol.DecodeException(0, "option 122 sub-option 3 is empty");
        }
        if (v[0] == TYPE_FQDN) {
            return new Fqdn(DnsLabels.decode(v, 1, "option 122 sub-option 3 FQDN"));
        }
        if (v[0] == TYPE_IPV4) {
            if (v.length != 5) {
                throw new io.mtaprov.protocol.DecodeException(0,
                        "option 122 sub-option 3 with type 1 must be 5 bytes, found " + v.length);
            }
            return new Address(new Ipv4Address(Bytes.i32(v, 1)));
        }
        throw new io.mtaprov.protocol.DecodeException(0,
                "option 122 sub-option 3 has unknown type " + (v[0] & 0xff) + " (0 FQDN, 1 IPv4)");
    }
}
