package io.mtaprov.protocol.mib;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MibRegistryTest {
    // PROTOCOL.md, "SNMP and the MIB" table (CableLabs PKTC-MTA-MIB vs RFC 4682)
    static final String CL_ENABLED = "1.3.6.1.4.1.4491.2.2.1.1.1.7";
    static final String IETF_ENABLED = "1.3.6.1.2.1.140.1.1.6";
    static final String CL_HASH = "1.3.6.1.4.1.4491.2.2.1.1.2.7";
    static final String IETF_KEY = "1.3.6.1.2.1.140.1.2.12";

    private final MibRegistry mib = MibRegistry.standard();

    @Test
    void resolvesNamesDefinedInBothTreesByPreferredTree() {
        assertThat(mib.byName("pktcMtaDevEnabled", MibTree.CABLELABS).oid()).isEqualTo(Oid.parse(CL_ENABLED));
        assertThat(mib.byName("pktcMtaDevEnabled", MibTree.IETF).oid()).isEqualTo(Oid.parse(IETF_ENABLED));
        assertThat(mib.byName("PKTC-IETF-MTA-MIB::pktcMtaDevEnabled", MibTree.CABLELABS).oid()).isEqualTo(Oid.parse(IETF_ENABLED));
        assertThat(mib.isAmbiguous("pktcMtaDevEnabled")).isTrue();
        assertThat(mib.byName("noSuchObject", MibTree.CABLELABS)).isNull();
    }

    @Test
    void findsObjectByOidAndByInstanceOid() {
        MibObject o = mib.byOid(Oid.parse(CL_HASH));
        assertThat(o.name()).isEqualTo("pktcMtaDevProvConfigHash");
        assertThat(o.module()).isEqualTo("PKTC-MTA-MIB");
        assertThat(mib.objectFor(Oid.parse(CL_HASH + ".0"))).isSameAs(o);
    }

    @Test
    void parsesEnumerationSyntaxAndAccess() {
        MibObject o = mib.byOid(Oid.parse(CL_ENABLED));
        assertThat(o.syntax().isEnumeration()).isTrue();
        assertThat(o.syntax().nameOf(1)).isEqualTo("true");
        assertThat(o.syntax().namedNumbers()).containsEntry("false", 2L);
        assertThat(o.access()).isEqualTo(MibAccess.READ_WRITE);
    }

    @Test
    void parsesSizeAlternativesAndRanges() {
        MibSyntax hash = mib.byOid(Oid.parse(CL_HASH)).syntax();
        assertThat(hash.type()).isEqualTo(SnmpType.OCTET_STRING);
        assertThat(hash.inRanges(16)).isTrue();
        assertThat(hash.inRanges(20)).isTrue();
        assertThat(hash.inRanges(18)).isFalse();
        assertThat(mib.byOid(Oid.parse(IETF_KEY)).syntax().inRanges(32)).isTrue();
        MibSyntax s = MibSyntax.parse("Unsigned32 (0 | 200..500)");
        assertThat(s.inRanges(0)).isTrue();
        assertThat(s.inRanges(100)).isFalse();
        assertThat(s.inRanges(500)).isTrue();
        assertThat(MibSyntax.parse("Integer32 (-250..-110)").inRanges(-200)).isTrue();
    }

    @Test
    void parsesBitsSyntax() {
        MibObject o = mib.byName("pktcMtaDevResetKrbTickets", MibTree.CABLELABS);
        assertThat(o.syntax().type()).isEqualTo(SnmpType.BITS);
        assertThat(o.syntax().nameOf(1)).isEqualTo("invalidateAllCmsOnReboot");
    }

    @Test
    void classifiesTrees() {
        assertThat(mib.treeOf(Oid.parse(CL_ENABLED + ".0"))).isEqualTo(MibTree.CABLELABS);
        assertThat(mib.treeOf(Oid.parse(IETF_ENABLED + ".0"))).isEqualTo(MibTree.IETF);
        assertThat(mib.treeOf(MibRegistry.euroHashOid())).isEqualTo(MibTree.EURO);
        assertThat(mib.treeOf(Oid.parse("1.3.6.1.2.1.1.1.0"))).isEqualTo(MibTree.OTHER); // sysDescr
    }

    @Test
    void knowsImpliedStringIndexOfCableLabsRealmTable() {
        IndexSpec spec = mib.indexOf(mib.byName("pktcMtaDevRealmOrgName", MibTree.CABLELABS));
        assertThat(spec.isImpliedString()).isTrue();
        assertThat(mib.indexOf(mib.byName("pktcMtaDevRealmOrgName", MibTree.IETF)).isImpliedString()).isFalse();
    }
}
