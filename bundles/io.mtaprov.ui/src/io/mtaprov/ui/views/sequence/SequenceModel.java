package io.mtaprov.ui.views.sequence;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns one attempt's trace events into the diagram's arrows, in time order. A server's event: IN is
 * MTA to server, OUT server to MTA, INTERNAL a note on the server. The MTA's own events (source
 * "sim", the simulator) repeat what the servers saw, so they are drawn only on request, towards the
 * server of their step. Pure; any thread.
 */
public final class SequenceModel {
    private SequenceModel() {
    }

    public static List<Arrow> arrows(List<TraceEvent> attempt, boolean mtaSide) {
        List<TraceEvent> sorted = new ArrayList<>(attempt);
        sorted.sort(Comparator.comparing(TraceEvent::time));
        List<Arrow> out = new ArrayList<>(sorted.size());
        TraceEvent previous = null;
        for (TraceEvent e : sorted) {
            Lifeline src = Lifeline.ofSource(e.source());
            if (src == Lifeline.MTA && !mtaSide) {
                continue;
            }
            Lifeline server = src == Lifeline.MTA ? Lifeline.serverOf(e.step()) : src;
            Lifeline from = e.direction() == Direction.OUT ? server : e.direction() == Direction.IN ? Lifeline.MTA : src;
            Lifeline to = e.direction() == Direction.OUT ? Lifeline.MTA : e.direction() == Direction.IN ? server : src;
            Duration since = previous == null ? Duration.ZERO : Duration.between(previous.time(), e.time());
            out.add(new Arrow(from, to, label(e), e, since));
            previous = e;
        }
        return List.copyOf(out);
    }

    /** "4 MTA-15: enrollment INFORM from ..." */
    public static String label(TraceEvent e) {
        return e.step().number() + " " + e.step().specFlows() + ": " + e.summary();
    }
}
