package io.mtaprov.server.kdc;

import io.mtaprov.core.model.Flow;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.pki.MacAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the KDC serves, from framework/system properties:
 * <ul>
 * <li>{@code mtaprov.kdc.realm}: the Kerberos realm; default the provisioning network's realm when
 * it selects the Secure flow, else {@value #DEFAULT_REALM} (BASIC.x / HYBRID.x are flow selectors,
 * not Kerberos realms);</li>
 * <li>{@code mtaprov.kdc.fqdn}: the KDC's host name in its certificate; default the network's KDC FQDN;</li>
 * <li>{@code mtaprov.kdc.mtaPrincipals}: {@code mta/<fqdn>=<MAC>;...}, MTA principals (PKINIT only)
 * and the MAC their device certificate must carry;</li>
 * <li>{@code mtaprov.kdc.passwordPrincipals}: {@code name=password;...}, lab password principals
 * (encrypted timestamp only; a lab convenience, the passwords sit in the settings in clear);</li>
 * <li>{@code mtaprov.kdc.mpsPrincipal}: the provisioning server's service principal; default
 * {@code mtaprovsrvr/<mps-fqdn>} (PROTOCOL.md: not confirmed from the specification text);</li>
 * <li>{@code mtaprov.mps.mtaFqdnPort}: the provisioning server's MTA FQDN port (at
 * {@code mtaprov.net.mpsAddress}; default {@value #DEFAULT_MTA_FQDN_PORT}, 0 = no MTA FQDN requests):
 * {@code mta/<fqdn>} principals not listed above are resolved there;</li>
 * <li>{@code mtaprov.pki.dir}: where the lab PKI lives; default {@code <mtaprov.data.dir>/pki},
 * else {@code ~/.mtaprov/pki};</li>
 * <li>{@code mtaprov.pki.masterSecret}: the secret the PKI's private keys are encrypted under (for
 * now a setting; when absent a random one is kept in {@code <pki dir>/master.secret}, owner-only).</li>
 * </ul>
 * The master secret is never part of {@link #toString()}.
 */
public record KdcSettings(String realm, String kdcFqdn, Map<String, MacAddress> mtaPrincipals,
        Map<String, String> passwordPrincipals, String mpsPrincipal, Path pkiDir, String masterSecret,
        InetSocketAddress mtaFqdnServer) {
    public static final String DEFAULT_REALM = "MTAPROV.LAB";
    /** The provisioning server's MTA FQDN port here (PKT-SP-SEC: 2246; unprivileged default, DESIGN.md style). */
    public static final int DEFAULT_MTA_FQDN_PORT = 12246;
    /** The keytab the KDC writes for the provisioning server, in the PKI directory. */
    public static final String MPS_KEYTAB = "mps.keytab";

    public KdcSettings {
        mtaPrincipals = Map.copyOf(mtaPrincipals);
        passwordPrincipals = Map.copyOf(passwordPrincipals);
    }

    /** Without MTA FQDN: only principals configured with a MAC get tickets. */
    public KdcSettings(String realm, String kdcFqdn, Map<String, MacAddress> mtaPrincipals,
            Map<String, String> passwordPrincipals, String mpsPrincipal, Path pkiDir, String masterSecret) {
        this(realm, kdcFqdn, mtaPrincipals, passwordPrincipals, mpsPrincipal, pkiDir, masterSecret, null);
    }

    /** The same, resolving {@code mta/<fqdn>} principals through MTA FQDN requests to {@code server}. */
    public KdcSettings withMtaFqdnServer(InetSocketAddress server) {
        return new KdcSettings(realm, kdcFqdn, mtaPrincipals, passwordPrincipals, mpsPrincipal, pkiDir, masterSecret,
                server);
    }

    /** The qualified principal of the provisioning server. */
    public String qualifiedMpsPrincipal() {
        return mpsPrincipal.contains("@") ? mpsPrincipal : mpsPrincipal + "@" + realm;
    }

    /** Where the provisioning server's keytab is written. */
    public Path mpsKeytab() {
        return pkiDir.resolve(MPS_KEYTAB);
    }

    public static KdcSettings fromProperties(UnaryOperator<String> props) {
        ProvisioningNetwork net = ProvisioningNetwork.fromProperties(props);
        String realm = get(props, "mtaprov.kdc.realm",
                Flow.fromRealm(net.realm()) == Flow.SECURE ? net.realm() : DEFAULT_REALM);
        Map<String, MacAddress> mtas = new LinkedHashMap<>();
        pairs(props.apply("mtaprov.kdc.mtaPrincipals")).forEach((k, v) -> mtas.put(k, MacAddress.of(v)));
        String dataDir = props.apply("mtaprov.data.dir");
        Path pki = Path.of(get(props, "mtaprov.pki.dir", dataDir != null && !dataDir.isBlank()
                ? Path.of(dataDir, "pki").toString() : Path.of(System.getProperty("user.home"), ".mtaprov", "pki").toString()));
        String fqdnPort = get(props, "mtaprov.mps.mtaFqdnPort", Integer.toString(DEFAULT_MTA_FQDN_PORT));
        InetSocketAddress fqdnServer = fqdnPort.equals("0") ? null
                : new InetSocketAddress(net.mpsAddress(), Integer.parseInt(fqdnPort));
        return new KdcSettings(realm, get(props, "mtaprov.kdc.fqdn", net.kdcFqdn()), mtas,
                pairs(props.apply("mtaprov.kdc.passwordPrincipals")),
                get(props, "mtaprov.kdc.mpsPrincipal", "mtaprovsrvr/" + net.mpsFqdn()), pki,
                get(props, "mtaprov.pki.masterSecret", ""), fqdnServer);
    }

    private static String get(UnaryOperator<String> props, String key, String dflt) {
        String v = props.apply(key);
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String item : text.split(";")) {
            int eq = item.indexOf('=');
            if (eq > 0) {
                out.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "KdcSettings[realm " + realm + ", fqdn " + kdcFqdn + ", " + mtaPrincipals.size() + " MTA and "
                + passwordPrincipals.size() + " password principals, mps " + mpsPrincipal + ", pki " + pkiDir + "]";
    }
}
