package io.mtaprov.sim;

import io.mtaprov.core.model.ProvisioningStep;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one fleet run: how many MTAs completed, where the others failed, throughput, and
 * latency percentiles per MTA (whole run) and per step. Immutable.
 *
 * @param results       every MTA's result, in start order
 * @param wallNs        from the first start to the last result, nanoseconds
 * @param completed     MTAs that completed their flow
 * @param failedByStep  failed MTAs per failure step
 * @param states        final states
 * @param perMta        whole-run durations
 * @param perStep       step durations (successful steps)
 * @param peakTransports largest number of SNMP transports open at once
 */
public record FleetReport(List<MtaRunResult> results, long wallNs, int completed,
        Map<ProvisioningStep, Integer> failedByStep, Map<ProvisioningState, Integer> states, Percentiles perMta,
        Map<ProvisioningStep, Percentiles> perStep, int peakTransports) {

    /** Aggregates results. */
    public static FleetReport of(List<MtaRunResult> results, long wallNs, int peakTransports) {
        Map<ProvisioningStep, Integer> failed = new EnumMap<>(ProvisioningStep.class);
        Map<ProvisioningState, Integer> states = new EnumMap<>(ProvisioningState.class);
        Map<ProvisioningStep, long[]> samples = new EnumMap<>(ProvisioningStep.class);
        Map<ProvisioningStep, Integer> counts = new EnumMap<>(ProvisioningStep.class);
        long[] total = new long[results.size()];
        int ok = 0;
        for (int i = 0; i < results.size(); i++) {
            MtaRunResult r = results.get(i);
            total[i] = r.totalNs();
            ok += r.completed() ? 1 : 0;
            if (r.failureStep() != null) {
                failed.merge(r.failureStep(), 1, Integer::sum);
            }
            states.merge(r.finalState(), 1, Integer::sum);
            for (StepTiming s : r.steps()) {
                if (s.ok()) {
                    long[] a = samples.computeIfAbsent(s.step(), k -> new long[results.size()]);
                    int n = counts.merge(s.step(), 1, Integer::sum);
                    a[n - 1] = s.endNs() - s.startNs();
                }
            }
        }
        Map<ProvisioningStep, Percentiles> perStep = new EnumMap<>(ProvisioningStep.class);
        samples.forEach((step, a) -> perStep.put(step, Percentiles.ofNanos(java.util.Arrays.copyOf(a, counts.get(step)))));
        return new FleetReport(List.copyOf(results), wallNs, ok, Map.copyOf(failed), Map.copyOf(states),
                Percentiles.ofNanos(total), Map.copyOf(perStep), peakTransports);
    }

    /** MTAs that did not complete. */
    public int failed() {
        return results.size() - completed;
    }

    /** Completed MTAs per second of wall time. */
    public double mtasPerSecond() {
        return wallNs == 0 ? 0 : completed / (wallNs / 1e9);
    }

    public Duration wall() {
        return Duration.ofNanos(wallNs);
    }

    /** A few lines for a terminal. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "MTAs: %d, completed %d, failed %d in %.2f s: %.1f MTAs/s%n",
                results.size(), completed, failed(), wallNs / 1e9, mtasPerSecond()));
        b.append("final states: ").append(new TreeMap<>(states)).append(System.lineSeparator());
        if (!failedByStep.isEmpty()) {
            b.append("failed at: ").append(new TreeMap<>(failedByStep)).append(System.lineSeparator());
            results.stream().filter(r -> r.failureStep() != null).limit(3).forEach(r -> b.append("  e.g. ")
                    .append(r.mac()).append(" step ").append(r.failureStep().number()).append(": ")
                    .append(r.failureReason()).append(System.lineSeparator()));
        }
        b.append("per MTA: ").append(perMta).append(System.lineSeparator());
        new TreeMap<>(perStep).forEach((step, p) -> b.append(String.format(Locale.ROOT, "  step %2d %-34s %s%n",
                step.number(), step.title(), p)));
        b.append("peak SNMP transports open: ").append(peakTransports).append(System.lineSeparator());
        return b.toString();
    }
}
