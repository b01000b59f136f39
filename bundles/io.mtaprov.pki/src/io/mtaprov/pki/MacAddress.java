package io.mtaprov.pki;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * An MTA MAC address as PacketCable device certificates carry it in the subject CN: six pairs of
 * hexadecimal digits separated by colons (PKT-SP-SEC1.5, MTA device certificate; the examples are
 * upper case, e.g. {@code 00:60:21:A5:0A:23}). Comparisons ignore case and separators.
 */
public final class MacAddress {
    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Parses colon, dash or dot separated, or bare, hex; empty when it is not a 48-bit MAC. */
    public static Optional<MacAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String hex = text.trim().replace(":", "").replace("-", "").replace(".", "");
        if (hex.length() != 12 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new MacAddress(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT))));
    }

    public static MacAddress of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a MAC address"));
    }

    /** Lower-case colon hex, the form the trace and the store use. */
    public String canonical() {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }

    /** Upper-case colon hex, the form of the certificate CN. */
    public String certificateForm() {
        return canonical().toUpperCase(Locale.ROOT);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && java.util.Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
