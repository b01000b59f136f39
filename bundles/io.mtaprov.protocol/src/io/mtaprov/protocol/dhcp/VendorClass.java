package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Option 60, vendor class identifier (RFC 2132 section 9.13). For PacketCable MTAs
 * ({@code pktc1.0:}, {@code pktc1.5:}, {@code pktc2.0:}) and DOCSIS modems ({@code docsis3.0:} ...)
 * the text after the colon is hex ASCII (either case) of TLVs, of which TLV 5 holds the
 * {@link DeviceCapabilities} (PKT-SP-PROV1.5 section 8.2). Any other text is an opaque class
 * identifier. Immutable; {@link #encode()} returns the original bytes.
 */
public final class VendorClass {
    /** Top-level TLV holding the device (modem) capabilities. */
    public static final int CAPABILITIES_TLV = 5;

    private final byte[] raw;
    private final String text;
    private final String identifier;
    private final DeviceCapabilities capabilities;

    private VendorClass(byte[] raw, String text, String identifier, DeviceCapabilities capabilities) {
        this.raw = raw;
        this.text = text;
        this.identifier = identifier;
        this.capabilities = capabilities;
    }

    /**
     * Decodes an option-60 value.
     *
     * @throws DecodeException if a {@code pktc}/{@code docsis} class has malformed hex or TLVs
     *     (offset = character index in the value)
     */
    public static VendorClass decode(byte[] value) throws DecodeException {
        byte[] raw = value.clone();
        String text = Bytes.latin1(raw);
        int colon = text.indexOf(':');
        String id = colon < 0 ? text : text.substring(0, colon);
        boolean pktc = id.startsWith("pktc");
        if (colon < 0 || !(pktc || id.startsWith("docsis"))) {
            return new VendorClass(raw, text, id, null);
        }
        int start = colon + 1;
        if ((raw.length - start) % 2 != 0) {
            throw new DecodeException(raw.length - 1, "option 60 has an odd number of hex digits");
        }
        byte[] b = new byte[(raw.length - start) / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = Bytes.hexDigit(raw[start + 2 * i]);
            int lo = Bytes.hexDigit(raw[start + 2 * i + 1]);
            if (hi < 0 || lo < 0) {
                throw new DecodeException(start + 2 * i, "option 60 has a non-hex character after '" + id + ":'");
            }
            b[i] = (byte) (hi << 4 | lo);
        }
        DeviceCapabilities caps = null;
        int p = 0;
        while (p < b.length) {
            if (p + 1 >= b.length || p + 2 + (b[p + 1] & 0xff) > b.length) {
                throw new DecodeException(start + 2 * p, "option 60 TLV " + (b[p] & 0xff)
                        + " runs past the end of the hex data");
            }
            int len = b[p + 1] & 0xff;
            if ((b[p] & 0xff) == CAPABILITIES_TLV && caps == null) {
                caps = DeviceCapabilities.decode(pktc, b, p + 2, p + 2 + len, start, 2);
            }
            p += 2 + len;
        }
        return new VendorClass(raw, text, id, caps);
    }

    /** Decodes an option-60 value from position to limit, consuming it. */
    public static VendorClass decode(ByteBuffer in) throws DecodeException {
        byte[] v = new byte[in.remaining()];
        in.get(v);
        return decode(v);
    }

    /**
     * A vendor class from its text.
     *
     * @throws IllegalArgumentException if it is not ASCII or is a malformed pktc/docsis class
     */
    public static VendorClass of(String text) {
        try {
            return decode(Bytes.ascii(text, "vendor class"));
        } catch (DecodeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * {@code identifier:} followed by TLV 5 with the capabilities in lower-case hex, as MTAs send
     * it, e.g. {@code withCapabilities("pktc1.5", caps)}.
     */
    public static VendorClass withCapabilities(String identifier, DeviceCapabilities capabilities) {
        if (identifier.indexOf(':') >= 0) {
            throw new IllegalArgumentException("identifier must not contain ':': " + identifier);
        }
        byte[] tlvs = capabilities.encode();
        byte[] tlv = new byte[tlvs.length + 2];
        tlv[0] = CAPABILITIES_TLV;
        tlv[1] = (byte) tlvs.length;
        System.arraycopy(tlvs, 0, tlv, 2, tlvs.length);
        return of(identifier + ":" + Bytes.hex(tlv));
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** The text before the colon ({@code pktc1.0}), or the whole text. */
    public String identifier() {
        return identifier;
    }

    /** Whether the class names a PacketCable MTA ({@code pktc...}). */
    public boolean isPacketCable() {
        return identifier.startsWith("pktc");
    }

    /** Whether the class names a DOCSIS cable modem ({@code docsis...}). */
    public boolean isDocsis() {
        return identifier.startsWith("docsis");
    }

    /** The decoded capabilities, if the class carries TLV 5. */
    public Optional<DeviceCapabilities> capabilities() {
        return Optional.ofNullable(capabilities);
    }

    /** The option value (the original bytes). */
    public byte[] encode() {
        return raw.clone();
    }

    /** Option 60 with this value. */
    public DhcpOption toOption() {
        return DhcpOption.wrap(DhcpOptionCode.VENDOR_CLASS, raw.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VendorClass v && Arrays.equals(v.raw, raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return text;
    }
}
