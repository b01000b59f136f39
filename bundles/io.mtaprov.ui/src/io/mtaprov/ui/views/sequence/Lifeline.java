package io.mtaprov.ui.views.sequence;

import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.ui.internal.Messages;

/** The sequence diagram's lifelines, left to right: the MTA and the console's servers. */
public enum Lifeline {
    MTA(Messages.Sequence_mta), DHCP(Messages.Sequence_dhcp), DNS(Messages.Sequence_dns), KDC(Messages.Sequence_kdc),
    MPS(Messages.Sequence_mps), TFTP(Messages.Sequence_tftp);

    private final String label;

    Lifeline(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The lifeline of a TraceEvent source ("sim" is the MTA); unknown sources are the provisioning server. */
    public static Lifeline ofSource(String source) {
        return switch (source) {
            case "sim" -> MTA;
            case "dhcp" -> DHCP;
            case "dns" -> DNS;
            case "kdc" -> KDC;
            case "tftp" -> TFTP;
            default -> MPS;
        };
    }

    /** The server an MTA talks to in a step (for the MTA's own trace, which names no server). */
    public static Lifeline serverOf(ProvisioningStep step) {
        return switch (step.number()) {
            case 1, 2 -> DHCP;
            case 3 -> KDC;
            case 8, 9 -> TFTP;
            default -> MPS;
        };
    }
}
