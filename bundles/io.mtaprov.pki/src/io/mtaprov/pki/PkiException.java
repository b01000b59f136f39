package io.mtaprov.pki;

/** A PKI operation failed (I/O, parse, crypto); the message says what and why, never a key. */
public class PkiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
