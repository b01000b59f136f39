package io.mtaprov.sim.fuzz;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A good client's request and the check of its answer: what the fuzzer sends between mutated
 * inputs to prove the server still serves. Implementations are stateless or thread-safe.
 */
@FunctionalInterface
public interface Probe {
    /**
     * Sends one well-formed request and waits for the answer.
     *
     * @return a short description of the answer (e.g. "OFFER 127.77.0.12")
     * @throws Exception when no valid answer arrives within {@code timeout}
     */
    String ask(InetSocketAddress server, Duration timeout) throws Exception;
}
