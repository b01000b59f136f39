package io.mtaprov.sim;

import java.net.InetSocketAddress;

/**
 * The seam for the Secure flow's step 3 (PKT-SP-SEC1.5; PROTOCOL.md "Kerberos and key management"):
 * an implementation looks up the KDC ({@code _kerberos._udp.<REALM>} SRV, see {@code DnsClient#kdcs}),
 * gets a ticket with PKINIT (AS-REQ signed with the MTA's device key), runs Kerberized key
 * management with the provisioning server (UDP 1293: Wake Up, AP-REQ, AP-REP) and installs the
 * derived SNMPv3 keys for the agent and the INFORMs. Until one exists, {@link #NOT_IMPLEMENTED}
 * fails step 3 with a clear reason. Implementations are called on the MTA's run thread.
 */
@FunctionalInterface
public interface SecureFlowSteps {
    /** Fails: the Secure flow is not simulated yet. */
    SecureFlowSteps NOT_IMPLEMENTED = (mta, realm, provisioningServer) -> {
        throw new UnsupportedOperationException("the Secure flow (Kerberos PKINIT, key management, SNMPv3) is not "
                + "simulated yet; use a BASIC.x or HYBRID.x realm");
    };

    /**
     * Step 3 for one MTA.
     *
     * @param mta                the MTA
     * @param realm              the Kerberos realm of option 122 sub-option 6
     * @param provisioningServer the provisioning server's address and key-management port
     * @throws Exception when step 3 fails (the run then fails at step 3 with the message)
     */
    void establish(MtaProfile mta, String realm, InetSocketAddress provisioningServer) throws Exception;
}
