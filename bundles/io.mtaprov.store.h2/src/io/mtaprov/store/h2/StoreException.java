package io.mtaprov.store.h2;

/** A store operation failed; the message says which and the cause carries the SQL error. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
