package io.mtaprov.ui.views.simulator;

import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.trace.TraceBus;
import io.mtaprov.sim.Faults;
import io.mtaprov.sim.FleetReport;
import io.mtaprov.sim.MtaProfile;
import io.mtaprov.sim.MtaRunResult;
import io.mtaprov.sim.SecureFlowSteps;
import io.mtaprov.sim.SimSettings;
import io.mtaprov.sim.SimulatorFleet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

/**
 * A fleet of simulated MTAs against the console's own servers as a Job: the MTAs run in chunks of
 * {@code concurrency} (so Cancel stops after the running chunk), each finished MTA advances the
 * progress and is counted; {@code onProgress} gets a {@link Snapshot} after each one (on the fleet's
 * threads) and the final report. Faults are given to a share of the fleet ({@link SimulatorFleet#share}).
 */
final class FleetRun extends Job {
    /** Counts so far. @param report the fleet report once finished, else null */
    record Snapshot(int total, int finished, int completed, long startedNanos, Map<ProvisioningStep, Integer> failedByStep,
            FleetReport report, boolean cancelled) {
        double rate() {
            double s = (System.nanoTime() - startedNanos) / 1e9;
            return s <= 0 ? 0 : finished / s;
        }
    }

    private final SimSettings settings;
    private final TraceBus trace;
    private final List<MtaProfile> mtas;
    private final int concurrency;
    private final double rate;
    private final Consumer<Snapshot> onProgress;

    FleetRun(SimSettings settings, TraceBus trace, String baseMac, int count, int concurrency, double rate,
            double faultShare, Faults faults, Consumer<Snapshot> onProgress) {
        super("Simulating " + count + " MTAs");
        this.settings = settings;
        this.trace = trace;
        this.mtas = SimulatorFleet.labProfiles(baseMac, count, SimulatorFleet.share(faultShare, faults));
        this.concurrency = concurrency;
        this.rate = rate;
        this.onProgress = onProgress;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, "Simulating " + mtas.size() + " MTAs", mtas.size());
        long t0 = System.nanoTime();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        Map<ProvisioningStep, Integer> failed = new java.util.concurrent.ConcurrentHashMap<>();
        SimulatorFleet fleet = new SimulatorFleet(settings, trace, SecureFlowSteps.NOT_IMPLEMENTED)
                .progress(new SimulatorFleet.Progress() {
                    @Override
                    public void finished(MtaRunResult r) {
                        int n = finished.incrementAndGet();
                        if (r.completed()) {
                            completed.incrementAndGet();
                        } else if (r.failureStep() != null) {
                            failed.merge(r.failureStep(), 1, Integer::sum);
                        }
                        synchronized (sub) {
                            sub.worked(1);
                            sub.subTask(n + " of " + mtas.size() + " done, " + completed.get() + " provisioned");
                        }
                        onProgress.accept(new Snapshot(mtas.size(), n, completed.get(), t0, Map.copyOf(failed), null,
                                false));
                    }
                });
        List<MtaRunResult> results = new ArrayList<>();
        boolean cancelled = false;
        for (int i = 0; i < mtas.size(); i += concurrency) {
            if (monitor.isCanceled()) {
                cancelled = true;
                break;
            }
            results.addAll(fleet.run(mtas.subList(i, Math.min(mtas.size(), i + concurrency)), concurrency, rate)
                    .results());
        }
        FleetReport report = FleetReport.of(results, System.nanoTime() - t0, 0);
        onProgress.accept(new Snapshot(mtas.size(), results.size(), report.completed(), t0, report.failedByStep(),
                report, cancelled));
        monitor.done();
        return cancelled ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }
}
