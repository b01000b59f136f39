package io.mtaprov.core.provisioning;

import java.util.List;

/**
 * What an operator can ask of the provisioning server from the console. Implemented by the
 * provisioning server; each action works on the MTA's last enrollment and is traced like an
 * attempt started by the MTA. Thread-safe; the actions return once the attempt is started, its
 * progress shows on the TraceBus.
 */
public interface ProvisioningActions {

    /** The current attempt of every MTA the server has seen. */
    List<SessionSnapshot> sessions();

    /**
     * Sends the SET of step 7 again with the MTA's current file (a new attempt from step 7).
     *
     * @throws IllegalArgumentException if the MTA never enrolled or has no stored file
     */
    SessionSnapshot reprovision(String mac);

    /**
     * Generates and stores a new file from the current layers and SETs it (a new attempt from step 5).
     *
     * @throws IllegalArgumentException if the MTA never enrolled
     */
    SessionSnapshot regenerate(String mac);

    /**
     * What would be generated for the MTA now, as text: the layers, the rendered file in the
     * docsis text form and the validator's findings. Nothing is stored or sent: customer care is
     * read, but the optional SNMP GETs of step 5a are not made (each {@code get.*} value reads "DRYRUN").
     *
     * @throws IllegalArgumentException if nothing is known of the MTA (no enrollment, no lease)
     */
    String dryRun(String mac);
}
