package io.mtaprov.sim;

import io.mtaprov.protocol.dhcp.Ipv4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Where the simulator finds the servers and how patient it is. Immutable; build with
 * {@link #builder()}. Defaults are the console's unprivileged ports (DESIGN.md) and the lab timers
 * of docs/wire-contract.md.
 *
 * @param dhcpServer         the DHCP server (default 127.0.0.1:10067)
 * @param clientAddress      address the DHCP client socket binds to when not relayed (default 127.0.0.1)
 * @param relayAgent         {@code giaddr} to set (relay mode, the "CMTS" of the scope), or {@code null}: not relayed
 * @param dhcpInitialTimeout first retransmission timeout; doubles per attempt (RFC 2131 section 4.1
 *                           uses 4 s doubling to 64 s, shortened for the lab)
 * @param dhcpMaxTimeout     largest retransmission timeout
 * @param dhcpAttempts       transmissions of each of DISCOVER and REQUEST before the step fails
 * @param dnsPort            port of the DNS server named by option 6 (default 10053)
 * @param dnsServer          a DNS server to use instead of option 6 (address and port), or {@code null}
 * @param dnsTimeout         DNS query timeout
 * @param mpsPort            the provisioning server's INFORM port (property mtaprov.mps.port, default 10162)
 * @param mtaSnmpPort        the MTA agent's port on its own IP (property mtaprov.mta.snmpPort; simulator default 10161)
 * @param community          SNMPv2c community (property mtaprov.snmp.community, default "mtaprov-lab")
 * @param snmpTimeout        INFORM timeout before a retry
 * @param snmpRetries        INFORM retries
 * @param setWait            how long the MTA waits for the SET of step 7 after its enrollment INFORM was answered
 * @param tftpTimeout        TFTP timeout per packet
 * @param tftpRetries        TFTP timeouts before the download fails
 * @param requestLegacyCcc   ask for option 177 in option 55 as well as 122
 * @param basicTftpPort      TFTP port of {@code siaddr} in the Basic flow (the ACK names no port; default 10069)
 */
public record SimSettings(InetSocketAddress dhcpServer, String clientAddress, Ipv4Address relayAgent,
        Duration dhcpInitialTimeout, Duration dhcpMaxTimeout, int dhcpAttempts, int dnsPort, InetSocketAddress dnsServer,
        Duration dnsTimeout, int mpsPort, int mtaSnmpPort, String community, Duration snmpTimeout, int snmpRetries, Duration setWait,
        Duration tftpTimeout, int tftpRetries, boolean requestLegacyCcc, int basicTftpPort) {

    public static final int DEFAULT_DHCP_PORT = 10067;
    public static final int DEFAULT_DNS_PORT = 10053;
    public static final int DEFAULT_MPS_PORT = 10162;
    public static final int DEFAULT_MTA_SNMP_PORT = 10161;
    public static final int DEFAULT_TFTP_PORT = 10069;
    /** docs/wire-contract.md: never "public"/"private". */
    public static final String DEFAULT_COMMUNITY = "mtaprov-lab";

    /** The defaults. */
    public static SimSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().dhcpServer(dhcpServer).clientAddress(clientAddress).relayAgent(relayAgent)
                .dhcpTimeouts(dhcpInitialTimeout, dhcpMaxTimeout, dhcpAttempts).dnsPort(dnsPort).dnsServer(dnsServer).dnsTimeout(dnsTimeout)
                .mpsPort(mpsPort).mtaSnmpPort(mtaSnmpPort).community(community).snmp(snmpTimeout, snmpRetries)
                .setWait(setWait).tftp(tftpTimeout, tftpRetries).requestLegacyCcc(requestLegacyCcc).basicTftpPort(basicTftpPort);
    }

    /**
     * The defaults overridden by properties (framework or system): {@code mtaprov.dhcp.port},
     * {@code mtaprov.dhcp.address}, {@code mtaprov.dns.port}, {@code mtaprov.mps.port},
     * {@code mtaprov.mta.snmpPort}, {@code mtaprov.snmp.community}, {@code mtaprov.sim.giaddr},
     * {@code mtaprov.tftp.port} (the Basic flow's TFTP port).
     */
    public static SimSettings fromProperties(UnaryOperator<String> props) {
        Builder b = builder();
        String host = props.apply("mtaprov.dhcp.address");
        String port = props.apply("mtaprov.dhcp.port");
        b.dhcpServer(new InetSocketAddress(blank(host) ? "127.0.0.1" : host.trim(),
                blank(port) ? DEFAULT_DHCP_PORT : Integer.parseInt(port.trim())));
        String v;
        if (!blank(v = props.apply("mtaprov.dns.port"))) {
            b.dnsPort(Integer.parseInt(v.trim()));
        }
        if (!blank(v = props.apply("mtaprov.mps.port"))) {
            b.mpsPort(Integer.parseInt(v.trim()));
        }
        if (!blank(v = props.apply("mtaprov.mta.snmpPort"))) {
            b.mtaSnmpPort(Integer.parseInt(v.trim()));
        }
        if (!blank(v = props.apply("mtaprov.snmp.community"))) {
            b.community(v.trim());
        }
        if (!blank(v = props.apply("mtaprov.tftp.port"))) {
            b.basicTftpPort(Integer.parseInt(v.trim()));
        }
        if (!blank(v = props.apply("mtaprov.sim.giaddr"))) {
            b.relayAgent(Ipv4Address.parse(v.trim()));
        }
        return b.build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Collects settings; not thread-safe. */
    public static final class Builder {
        private InetSocketAddress dhcpServer = new InetSocketAddress("127.0.0.1", DEFAULT_DHCP_PORT);
        private String clientAddress = "127.0.0.1";
        private Ipv4Address relayAgent;
        private Duration dhcpInitial = Duration.ofMillis(500), dhcpMax = Duration.ofSeconds(4);
        private int dhcpAttempts = 5;
        private int dnsPort = DEFAULT_DNS_PORT;
        private Duration dnsTimeout = Duration.ofSeconds(2);
        private int mpsPort = DEFAULT_MPS_PORT, mtaSnmpPort = DEFAULT_MTA_SNMP_PORT;
        private String community = DEFAULT_COMMUNITY;
        private Duration snmpTimeout = Duration.ofSeconds(1);
        private int snmpRetries = 3;
        private Duration setWait = Duration.ofSeconds(30);
        private Duration tftpTimeout = Duration.ofSeconds(1);
        private int tftpRetries = 4;
        private boolean legacyCcc;
        private InetSocketAddress dnsServer;
        private int basicTftpPort = DEFAULT_TFTP_PORT;

        public Builder dhcpServer(InetSocketAddress a) {
            dhcpServer = a;
            return this;
        }

        public Builder clientAddress(String a) {
            clientAddress = a;
            return this;
        }

        /** Relay mode: {@code giaddr} of the requests; {@code null} turns it off. */
        public Builder relayAgent(Ipv4Address giaddr) {
            relayAgent = giaddr;
            return this;
        }

        public Builder dhcpTimeouts(Duration initial, Duration max, int attempts) {
            dhcpInitial = initial;
            dhcpMax = max;
            dhcpAttempts = attempts;
            return this;
        }

        public Builder dnsPort(int p) {
            dnsPort = p;
            return this;
        }

        /** Use this DNS server instead of the one of option 6 ({@code null}: option 6). */
        public Builder dnsServer(InetSocketAddress a) {
            dnsServer = a;
            return this;
        }

        public Builder basicTftpPort(int p) {
            basicTftpPort = p;
            return this;
        }

        public Builder dnsTimeout(Duration d) {
            dnsTimeout = d;
            return this;
        }

        public Builder mpsPort(int p) {
            mpsPort = p;
            return this;
        }

        public Builder mtaSnmpPort(int p) {
            mtaSnmpPort = p;
            return this;
        }

        public Builder community(String c) {
            community = c;
            return this;
        }

        public Builder snmp(Duration timeout, int retries) {
            snmpTimeout = timeout;
            snmpRetries = retries;
            return this;
        }

        public Builder setWait(Duration d) {
            setWait = d;
            return this;
        }

        public Builder tftp(Duration timeout, int retries) {
            tftpTimeout = timeout;
            tftpRetries = retries;
            return this;
        }

        public Builder requestLegacyCcc(boolean on) {
            legacyCcc = on;
            return this;
        }

        /** @throws IllegalArgumentException on a port outside 1..65535 or a non-positive count */
        public SimSettings build() {
            for (int p : new int[] {dhcpServer.getPort(), dnsPort, mpsPort, mtaSnmpPort, basicTftpPort}) {
                if (p < 1 || p > 65535) {
                    throw new IllegalArgumentException("port " + p + " is outside 1..65535");
                }
            }
            if (dhcpAttempts < 1 || snmpRetries < 0 || tftpRetries < 1) {
                throw new IllegalArgumentException("attempts and retries must be positive");
            }
            return new SimSettings(dhcpServer, clientAddress, relayAgent, dhcpInitial, dhcpMax, dhcpAttempts, dnsPort,
                    dnsServer, dnsTimeout, mpsPort, mtaSnmpPort, community, snmpTimeout, snmpRetries, setWait,
                    tftpTimeout, tftpRetries, legacyCcc, basicTftpPort);
        }
    }
}
