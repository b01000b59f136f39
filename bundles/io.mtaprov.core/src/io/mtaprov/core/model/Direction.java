package io.mtaprov.core.model;

/** Which way a traced message went, seen from the console's servers. */
public enum Direction {
    /** Received from the MTA (or a relay). */
    IN,
    /** Sent to the MTA. */
    OUT,
    /** Work inside the console (file generation, store writes). */
    INTERNAL
}
