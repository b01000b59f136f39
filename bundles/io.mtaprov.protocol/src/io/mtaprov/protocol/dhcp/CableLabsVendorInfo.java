package io.mtaprov.protocol.dhcp;

import io.mtaprov.protocol.DecodeException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Option 43 as the CableLabs vendor sub-options an eMTA sends in DISCOVER/REQUEST (PKT-SP-PROV1.5
 * section 8.1, from the eDOCSIS sub-option set). Immutable; unknown sub-options are kept
 * byte-exact. Text sub-options are read as ISO-8859-1 so any byte survives.
 *
 * <p>Assumption: sub-option 8 (OUI) is sent either as 3 binary bytes or as 6 hex ASCII characters;
 * {@link #oui()} gives 6 upper-case hex digits for both. Sub-options 31 and 32 have their lengths
 * (6 and 4) checked on decode.
 */
public final class CableLabsVendorInfo {
    /** Device type, e.g. {@code EMTA} or {@code EDVA}. */
    public static final int DEVICE_TYPE = 2;
    /** eSAFE types. */
    public static final int ESAFE_TYPES = 3;
    /** Serial number. */
    public static final int SERIAL_NUMBER = 4;
    /** Hardware version. */
    public static final int HARDWARE_VERSION = 5;
    /** Software version. */
    public static final int SOFTWARE_VERSION = 6;
    /** Boot ROM version. */
    public static final int BOOT_ROM_VERSION = 7;
    /** Vendor OUI. */
    public static final int OUI = 8;
    /** Model number. */
    public static final int MODEL_NUMBER = 9;
    /** Vendor name. */
    public static final int VENDOR_NAME = 10;
    /** MTA MAC address, 6 bytes. */
    public static final int MTA_MAC = 31;
    /** Correlation id, uint32. */
    public static final int CORRELATION_ID = 32;

    private final SubOptions subOptions;

    private CableLabsVendorInfo(SubOptions s) throws DecodeException {
        subOptions = s;
        for (int i = 0; i < s.size(); i++) {
            if (s.code(i) == MTA_MAC) {
                Bytes.requireLength(s.rawAt(i), 6, "option 43 sub-option 31 (MTA MAC)");
            } else if (s.code(i) == CORRELATION_ID) {
                Bytes.requireLength(s.rawAt(i), 4, "option 43 sub-option 32 (correlation id)");
            }
        }
    }

    /** Decodes an option-43 value. */
    public static CableLabsVendorInfo decode(byte[] value) throws DecodeException {
        return new CableLabsVendorInfo(SubOptions.decode(value, "option 43"));
    }

    /** Decodes an option-43 value from position to limit, consuming it. */
    public static CableLabsVendorInfo decode(ByteBuffer in) throws DecodeException {
        byte[] v = new byte[in.remaining()];
        in.get(v);
        return decode(v);
    }

    /**
     * Wraps sub-options (build them with {@link SubOptions#builder()} and the constants here;
     * text as ASCII bytes).
     *
     * @throws IllegalArgumentException if sub-option 31 or 32 has the wrong length
     */
    public static CableLabsVendorInfo of(SubOptions s) {
        try {
            return new CableLabsVendorInfo(s);
        } catch (DecodeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Sub-option 2. */
    public Optional<String> deviceType() {
        return text(DEVICE_TYPE);
    }

    /** Sub-option 3. */
    public Optional<String> esafeTypes() {
        return text(ESAFE_TYPES);
    }

    /** Sub-option 4. */
    public Optional<String> serialNumber() {
        return text(SERIAL_NUMBER);
    }

    /** Sub-option 5. */
    public Optional<String> hardwareVersion() {
        return text(HARDWARE_VERSION);
    }

    /** Sub-option 6. */
    public Optional<String> softwareVersion() {
        return text(SOFTWARE_VERSION);
    }

    /** Sub-option 7. */
    public Optional<String> bootRomVersion() {
        return text(BOOT_ROM_VERSION);
    }

    /** Sub-option 8 as 6 upper-case hex digits when it is 3 binary bytes, else its text. */
    public Optional<String> oui() {
        byte[] v = subOptions.raw(OUI);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(v.length == 3 ? Bytes.hex(v).toUpperCase(java.util.Locale.ROOT) : Bytes.latin1(v));
    }

    /** Sub-option 9. */
    public Optional<String> modelNumber() {
        return text(MODEL_NUMBER);
    }

    /** Sub-option 10. */
    public Optional<String> vendorName() {
        return text(VENDOR_NAME);
    }

    /** Sub-option 31, 6 bytes. */
    public Optional<byte[]> mtaMac() {
        return subOptions.get(MTA_MAC);
    }

    /** Sub-option 31 as {@code 00:11:22:AA:BB:CC}. */
    public Optional<String> mtaMacText() {
        byte[] v = subOptions.raw(MTA_MAC);
        return v == null ? Optional.empty() : Optional.of(Bytes.mac(v));
    }

    /** Sub-option 32, unsigned. */
    public OptionalLong correlationId() {
        byte[] v = subOptions.raw(CORRELATION_ID);
        return v == null ? OptionalLong.empty() : OptionalLong.of(Bytes.u32(v, 0));
    }

    /** All sub-options in wire order. */
    public SubOptions subOptions() {
        return subOptions;
    }

    /** The option value. */
    public byte[] encode() {
        return subOptions.encode();
    }

    /** Option 43 with this value. */
    public DhcpOption toOption() {
        return DhcpOption.wrap(DhcpOptionCode.VENDOR_SPECIFIC, encode());
    }

    private Optional<String> text(int code) {
        byte[] v = subOptions.raw(code);
        return v == null ? Optional.empty() : Optional.of(Bytes.latin1(v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CableLabsVendorInfo c && c.subOptions.equals(subOptions);
    }

    @Override
    public int hashCode() {
        return subOptions.hashCode();
    }

    @Override
    public String toString() {
        return "CableLabsVendorInfo" + subOptions;
    }
}
