package io.mtaprov.server.mps.km;

import io.mtaprov.protocol.km.Ciphersuite;
import io.mtaprov.server.kdc.KdcSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Key management settings (framework/system properties):
 * <ul>
 * <li>{@code mtaprov.km.port}: UDP key management port (PKT-SP-SEC: 1293; default {@value #DEFAULT_KM_PORT});</li>
 * <li>{@code mtaprov.mps.mtaFqdnPort}: UDP MTA FQDN port (PKT-SP-SEC: 2246; default
 * {@value KdcSettings#DEFAULT_MTA_FQDN_PORT}, the KDC asks there);</li>
 * <li>{@code mtaprov.km.ciphersuites}: the SNMPv3 suites the server accepts, best first, of
 * {@code sha1-des, sha1-none, md5-des, md5-none} (default {@value #DEFAULT_SUITES}); the first one
 * the MTA offers is chosen;</li>
 * <li>{@code mtaprov.km.lifetimeSeconds} (default 604800, 7 days), {@code mtaprov.km.graceSeconds}
 * (3600), {@code mtaprov.km.ackRequired} (true: the MTA confirms with Security Parameter Recovered);</li>
 * <li>realm, provisioning server principal and keytab as the KDC's ({@link KdcSettings}).</li>
 * </ul>
 */
public record KmSettings(int mtaFqdnPort, List<Ciphersuite> suites, Duration lifetime, Duration grace,
        boolean ackRequired, String realm, String principal, Path keytab) {
    public static final int DEFAULT_KM_PORT = 11293;
    public static final String DEFAULT_SUITES = "sha1-des,sha1-none,md5-des,md5-none";

    public KmSettings {
        suites = List.copyOf(suites);
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("mtaprov.km.ciphersuites names no suite");
        }
    }

    public static KmSettings fromProperties(UnaryOperator<String> props) {
        KdcSettings kdc = KdcSettings.fromProperties(props);
        return new KmSettings(Integer.parseInt(get(props, "mtaprov.mps.mtaFqdnPort",
                Integer.toString(KdcSettings.DEFAULT_MTA_FQDN_PORT))), suites(get(props, "mtaprov.km.ciphersuites",
                        DEFAULT_SUITES)), Duration.ofSeconds(Long.parseLong(get(props, "mtaprov.km.lifetimeSeconds",
                                "604800"))), Duration.ofSeconds(Long.parseLong(get(props, "mtaprov.km.graceSeconds",
                                        "3600"))), Boolean.parseBoolean(get(props, "mtaprov.km.ackRequired", "true")),
                kdc.realm(), kdc.qualifiedMpsPrincipal(), kdc.mpsKeytab());
    }

    /** Parses {@code sha1-des,md5-none,...}. */
    public static List<Ciphersuite> suites(String text) {
        List<Ciphersuite> out = new ArrayList<>();
        for (String s : text.toLowerCase(Locale.ROOT).split(",")) {
            String t = s.strip();
            if (t.isEmpty()) {
                continue;
            }
            String[] p = t.split("-");
            if (p.length != 2) {
                throw new IllegalArgumentException("ciphersuite '" + t + "' is not <md5|sha1>-<none|des>");
            }
            int auth = switch (p[0]) {
                case "md5" -> Ciphersuite.SNMP_AUTH_HMAC_MD5;
                case "sha1" -> Ciphersuite.SNMP_AUTH_HMAC_SHA1;
                default -> throw new IllegalArgumentException("authentication '" + p[0] + "' is not md5 or sha1");
            };
            int enc = switch (p[1]) {
                case "none" -> Ciphersuite.SNMP_PRIV_NONE;
                case "des" -> Ciphersuite.SNMP_PRIV_DES;
                default -> throw new IllegalArgumentException("privacy '" + p[1] + "' is not none or des");
            };
            out.add(new Ciphersuite(auth, enc));
        }
        return out;
    }

    private static String get(UnaryOperator<String> props, String key, String dflt) {
        String v = props.apply(key);
        return v == null || v.isBlank() ? dflt : v.trim();
    }
}
