package io.mtaprov.protocol.dhcp;

/** Test helper: byte vectors written as hex with free spacing, and zero runs. */
final class Hex {
    private Hex() {
    }

    /** Bytes of a hex string; spaces, newlines and '|' are ignored. */
    static byte[] bytes(String hex) {
        String h = hex.replaceAll("[\\s|]", "");
        if (h.length() % 2 != 0) {
            throw new IllegalArgumentException("odd hex: " + hex);
        }
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** Hex of {@code n} zero bytes. */
    static String zeros(int n) {
        return "00".repeat(n);
    }

    /** Hex of ASCII text. */
    static String ascii(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(String.format("%02x", (int) c));
        }
        return sb.toString();
    }

    /** Lower-case hex of bytes. */
    static String of(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }
}
