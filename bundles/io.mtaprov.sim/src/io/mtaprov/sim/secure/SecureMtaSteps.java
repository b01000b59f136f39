package io.mtaprov.sim.secure;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.pki.CertificateIssuer;
import io.mtaprov.pki.Credential;
import io.mtaprov.pki.LabPki;
import io.mtaprov.pki.MacAddress;
import io.mtaprov.sim.SecureFlowSteps;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step 3 of the Secure flow for simulated MTAs (PKT-SP-PROV MTA-9..MTA-14): 3a PKINIT AS exchange
 * with the KDC signed with the MTA's device key (the lab PKI issues one certificate per MAC), for the
 * provisioning server's principal directly or, when option 122 sub-option 7 asks for it, for a TGT
 * and then a TGS exchange; 3b key management with the provisioning server (AP Request / AP Reply,
 * Security Parameter Recovered). Returns the SNMPv3 keys for the MTA's agent and INFORMs. The MTA's
 * principal is {@code mta/<its FQDN from the DHCP ACK>}, resolved by the KDC through MTA FQDN.
 * Faults per MAC ({@link SecureFaults}). Thread-safe.
 */
public final class SecureMtaSteps implements SecureFlowSteps {
    private final SecureSettings settings;
    private final LabPki pki;
    private final Map<String, SecureFaults> faults = new ConcurrentHashMap<>();
    private final Map<MacAddress, Credential> credentials = new ConcurrentHashMap<>();

    public SecureMtaSteps(SecureSettings settings, LabPki pki) {
        this.settings = settings;
        this.pki = pki;
    }

    /** Injects faults into the MTA with this MAC (canonical lower-case colon form). */
    public SecureMtaSteps fault(String mac, SecureFaults f) {
        faults.put(mac, f);
        return this;
    }

    @Override
    public MtaUsmKeys establish(Context c) throws Exception {
        SecureFaults f = faults.getOrDefault(c.mta().mac(), SecureFaults.NONE);
        MacAddress mac = MacAddress.of(c.mta().mac());
        Credential device = credential(mac, f);
        List<X509Certificate> certs = new ArrayList<>(device.chain());
        if (certs.size() > 1) {
            certs.remove(certs.size() - 1); // the KDC has the root
        }
        Clock clock = Clock.offset(Clock.systemUTC(), f.clockSkew());
        InetSocketAddress kdc = settings.kdc() != null ? settings.kdc() : c.kdcs().isEmpty() ? null
                : new InetSocketAddress(c.kdcs().get(0), settings.kdcPort());
        if (kdc == null) {
            throw new IllegalStateException("no KDC: option 122 sub-option 10 is empty and none is configured");
        }
        if (c.fqdn().isBlank()) {
            throw new IllegalStateException("the DHCP ACK gave no host and domain name (options 12/15): the MTA has no"
                    + " FQDN for its principal");
        }
        KdcTransport t = new KdcTransport(c.mtaAddress(), settings.timeout(), settings.tries());
        String client = "mta/" + c.fqdn();
        String service = settings.mpsPrincipal();
        String why = f.any() ? " (fault injection: " + f.describe() + ")" : "";
        c.trace().event(true, kdc, "AS-REQ " + client + " for " + (c.useTgs() ? "krbtgt/" + c.realm() : service)
                + ", PKINIT signed with the device key" + why, device.certificate().getSubjectX500Principal().getName(),
                Outcome.OK);
        KerberosTickets ticket;
        try {
            PkinitClient pk = new PkinitClient(t, clock);
            if (c.useTgs()) {
                KerberosTickets tgt = pk.obtain(kdc, client, "krbtgt/" + c.realm(), c.realm(), device, certs);
                c.trace().event(false, kdc, "AS-REP: TGT for " + client, "", Outcome.OK);
                ticket = new TgsClient(t, clock).obtain(kdc, tgt, service, c.realm());
                c.trace().event(false, kdc, "TGS-REP: ticket for " + service, "option 122 sub-option 7 asked for TGS",
                        Outcome.OK);
            } else {
                ticket = pk.obtain(kdc, client, service, c.realm(), device, certs);
                c.trace().event(false, kdc, "AS-REP: ticket for " + service, "", Outcome.OK);
            }
        } catch (PkinitClient.KdcRefusal e) {
            throw new IllegalStateException("the KDC refused " + client + ": " + e.getMessage() + why, e);
        }
        InetSocketAddress mps = new InetSocketAddress(c.provisioningServer(), settings.kmPort());
        String user = "mta-" + c.mta().mac().replace(":", "");
        c.trace().event(true, mps, "AP Request for SNMPv3 user " + user, "offers " + settings.offered(), Outcome.OK);
        try {
            MtaUsmKeys keys = new KmClient(c.mtaAddress(), settings.timeout(), settings.tries(), f.clockSkew(),
                    f.kmTimeout(), f.replayApReq()).establish(mps, ticket, c.engineId(), c.engineBoots(),
                            c.engineTime(), user, settings.offered());
            c.trace().event(false, mps, "AP Reply: SNMPv3 keys established (" + keys + ")", "", Outcome.OK);
            return keys;
        } catch (KmClient.KmFailure e) {
            throw new IllegalStateException(e.getMessage() + why, e);
        }
    }

    private Credential credential(MacAddress mac, SecureFaults f) {
        Instant now = Instant.now();
        if (f.expiredCertificate()) {
            return pki.issueMta(mac, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        }
        if (f.foreignCertificate()) {
            return CertificateIssuer.selfSignedDevice(mac, now.minusSeconds(60), now.plusSeconds(3600));
        }
        if (f.wrongMac()) {
            byte[] b = mac.bytes();
            b[5] ^= (byte) 0x5a;
            return pki.mta(MacAddress.of(java.util.HexFormat.ofDelimiter(":").formatHex(b)));
        }
        return credentials.computeIfAbsent(mac, pki::mta);
    }

    /** Issues (or loads) the device credentials of these MACs now, so that a timed run does not pay for it. */
    public void prepare(List<String> macs) {
        macs.parallelStream().map(MacAddress::of).forEach(m -> credentials.computeIfAbsent(m, pki::mta));
    }
}
