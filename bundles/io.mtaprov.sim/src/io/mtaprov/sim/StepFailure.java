package io.mtaprov.sim;

import io.mtaprov.core.model.ProvisioningStep;

/** A step of a run failed: ends the run with this step, reason and final state. */
final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final ProvisioningStep step;
    final ProvisioningState state;

    StepFailure(ProvisioningStep step, String reason) {
        this(step, ProvisioningState.FAIL_OTHER_REASON, reason, null);
    }

    StepFailure(ProvisioningStep step, ProvisioningState state, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.step = step;
        this.state = state;
    }
}
