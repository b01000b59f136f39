package io.mtaprov.core.provisioning;

import io.mtaprov.core.model.ProvisioningStep;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of one MTA's provisioning attempt on the provisioning server side, one per step it
 * waits in (PROTOCOL.md "The ten steps"), and the transitions allowed between them:
 * <pre>
 *  SECURING(3) -&gt; ENROLLED(4) -&gt; GENERATING(5) -&gt; UPLOADED(6) -&gt; SETTING(7) -&gt; AWAITING_DOWNLOAD(8-9)
 *                                                       |  (Basic: the DHCP ACK names the file) ^
 *                                                       +------------------------------------+
 *  AWAITING_DOWNLOAD -&gt; AWAITING_STATUS(10) -&gt; COMPLETE      (flows with a status INFORM)
 *  AWAITING_DOWNLOAD -&gt; COMPLETE                            (HYBRID.1 / BASIC.1, or an early status INFORM)
 *  SETTING -&gt; SETTING                                       (a retry of the SET after a timeout)
 *  any non-terminal -&gt; FAILED | SUPERSEDED                  (a reason; a new enrollment of the same MAC)
 * </pre>
 * SECURING is entered only by the Secure flow (Kerberos + key management, step 3; the provisioning
 * server leaves it when the enrollment INFORM arrives authenticated with the keys of step 3); Hybrid
 * attempts start in ENROLLED. Immutable.
 */
public enum ProvisioningState {
    SECURING(ProvisioningStep.SNMPV3_SECURITY),
    ENROLLED(ProvisioningStep.ENROLLMENT_REQUEST),
    GENERATING(ProvisioningStep.CONFIG_FILE_GENERATION),
    UPLOADED(ProvisioningStep.CONFIG_FILE_UPLOAD),
    SETTING(ProvisioningStep.CONFIG_FILE_LOCATION),
    /** The SET was accepted; waiting for the MTA's TFTP request and download (steps 8-9). */
    AWAITING_DOWNLOAD(ProvisioningStep.CONFIG_FILE_REQUEST),
    AWAITING_STATUS(ProvisioningStep.PROVISIONING_STATUS),
    COMPLETE(ProvisioningStep.PROVISIONING_STATUS),
    FAILED(ProvisioningStep.PROVISIONING_STATUS),
    SUPERSEDED(ProvisioningStep.PROVISIONING_STATUS);

    private static final Map<ProvisioningState, Set<ProvisioningState>> NEXT = new EnumMap<>(ProvisioningState.class);

    static {
        Set<ProvisioningState> ends = EnumSet.of(FAILED, SUPERSEDED);
        NEXT.put(SECURING, with(ends, ENROLLED));
        NEXT.put(ENROLLED, with(ends, GENERATING));
        NEXT.put(GENERATING, with(ends, UPLOADED));
        NEXT.put(UPLOADED, with(ends, SETTING, AWAITING_DOWNLOAD));
        NEXT.put(SETTING, with(ends, SETTING, AWAITING_DOWNLOAD));
        NEXT.put(AWAITING_DOWNLOAD, with(ends, AWAITING_STATUS, COMPLETE));
        NEXT.put(AWAITING_STATUS, with(ends, COMPLETE));
        NEXT.put(COMPLETE, EnumSet.noneOf(ProvisioningState.class));
        NEXT.put(FAILED, EnumSet.noneOf(ProvisioningState.class));
        NEXT.put(SUPERSEDED, EnumSet.noneOf(ProvisioningState.class));
    }

    private final ProvisioningStep step;

    ProvisioningState(ProvisioningStep step) {
        this.step = step;
    }

    /** The step this state waits in (terminal states: step 10, the end of the sequence). */
    public ProvisioningStep step() {
        return step;
    }

    public boolean isTerminal() {
        return this == COMPLETE || this == FAILED || this == SUPERSEDED;
    }

    /** Whether the machine may go from this state to {@code next}. */
    public boolean canMoveTo(ProvisioningState next) {
        return NEXT.get(this).contains(next);
    }

    private static Set<ProvisioningState> with(Set<ProvisioningState> base, ProvisioningState... more) {
        EnumSet<ProvisioningState> s = EnumSet.copyOf(base);
        s.addAll(Set.of(more));
        return s;
    }
}
