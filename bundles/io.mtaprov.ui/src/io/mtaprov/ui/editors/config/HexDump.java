package io.mtaprov.ui.editors.config;

/**
 * A classic hex dump, 16 bytes a line: {@code 00000000  fe 01 01 0b 13 30 11 06  0d 2b 06 01 04 01 a3 0b  |.....0...+......|}.
 * Pure functions; {@link #hexColumn} and {@link #asciiColumn} map a byte to its character
 * positions within its line for highlighting.
 */
final class HexDump {
    static final int PER_LINE = 16;
    private static final int ASCII_START = 10 + PER_LINE * 3 + 1 + 1;
    /** Characters per line including the newline. */
    static final int LINE_LENGTH = ASCII_START + PER_LINE + 1 + 1;

    private HexDump() {
    }

    static String format(byte[] b) {
        StringBuilder sb = new StringBuilder((b.length / PER_LINE + 1) * LINE_LENGTH);
        for (int line = 0; line * PER_LINE < b.length; line++) {
            int base = line * PER_LINE;
            sb.append(String.format("%08x  ", base));
            for (int i = 0; i < PER_LINE; i++) {
                if (i == 8) {
                    sb.append(' ');
                }
                sb.append(base + i < b.length ? String.format("%02x ", b[base + i] & 0xFF) : "   ");
            }
            sb.append('|');
            for (int i = 0; i < PER_LINE; i++) {
                int c = base + i < b.length ? b[base + i] & 0xFF : ' ';
                sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
            }
            sb.append("|\n");
        }
        return sb.toString();
    }

    /** Column of the first hex digit of byte {@code i % 16}. */
    static int hexColumn(int i) {
        int k = i % PER_LINE;
        return 10 + k * 3 + (k >= 8 ? 1 : 0);
    }

    /** Column of the character of byte {@code i % 16}. */
    static int asciiColumn(int i) {
        return ASCII_START + i % PER_LINE;
    }
}
