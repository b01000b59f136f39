package io.mtaprov.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.server.ServerRegistry;
import io.mtaprov.core.server.ServerStatus;
import io.mtaprov.sim.fuzz.FuzzResult;
import io.mtaprov.sim.fuzz.FuzzTarget;
import io.mtaprov.sim.fuzz.LivePortFuzzer;
import io.mtaprov.sim.fuzz.StandardTargets;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The short run of the live-port fuzzer (the long one is {@code ./mtaprov bench fuzz-live}): mutated
 * inputs from valid seeds to every listening port of the real servers, and a good client's probe
 * answered between them and after them; every input is counted by the server.
 */
class LivePortFuzzEndToEndTest {
    private static final int INPUTS = 2_000;
    private static Map<String, FuzzTarget> targets;

    @BeforeAll
    static void servers() throws Exception {
        ItRuntime.serversRunning();
        Map<String, Integer> ports = Map.of("dhcp", Integer.getInteger("mtaprov.dhcp.port"), "dns",
                Integer.getInteger("mtaprov.dns.port"), "kdc", Integer.getInteger("mtaprov.kdc.port"), "snmp",
                Integer.getInteger("mtaprov.mps.port"), "tftp", Integer.getInteger("mtaprov.tftp.port"));
        targets = StandardTargets.all(new StandardTargets.Network(InetAddress.getLoopbackAddress(), ports, "mtaprov.lab",
                "MTAPROV.LAB", "mtaprov-lab"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dhcp", "dns", "dns-tcp", "kdc", "kdc-tcp", "snmp", "tftp"})
    void serverSurvivesMutatedInputsAndAnswersAGoodClientThroughout(String name) throws Exception {
        FuzzTarget target = targets.get(name);
        String server = name.startsWith("dns") ? "dns" : name.startsWith("kdc") ? "kdc" : name.equals("snmp") ? "mps" : name;
        long before = handled(server);
        FuzzResult r = new LivePortFuzzer(INPUTS, 5_000, 500, Duration.ofSeconds(2), 7).run(target);
        assertThat(r.failures()).as(name + ": probes unanswered").isEmpty();
        assertThat(r.passed()).isTrue();
        assertThat(r.probes()).isEqualTo(INPUTS / 500);
        assertThat(r.sent()).isEqualTo(INPUTS);
        if (!server.equals("mps")) { // SNMP4J drops undecodable messages before the MPS sees them
            assertThat(handled(server) - before).as(server + " counted the inputs").isGreaterThan(INPUTS / 2);
        }
        ItRuntime.serversRunning();
    }

    private static long handled(String id) {
        ServerStatus s = ItRuntime.service(ServerRegistry.class).statuses().stream().filter(x -> x.id().equals(id))
                .findFirst().orElseThrow();
        return s.received() + s.rejected() + s.dropped();
    }
}
