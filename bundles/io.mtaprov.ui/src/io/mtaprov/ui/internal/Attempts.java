package io.mtaprov.ui.internal;

import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where one MTA's provisioning attempt begins in its trace, shared by the Enrollment and Sequence
 * views: a step-1 message (the MTA's DHCP DISCOVER) after the attempt got past step 2, or an
 * operator's re-provision/regenerate note of the provisioning server. Pure functions; any thread.
 */
public final class Attempts {
    /** The provisioning server's source name and the prefix of its operator notes. */
    static final String MPS = "mps";
    static final String OPERATOR = "operator:";

    private Attempts() {
    }

    /** Whether {@code e} opens a new attempt when the current one reached {@code maxStep}. */
    public static boolean startsNew(TraceEvent e, int maxStep) {
        return e.step() == ProvisioningStep.DEVICE_ACTION_REQUEST && maxStep > 2 || isOperatorNote(e);
    }

    /** An operator's action traced by the provisioning server (re-provision, regenerate). */
    public static boolean isOperatorNote(TraceEvent e) {
        return MPS.equals(e.source()) && e.summary().startsWith(OPERATOR);
    }

    /** The events of the latest attempt among one MTA's events (any order), sorted by time. */
    public static List<TraceEvent> latest(List<TraceEvent> events) {
        List<TraceEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(TraceEvent::time));
        int start = 0;
        int max = 0;
        for (int i = 0; i < sorted.size(); i++) {
            TraceEvent e = sorted.get(i);
            if (i > 0 && startsNew(e, max)) {
                start = i;
                max = 0;
            }
            max = Math.max(max, e.step().number());
        }
        return List.copyOf(sorted.subList(start, sorted.size()));
    }
}
