package io.mtaprov.server.mps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.model.Flow;
import io.mtaprov.core.provisioning.DeviceClass;
import io.mtaprov.core.provisioning.Enrollment;
import io.mtaprov.core.provisioning.MemoryProvisioningStore;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.config.ConfigText;
import io.mtaprov.protocol.config.Finding;
import io.mtaprov.protocol.mib.MibTree;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Step 5 from the layers: the seeded defaults give a valid file for both trees; layers override; errors say why. */
class ConfigFileBuilderTest {
    static final String MAC = "00:10:95:de:00:01";
    final MemoryProvisioningStore store = MemoryProvisioningStore.withDefaults();
    final ConfigFileBuilder builder = new ConfigFileBuilder(store, ProvisioningNetwork.LOOPBACK_DEFAULTS);
    final Lease lease = new Lease(MAC, "127.0.0.9", "cmts-a", "pktc", "pktc1.0:051f", "mta.mtaprov.lab", "",
            Lease.State.BOUND, Instant.now(), Instant.now().plusSeconds(60));

    static Enrollment enrollment(MibTree tree, Flow flow) {
        return new Enrollment(MAC, "127.0.0.9", 1, flow, tree.name(), "<<VENDOR: Acme; MODEL: TM-1>>", "1.0",
                "pktc1.0:051f", Instant.now());
    }

    GeneratedConfig build(MibTree tree, Flow flow, Map<String, String> care) throws Exception {
        Enrollment e = enrollment(tree, flow);
        return builder.build(builder.plan(e, lease, care), e, lease, Map.of(), flow.isBasic());
    }

    @Test
    void defaultCableLabsClassGivesTwoLinesEnabledAndValid() throws Exception {
        GeneratedConfig c = build(MibTree.CABLELABS, Flow.HYBRID_2, Map.of());
        assertThat(c.deviceClass().id()).isEqualTo("default");
        assertThat(c.findings()).noneMatch(f -> f.severity() == Finding.Severity.ERROR
                || f.severity() == Finding.Severity.WARNING);
        String printed = ConfigText.print(ConfigFile.decode(c.bytes()));
        assertThat(printed).contains("pktcMtaDevEnabled.0 Integer 1")
                .contains("pktcNcsEndPntConfigCallAgentId.9 String \"[127.0.0.1]\"")
                .contains("pktcNcsEndPntConfigCallAgentId.10 String \"[127.0.0.1]\"")
                .contains("pktcNcsEndPntConfigCallAgentUdpPort.10 Integer 2727")
                .contains("pktcMtaDevRealmOrgName.'MTAPROV.LAB'");
        assertThat(c.text()).contains("/* " + MAC + " (127.0.0.9, scope cmts-a)");
        assertThat(ConfigHash.verify(c.file()).status().name()).isEqualTo("ABSENT");
    }

    @Test
    void defaultIetfClassIsValidInItsTree() throws Exception {
        GeneratedConfig c = build(MibTree.IETF, Flow.HYBRID_2, Map.of());
        assertThat(c.deviceClass().id()).isEqualTo("default-ietf");
        assertThat(c.findings()).noneMatch(f -> f.severity() == Finding.Severity.ERROR
                || f.severity() == Finding.Severity.WARNING);
        assertThat(ConfigText.print(c.file(), MibTree.IETF)).contains("pktcSigEndPntConfigCallAgentId.10");
    }

    @Test
    void layersOverrideInOrderCmtsScopeMtaCare() throws Exception {
        store.saveCmtsVariables("cmts-a", Map.of("callAgent", "[10.1.1.1]", "callAgentPort", "2800"));
        store.saveMtaVariables(MAC, Map.of("lines", "1", "line.1.number", "555-0101"));
        GeneratedConfig c = build(MibTree.CABLELABS, Flow.HYBRID_2, Map.of("line.1.port", "2900"));
        String printed = ConfigText.print(c.file());
        assertThat(printed).contains("CallAgentId.9 String \"[10.1.1.1]\"").contains("CallAgentUdpPort.9 Integer 2900")
                .doesNotContain(".10 ");
        assertThat(c.text()).contains("/* line 1: 555-0101 */");
    }

    @Test
    void basicFlowFileCarriesAValidHashTlvOfTheTreesDialect() throws Exception {
        GeneratedConfig c = build(MibTree.IETF, Flow.BASIC_1, Map.of());
        assertThat(ConfigHash.verify(ConfigFile.decode(c.bytes())).status().name()).isEqualTo("VALID");
        assertThat(c.file().varbinds().get(c.file().varbinds().size() - 1).oid().toString())
                .isEqualTo("1.3.6.1.2.1.140.1.2.11.0");
    }

    @Test
    void deviceClassByVendorAndForcedClass() throws Exception {
        String acme = """
                Main
                {
                    MtaConfigDelimiter 1;
                    SnmpMibObject pktcMtaDevEnabled.0 Integer 1;
                    SnmpMibObject pktcMtaDevSwCurrentVers.0 String "${get.sysDescr}";
                    MtaConfigDelimiter 255;
                }
                """;
        store.saveDeviceClass(new DeviceClass("acme", 0, "acme", "TM-1", "", "CABLELABS", acme, List.of(), Map.of()));
        assertThat(build(MibTree.CABLELABS, Flow.HYBRID_2, Map.of("deviceClass", "default")).deviceClass().id())
                .isEqualTo("default");
        Enrollment e = enrollment(MibTree.CABLELABS, Flow.HYBRID_2);
        ConfigFileBuilder.Plan p = builder.plan(e, lease, Map.of());
        assertThat(p.deviceClass().id()).isEqualTo("acme");
        assertThatThrownBy(() -> builder.build(p, e, lease, Map.of(), false))
                .hasMessageContaining("no value for ${get.sysDescr}");
        assertThatThrownBy(() -> builder.build(p, e, lease, Map.of("sysDescr", "x"), false))
                .hasMessageContaining("is invalid").hasMessageContaining("read-only");
        assertThatThrownBy(() -> builder.plan(e, lease, Map.of("deviceClass", "nope"))).hasMessageContaining("'nope'");
    }

    @Test
    void storeKeepsTheAllScopesLayer() {
        assertThat(store.cmtsVariables(ProvisioningStore.ALL_SCOPES)).containsEntry("callAgentPort", "2727");
    }
}
