package io.mtaprov.sim;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.sim.secure.MtaUsmKeys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The seam for the Secure flow's step 3 (PKT-SP-SEC1.5; PROTOCOL.md "Kerberos and key management"):
 * an implementation ({@code io.mtaprov.sim.secure.SecureMtaSteps}) gets a ticket with PKINIT (AS-REQ
 * signed with the MTA's device key, TGS when option 122 asks), runs Kerberized key management with
 * the provisioning server (UDP 1293: AP-REQ, AP-REP) and returns the derived SNMPv3 keys for the
 * agent and the INFORMs. {@link #NOT_IMPLEMENTED} fails step 3 with a clear reason. Implementations
 * are called on the MTA's run thread.
 */
@FunctionalInterface
public interface SecureFlowSteps {
    /** Fails: no Secure flow implementation was given to this simulator. */
    SecureFlowSteps NOT_IMPLEMENTED = c -> {
        throw new UnsupportedOperationException("the Secure flow needs a PKI and KDC (SecureMtaSteps); none was "
                + "given to this simulator: use a BASIC.x or HYBRID.x realm");
    };

    /** Publishes a step-3 trace event: {@code sent} true for what the MTA sends. */
    @FunctionalInterface
    interface Tracer {
        void event(boolean sent, InetSocketAddress peer, String summary, String detail, Outcome outcome);
    }

    /**
     * What the MTA knows when step 3 begins.
     *
     * @param mta                the MTA
     * @param realm              option 122 sub-option 6
     * @param fqdn               its FQDN from the ACK (options 12 and 15), "" if not given
     * @param mtaAddress         its leased address (requests leave from it)
     * @param provisioningServer option 122 sub-option 3, resolved
     * @param kdcs               option 122 sub-option 10
     * @param useTgs             option 122 sub-option 7 = 1
     * @param engineId           its SNMP engine ID
     * @param engineBoots        its snmpEngineBoots
     * @param engineTime         its snmpEngineTime, seconds
     * @param trace              where step-3 events go
     */
    record Context(MtaProfile mta, String realm, String fqdn, InetAddress mtaAddress, InetAddress provisioningServer,
            List<InetAddress> kdcs, boolean useTgs, byte[] engineId, long engineBoots, long engineTime, Tracer trace) {
    }

    /**
     * Step 3 for one MTA.
     *
     * @return the SNMPv3 keys established with the provisioning server
     * @throws Exception when step 3 fails (the run then fails at step 3 with the message)
     */
    MtaUsmKeys establish(Context context) throws Exception;
}
