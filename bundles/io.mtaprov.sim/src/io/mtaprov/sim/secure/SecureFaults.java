package io.mtaprov.sim.secure;

import java.time.Duration;

/**
 * Fault injection for the Secure flow's step 3, per MTA; each ends the run at step 3 with a clear
 * reason. Immutable.
 *
 * @param expiredCertificate the MTA presents a device certificate that expired yesterday (KDC: invalid certificate)
 * @param foreignCertificate the MTA presents a self-signed device certificate not from the MTA root (KDC: not trusted)
 * @param wrongMac           the MTA presents the device certificate of another MAC (KDC: wrong MAC / name mismatch)
 * @param clockSkew          the MTA's clock is off by this much (beyond 5 min: KDC and key management refuse it)
 * @param replayApReq        the MTA sends its AP Request a second time (the provisioning server refuses the replay)
 * @param kmTimeout          every answer of the provisioning server's key management is lost (AP Request times out)
 */
public record SecureFaults(boolean expiredCertificate, boolean foreignCertificate, boolean wrongMac, Duration clockSkew,
        boolean replayApReq, boolean kmTimeout) {
    public static final SecureFaults NONE = new SecureFaults(false, false, false, Duration.ZERO, false, false);

    public SecureFaults {
        clockSkew = clockSkew == null ? Duration.ZERO : clockSkew;
    }

    public SecureFaults withExpiredCertificate() {
        return new SecureFaults(true, foreignCertificate, wrongMac, clockSkew, replayApReq, kmTimeout);
    }

    public SecureFaults withForeignCertificate() {
        return new SecureFaults(expiredCertificate, true, wrongMac, clockSkew, replayApReq, kmTimeout);
    }

    public SecureFaults withWrongMac() {
        return new SecureFaults(expiredCertificate, foreignCertificate, true, clockSkew, replayApReq, kmTimeout);
    }

    public SecureFaults withClockSkew(Duration d) {
        return new SecureFaults(expiredCertificate, foreignCertificate, wrongMac, d, replayApReq, kmTimeout);
    }

    public SecureFaults withReplayApReq() {
        return new SecureFaults(expiredCertificate, foreignCertificate, wrongMac, clockSkew, true, kmTimeout);
    }

    public SecureFaults withKmTimeout() {
        return new SecureFaults(expiredCertificate, foreignCertificate, wrongMac, clockSkew, replayApReq, true);
    }

    /** Whether any fault is on. */
    public boolean any() {
        return !equals(NONE);
    }

    /** The faults that are on, for reasons. */
    public String describe() {
        java.util.List<String> on = new java.util.ArrayList<>();
        if (expiredCertificate) {
            on.add("expired device certificate");
        }
        if (foreignCertificate) {
            on.add("device certificate not from the MTA root");
        }
        if (wrongMac) {
            on.add("device certificate of another MAC");
        }
        if (!clockSkew.isZero()) {
            on.add("clock off by " + clockSkew.toSeconds() + " s");
        }
        if (replayApReq) {
            on.add("AP Request replayed");
        }
        if (kmTimeout) {
            on.add("key management answers lost");
        }
        return String.join(", ", on);
    }
}
