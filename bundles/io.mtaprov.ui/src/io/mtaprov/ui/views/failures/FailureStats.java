package io.mtaprov.ui.views.failures;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where attempts fail, fleet-wide: the failed trace events counted by step (with the distinct MTAs),
 * by reason (the event's summary) and over time in {@value #BUCKET_SECONDS}-second buckets. Events
 * without an MTA and operator notes are left out. UI thread only (not synchronized).
 */
public final class FailureStats {
    static final int BUCKET_SECONDS = 10;

    /** One reason's count. */
    public record Reason(ProvisioningStep step, String reason, int events, int mtas) {
    }

    private final Map<ProvisioningStep, Integer> events = new EnumMap<>(ProvisioningStep.class);
    private final Map<ProvisioningStep, Set<String>> mtas = new EnumMap<>(ProvisioningStep.class);
    private final Map<String, Integer> reasonEvents = new HashMap<>();
    private final Map<String, Set<String>> reasonMtas = new HashMap<>();
    private final Map<String, ProvisioningStep> reasonStep = new HashMap<>();
    private final TreeMap<Long, Integer> timeline = new TreeMap<>();
    private final Set<TraceEvent> seen = new HashSet<>();

    /** Counts the failed events among {@code batch} (an event seen before is not counted again). */
    public boolean addAll(Collection<TraceEvent> batch) {
        boolean changed = false;
        for (TraceEvent e : batch) {
            if (e.outcome() != Outcome.FAILED || e.mtaMac().isEmpty() || !seen.add(e)) {
                continue;
            }
            changed = true;
            events.merge(e.step(), 1, Integer::sum);
            mtas.computeIfAbsent(e.step(), k -> new HashSet<>()).add(e.mtaMac());
            String key = e.step().number() + "\u0000" + e.summary();
            reasonEvents.merge(key, 1, Integer::sum);
            reasonMtas.computeIfAbsent(key, k -> new HashSet<>()).add(e.mtaMac());
            reasonStep.put(key, e.step());
            timeline.merge(e.time().getEpochSecond() / BUCKET_SECONDS, 1, Integer::sum);
        }
        return changed;
    }

    /** Failed events per step 1..10 (index 0 = step 1). */
    public int[] eventsByStep() {
        int[] out = new int[10];
        events.forEach((s, n) -> {
            if (s.number() >= 1 && s.number() <= 10) {
                out[s.number() - 1] += n;
            }
        });
        return out;
    }

    /** Distinct MTAs that failed in a step. */
    public int mtas(ProvisioningStep step) {
        return mtas.getOrDefault(step, Set.of()).size();
    }

    /** Reasons, most frequent first. */
    public List<Reason> reasons() {
        List<Reason> out = new ArrayList<>();
        reasonEvents.forEach((k, n) -> out.add(new Reason(reasonStep.get(k), k.substring(k.indexOf('\u0000') + 1), n,
                reasonMtas.get(k).size())));
        out.sort(Comparator.comparingInt(Reason::events).reversed().thenComparing(r -> r.step().number()));
        return out;
    }

    /** Failures per bucket for the {@code buckets} buckets up to {@code now}, oldest first. */
    public int[] timeline(Instant now, int buckets) {
        long last = now.getEpochSecond() / BUCKET_SECONDS;
        int[] out = new int[buckets];
        for (int i = 0; i < buckets; i++) {
            out[i] = timeline.getOrDefault(last - buckets + 1 + i, 0);
        }
        return out;
    }

    public int total() {
        return seen.size();
    }
}
