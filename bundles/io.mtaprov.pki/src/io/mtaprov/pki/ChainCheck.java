package io.mtaprov.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The verdict on a presented certificate chain: valid, or the one reason it is not, with a message
 * an operator can act on. Immutable.
 */
public record ChainCheck(Reason reason, String message, X509Certificate leaf, Optional<MacAddress> mac) {

    /** Why a chain was refused (or {@link #VALID}). */
    public enum Reason {
        VALID,
        /** The issuer is not a manufacturer CA under a trusted MTA root (includes self-signed devices). */
        UNKNOWN_MANUFACTURER,
        /** Some certificate of the chain is past its notAfter. */
        EXPIRED,
        /** Some certificate of the chain is before its notBefore. */
        NOT_YET_VALID,
        /** The certificate's CN is not the MAC the MTA is known by. */
        WRONG_MAC,
        /** The device or its manufacturer CA is on the revocation list. */
        REVOKED,
        /** A signature in the chain does not verify, or the certificate lacks a required usage. */
        INVALID
    }

    public boolean valid() {
        return reason == Reason.VALID;
    }

    static ChainCheck refuse(Reason reason, String message, X509Certificate leaf) {
        return new ChainCheck(reason, message, leaf, Optional.empty());
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}
