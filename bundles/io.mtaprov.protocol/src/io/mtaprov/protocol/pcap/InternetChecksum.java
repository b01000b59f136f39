package io.mtaprov.protocol.pcap;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit
 * big-endian words, used by the IPv4 header (RFC 791) and UDP (RFC 768, with its pseudo header).
 */
final class InternetChecksum {
    private int sum;

    /** Adds {@code length} bytes starting at {@code offset}; only the last chunk may be odd. */
    InternetChecksum add(byte[] data, int offset, int length) {
        int i = offset;
        int end = offset + length;
        for (; i + 1 < end; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        if (i < end) {
            sum += (data[i] & 0xff) << 8;
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return this;
    }

    /** Adds one 16-bit word. */
    InternetChecksum addWord(int word) {
        sum += word & 0xffff;
        sum = (sum & 0xffff) + (sum >>> 16);
        return this;
    }

    /** The checksum to put into the header. */
    int value() {
        int folded = (sum & 0xffff) + (sum >>> 16);
        return ~folded & 0xffff;
    }
}
