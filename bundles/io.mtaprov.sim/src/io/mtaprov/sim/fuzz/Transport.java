package io.mtaprov.sim.fuzz;

/** How a target's inputs travel. */
public enum Transport {
    /** One datagram per input. */
    UDP,
    /** One connection per input: the input's bytes (length prefix included), then end of stream. */
    TCP
}
