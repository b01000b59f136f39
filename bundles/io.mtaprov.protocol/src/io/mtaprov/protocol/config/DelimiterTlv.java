package io.mtaprov.protocol.config;

/**
 * TLV 254 "MTA config delimiter" with a 1-byte value: 1 begins the file ({@code FE 01 01}), 255
 * ends it ({@code FE 01 FF}) (PKT-SP-PROV1.5, MTA configuration file). Immutable.
 *
 * @param value the delimiter value 0..255
 */
public record DelimiterTlv(int value) implements ConfigTlv {
    /** The begin delimiter {@code FE 01 01}. */
    public static final DelimiterTlv BEGIN = new DelimiterTlv(1);
    /** The end delimiter {@code FE 01 FF}. */
    public static final DelimiterTlv END = new DelimiterTlv(255);

    /** Checks the range. */
    public DelimiterTlv {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("delimiter value out of 0..255: " + value);
        }
    }

    @Override
    public int type() {
        return TYPE_DELIMITER;
    }

    @Override
    public int valueLength() {
        return 1;
    }

    @Override
    public int writeValue(byte[] out, int pos) {
        out[pos] = (byte) value;
        return pos + 1;
    }

    /** Whether this is the begin delimiter (value 1). */
    public boolean isBegin() {
        return value == 1;
    }

    /** Whether this is the end delimiter (value 255). */
    public boolean isEnd() {
        return value == 255;
    }
}
