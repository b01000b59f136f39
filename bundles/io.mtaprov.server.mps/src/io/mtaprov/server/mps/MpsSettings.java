package io.mtaprov.server.mps;

import io.mtaprov.core.provisioning.ProvisioningTimers;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.core.settings.SettingsLocations;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The provisioning server's settings beyond its bind address and trap port (the wire contract with
 * the simulator, PROTOCOL.md). From framework/system properties:
 * {@code mtaprov.snmp.community} (default "mtaprov-lab"; "public" and "private" are refused),
 * {@code mtaprov.mta.snmpPort} (the MTAs' agent port, default 161), {@code mtaprov.tftp.port}
 * (10069), {@code mtaprov.mps.tftpHost} ("address" or "fqdn": which name of the TFTP server the URL
 * uses), {@code mtaprov.mps.getOids} (comma-separated objects to GET in step 5a),
 * {@code mtaprov.mps.care.csv}, {@code mtaprov.mps.care.url} (with {mac}),
 * {@code mtaprov.mps.care.timeoutMs}, {@code mtaprov.mps.care.slowMs},
 * {@code mtaprov.mps.care.required}, the timers ({@link ProvisioningTimers}) and the network
 * ({@link ProvisioningNetwork}). The community is a secret: {@link #toString()} hides it.
 */
public record MpsSettings(String community, int mtaSnmpPort, boolean tftpByFqdn, int tftpPort,
        ProvisioningNetwork network, ProvisioningTimers timers, List<String> getOids, String careCsv, String careUrl,
        Duration careTimeout, Duration careSlow, boolean careRequired) {

    public static final String DEFAULT_COMMUNITY = "mtaprov-lab";
    /** The well-known port of SNMP agents (RFC 3417 section 3). */
    public static final int SNMP_AGENT_PORT = 161;
    /** RFC 1350: TFTP's well-known port; RFC 3617 URLs omit it. */
    public static final int TFTP_PORT = 69;
    static final int TFTP_DEFAULT_PORT = 10069;

    public MpsSettings {
        String c = community.toLowerCase(Locale.ROOT);
        if (c.isBlank() || c.equals("public") || c.equals("private")) {
            throw new IllegalArgumentException("the SNMP community (mtaprov.snmp.community) must be set to a"
                    + " non-default value: empty, public and private are refused");
        }
        getOids = List.copyOf(getOids);
    }

    public static MpsSettings defaults() {
        return fromProperties(k -> null);
    }

    public static MpsSettings fromProperties(UnaryOperator<String> props) {
        return new MpsSettings(get(props, "mtaprov.snmp.community", DEFAULT_COMMUNITY),
                Integer.parseInt(get(props, "mtaprov.mta.snmpPort", Integer.toString(SNMP_AGENT_PORT))),
                get(props, "mtaprov.mps.tftpHost", "address").equalsIgnoreCase("fqdn"),
                Integer.parseInt(get(props, "mtaprov.tftp.port", Integer.toString(TFTP_DEFAULT_PORT))),
                ProvisioningNetwork.fromProperties(props), ProvisioningTimers.fromProperties(props),
                Arrays.stream(get(props, "mtaprov.mps.getOids", "").split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList(),
                careCsv(props), get(props, "mtaprov.mps.care.url", ""),
                Duration.ofMillis(Long.parseLong(get(props, "mtaprov.mps.care.timeoutMs", "2000"))),
                Duration.ofMillis(Long.parseLong(get(props, "mtaprov.mps.care.slowMs", "500"))),
                Boolean.parseBoolean(get(props, "mtaprov.mps.care.required", "false")));
    }

    /**
     * {@code mtaprov.mps.care.csv}, else the console's {@code <data dir>/customer-care.csv} when it
     * exists (the settings editor writes it there; once read, the source watches it), else "".
     */
    static String careCsv(UnaryOperator<String> props) {
        String explicit = get(props, SettingsLocations.CARE_CSV_PROPERTY, "");
        if (!explicit.isBlank()) {
            return explicit;
        }
        return SettingsLocations.careCsv(props).filter(java.nio.file.Files::isRegularFile)
                .map(java.nio.file.Path::toString).orElse("");
    }

    /** The RFC 3617 URL of a generated file: {@code tftp://host[:port]/name} (the port only when not 69). */
    public String configFileUrl(String fileName) {
        String host = tftpByFqdn ? network.tftpFqdn() : network.tftpAddress();
        return "tftp://" + host + (tftpPort == TFTP_PORT ? "" : ":" + tftpPort) + "/" + fileName;
    }

    public MpsSettings withTimers(ProvisioningTimers t) {
        return new MpsSettings(community, mtaSnmpPort, tftpByFqdn, tftpPort, network, t, getOids, careCsv, careUrl,
                careTimeout, careSlow, careRequired);
    }

    public MpsSettings withMtaSnmpPort(int port) {
        return new MpsSettings(community, port, tftpByFqdn, tftpPort, network, timers, getOids, careCsv, careUrl,
                careTimeout, careSlow, careRequired);
    }

    public MpsSettings withGetOids(List<String> oids) {
        return new MpsSettings(community, mtaSnmpPort, tftpByFqdn, tftpPort, network, timers, oids, careCsv, careUrl,
                careTimeout, careSlow, careRequired);
    }

    public MpsSettings withNetwork(ProvisioningNetwork n) {
        return new MpsSettings(community, mtaSnmpPort, tftpByFqdn, tftpPort, n, timers, getOids, careCsv, careUrl,
                careTimeout, careSlow, careRequired);
    }

    @Override
    public String toString() {
        return "MpsSettings[community=<hidden>, mtaSnmpPort=" + mtaSnmpPort + ", tftp=" + configFileUrl("") + ", "
                + timers + ", getOids=" + getOids + ", careCsv=" + careCsv + ", careUrl=" + careUrl + "]";
    }

    private static String get(UnaryOperator<String> props, String key, String dflt) {
        String v = props.apply(key);
        return v == null || v.isBlank() ? dflt : v.trim();
    }
}
