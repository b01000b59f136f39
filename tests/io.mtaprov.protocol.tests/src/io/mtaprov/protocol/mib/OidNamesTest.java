package io.mtaprov.protocol.mib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OidNamesTest {
    // PROTOCOL.md: pktcNcsEndPntConfigCallAgentId.9 = 1.3.6.1.4.1.4491.2.2.2.1.2.1.1.1.9
    static final String CALL_AGENT_9 = "1.3.6.1.4.1.4491.2.2.2.1.2.1.1.1.9";
    // PKTC-MTA-MIB pktcMtaDevRealmOrgName (tsv) + IMPLIED 'REALM.COM' = ASCII bytes, no length
    static final String REALM_ORG = "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.4.82.69.65.76.77.46.67.79.77";

    private final OidNames names = new OidNames(MibRegistry.standard());

    @Test
    void resolvesNumericIndex() {
        assertThat(names.parse("pktcNcsEndPntConfigCallAgentId.9", MibTree.CABLELABS)).isEqualTo(Oid.parse(CALL_AGENT_9));
    }

    @Test
    void resolvesScalarInstance() {
        assertThat(names.parse("pktcMtaDevEnabled.0", MibTree.CABLELABS)).isEqualTo(Oid.parse(MibRegistryTest.CL_ENABLED + ".0"));
        assertThat(names.parse("pktcMtaDevEnabled.0", MibTree.IETF)).isEqualTo(Oid.parse(MibRegistryTest.IETF_ENABLED + ".0"));
    }

    @Test
    void resolvesImpliedStringIndexWithoutLengthPrefix() {
        assertThat(names.parse("pktcMtaDevRealmOrgName.'REALM.COM'", MibTree.CABLELABS)).isEqualTo(Oid.parse(REALM_ORG));
    }

    @Test
    void resolvesDoubleQuotedIndexWithLengthPrefix() {
        Oid oid = names.parse("pktcMtaCmsMapAdminStatus.9.\"cms\"", MibTree.CABLELABS);
        assertThat(oid.suffix(oid.size() - 5).toString()).isEqualTo("9.3.99.109.115");
    }

    @Test
    void formatsImpliedIndexAsQuotedString() {
        assertThat(names.format(Oid.parse(REALM_ORG), MibTree.CABLELABS)).isEqualTo("pktcMtaDevRealmOrgName.'REALM.COM'");
    }

    @Test
    void qualifiesNamesOutsideThePreferredTree() {
        Oid ietf = Oid.parse(MibRegistryTest.IETF_ENABLED + ".0");
        assertThat(names.format(ietf, MibTree.CABLELABS)).isEqualTo("PKTC-IETF-MTA-MIB::pktcMtaDevEnabled.0");
        assertThat(names.format(ietf, MibTree.IETF)).isEqualTo("pktcMtaDevEnabled.0");
    }

    @ParameterizedTest
    @ValueSource(strings = { CALL_AGENT_9, REALM_ORG, "1.3.6.1.2.1.1.1.0", "1.3.6.1.4.1.4491.2.2.1.1.3.18.1.3.9.3.99.109.115",
            "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.4.1.2", "1.3.6.1.4.1.4491.2.2.1.1.1.7" })
    void formatThenParseGivesTheSameOid(String dotted) {
        Oid oid = Oid.parse(dotted);
        for (MibTree t : MibTree.values()) {
            assertThat(names.parse(names.format(oid, t), t)).isEqualTo(oid);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "noSuchName.0", "pktcMtaDevEnabled.", "pktcMtaDevEnabled.x", "pktcMtaDevEnabled.'abc",
            "pktcMtaDevEnabled.99999999999", "1..2" })
    void rejectsMalformedNames(String text) {
        assertThatThrownBy(() -> names.parse(text, MibTree.CABLELABS)).isInstanceOf(IllegalArgumentException.class);
    }
}
