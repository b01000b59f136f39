package io.mtaprov.ui.views.sequence;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.TraceEvent;
import java.time.Duration;

/**
 * One message of the sequence diagram: from one lifeline to another (a self-note when they are the
 * same), its label ("step MTA-n: summary"), the traced event and the time since the previous
 * message. Immutable.
 */
public record Arrow(Lifeline from, Lifeline to, String label, TraceEvent event, Duration sincePrevious) {

    public boolean isNote() {
        return from == to;
    }

    public boolean failed() {
        return event.outcome() == Outcome.FAILED;
    }

    public boolean problem() {
        return event.outcome().isProblem();
    }
}
