package io.mtaprov.sim;

import io.mtaprov.core.model.ProvisioningStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records when each step of one run began and ended. Used by the run's thread only. */
final class RunTimeline {
    final Instant started = Instant.now();
    final long t0 = System.nanoTime();
    private final List<StepTiming> steps = new ArrayList<>();
    private ProvisioningStep current;
    private long currentStart;

    void begin(ProvisioningStep step) {
        beginAt(step, System.nanoTime());
    }

    void beginAt(ProvisioningStep step, long nanoTime) {
        current = step;
        currentStart = nanoTime;
    }

    /** Ends the current step now. */
    void end(boolean ok) {
        endAt(System.nanoTime(), ok);
    }

    void endAt(long nanoTime, boolean ok) {
        if (current != null) {
            long start = Math.min(currentStart, nanoTime);
            steps.add(new StepTiming(current, start - t0, nanoTime - t0, ok));
            current = null;
        }
    }

    /** The step under way, or {@code null}. */
    ProvisioningStep current() {
        return current;
    }

    long elapsed() {
        return System.nanoTime() - t0;
    }

    List<StepTiming> steps() {
        return steps;
    }
}
