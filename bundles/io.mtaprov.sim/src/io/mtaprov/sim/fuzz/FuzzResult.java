package io.mtaprov.sim.fuzz;

import java.util.List;

/**
 * What one target's run found.
 *
 * @param target        the target's name
 * @param sent          inputs sent
 * @param replies       datagrams or response bytes received back (UDP: datagrams; TCP: connections that got bytes)
 * @param sendErrors    inputs the socket could not deliver (e.g. ICMP port unreachable, connection refused)
 * @param probes        good-client probes made (the last one after all inputs)
 * @param failedProbes  probes the server did not answer within their time and retries
 * @param failures      what each failed probe saw (at most a few)
 * @param lastAnswer    the last probe's answer, or its failure
 * @param elapsedNanos  wall time of the run
 */
public record FuzzResult(String target, long sent, long replies, long sendErrors, int probes, int failedProbes,
        List<String> failures, String lastAnswer, long elapsedNanos) {

    /** True when every probe, the last one included, was answered. */
    public boolean passed() {
        return failedProbes == 0 && probes > 0;
    }

    /** Inputs per second over the run. */
    public double rate() {
        return elapsedNanos == 0 ? 0 : sent * 1e9 / elapsedNanos;
    }
}
