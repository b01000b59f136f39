package io.mtaprov.protocol.dhcp;

import java.util.Optional;

/**
 * Values of option 53, DHCP message type (RFC 2132 section 9.6; 9-13 from RFC 4388 and RFC 6926
 * kept for completeness).
 */
public enum DhcpMessageType {
    DISCOVER(1), OFFER(2), REQUEST(3), DECLINE(4), ACK(5), NAK(6), RELEASE(7), INFORM(8),
    /** RFC 4388 section 6.1. */
    LEASEQUERY(10), LEASEUNASSIGNED(11), LEASEUNKNOWN(12), LEASEACTIVE(13);

    private static final DhcpMessageType[] BY_CODE = new DhcpMessageType[256];

    static {
        for (DhcpMessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    DhcpMessageType(int code) {
        this.code = code;
    }

    /** The value carried in option 53. */
    public int code() {
        return code;
    }

    /** The type of an option-53 value, or empty for a value this enum does not name. */
    public static Optional<DhcpMessageType> of(int code) {
        return code < 0 || code > 255 ? Optional.empty() : Optional.ofNullable(BY_CODE[code]);
    }

    /** Option 53 carrying this type. */
    public DhcpOption toOption() {
        return DhcpOption.uint8(DhcpOptionCode.MESSAGE_TYPE, code);
    }
}
