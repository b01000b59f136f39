package io.mtaprov.core.model;

/** How a traced exchange ended. */
public enum Outcome {
    OK, INFO, WARNING,
    /** Rejected bad input: the server refused it and said why. */
    REJECTED,
    /** The provisioning attempt failed at this step. */
    FAILED;

    public boolean isProblem() {
        return this == REJECTED || this == FAILED || this == WARNING;
    }
}
