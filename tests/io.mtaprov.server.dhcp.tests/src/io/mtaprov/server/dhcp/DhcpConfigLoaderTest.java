package io.mtaprov.server.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.server.ServerSettings;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DhcpConfigLoaderTest {

    @Test
    void serverOnLoopbackHandsOutLoopbackAddressesSoSimulatedMtasCanBindThem() throws IOException {
        DhcpConfig c = DhcpConfigLoader.load(k -> null, new ServerSettings("127.0.0.1", 10067, true));
        Scope s = c.defaultScope().orElseThrow();
        assertThat(s.network().toString()).isEqualTo("127.77.0.0");
        assertThat(s.router().toString()).isEqualTo("127.77.0.1");
    }

    @Test
    void serverOnARealInterfaceKeepsThePrivateDefaultScope() throws IOException {
        DhcpConfig c = DhcpConfigLoader.load(k -> k.equals("mtaprov.dhcp.serverId") ? "192.0.2.1" : null,
                new ServerSettings("0.0.0.0", 10067, true));
        assertThat(c.defaultScope().orElseThrow().network().toString()).isEqualTo("10.10.0.0");
    }
}
