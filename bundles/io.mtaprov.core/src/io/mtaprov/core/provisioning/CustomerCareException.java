package io.mtaprov.core.provisioning;

/** A customer-care source could not answer (unreachable, timed out, malformed data); the message says why. */
public class CustomerCareException extends Exception {
    private static final long serialVersionUID = 1L;

    public CustomerCareException(String message) {
        super(message);
    }

    public CustomerCareException(String message, Throwable cause) {
        super(message, cause);
    }
}
