package io.mtaprov.protocol.config;

import static io.mtaprov.protocol.config.ConfigFixtures.integer;
import static io.mtaprov.protocol.config.ConfigFixtures.str;
import static io.mtaprov.protocol.config.ConfigFixtures.vb;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.config.Finding.Location;
import io.mtaprov.protocol.config.Finding.Severity;

class ConfigValidatorTest {

    private static List<String> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::message).toList();
    }

    private static ConfigFile file(Varbind... more) {
        List<Varbind> v = new ArrayList<>();
        v.add(vb("pktcMtaDevEnabled.0", integer(1)));
        v.addAll(List.of(more));
        return ConfigHash.withHash(ConfigFile.ofVarbinds(v), HashDialect.CABLELABS);
    }

    @Test
    void acceptsValidTwoLineFile() {
        assertThat(ConfigValidator.validate(ConfigFixtures.twoLineFile())).isEmpty();
    }

    @Test
    void acceptsProtocolExampleExceptMissingHash() throws DecodeException {
        List<Finding> f = ConfigValidator.validate(ConfigText.parse(ConfigFixtures.PROTOCOL_EXAMPLE));
        assertThat(errors(f)).isEmpty();
        assertThat(f).extracting(Finding::message).anyMatch(m -> m.contains("no configuration hash"));
    }

    @Test
    void reportsUnknownOid() {
        ConfigFile f = file(new Varbind(io.mtaprov.protocol.mib.Oid.parse("1.3.6.1.4.1.99999.1.0"), integer(1)));
        assertThat(ConfigValidator.validate(f)).anyMatch(x -> x.severity() == Severity.WARNING && x.message().contains("unknown OID"));
    }

    @Test
    void reportsValueOutsideEnumerationRangeAndSize() {
        assertThat(errors(ConfigValidator.validate(file(vb("pktcMtaDevResetNow.0", integer(3)))))).anyMatch(m -> m.contains("is not one of"));
        assertThat(errors(ConfigValidator.validate(file(vb("pktcMtaDevProvisioningTimer.0", integer(31)))))).anyMatch(m -> m.contains("(0..30)"));
        assertThat(errors(ConfigValidator.validate(file(vb("pktcNcsEndPntConfigCallAgentId.9", str("ab")))))).anyMatch(m -> m.contains("SIZE"));
        assertThat(errors(ConfigValidator.validate(file(vb("pktcMtaDevProvisioningTimer.0", str("1")))))).anyMatch(m -> m.contains("but the value is"));
    }

    @Test
    void reportsReadOnlyObjectSet() {
        assertThat(errors(ConfigValidator.validate(file(vb("pktcMtaDevSerialNumber.0", str("x")))))).anyMatch(m -> m.contains("read-only"));
    }

    @Test
    void reportsMissingOrFalseMtaDevEnabled() {
        ConfigFile none = ConfigFile.ofVarbinds(List.of(vb("pktcMtaDevProvisioningTimer.0", integer(5))));
        assertThat(errors(ConfigValidator.validate(none))).anyMatch(m -> m.contains("pktcMtaDevEnabled.0 is missing"));
        ConfigFile off = ConfigFile.ofVarbinds(List.of(vb("pktcMtaDevEnabled.0", integer(2))));
        assertThat(errors(ConfigValidator.validate(off))).anyMatch(m -> m.contains("must be true(1)"));
    }

    @Test
    void reportsMissingAndMisplacedDelimiters() {
        List<ConfigTlv> tlvs = new ArrayList<>(file().tlvs());
        tlvs.remove(0);
        tlvs.add(1, DelimiterTlv.BEGIN);
        tlvs.remove(tlvs.size() - 1);
        List<String> e = errors(ConfigValidator.validate(new ConfigFile(tlvs)));
        assertThat(e).anyMatch(m -> m.contains("must begin")).anyMatch(m -> m.contains("must end")).anyMatch(m -> m.contains("misplaced"));
    }

    @Test
    void reportsDuplicateObjectWithLineOfFirst() throws DecodeException {
        String text = "Main\n{\nMtaConfigDelimiter 1;\nSnmpMibObject pktcMtaDevEnabled.0 Integer 1;\n"
                + "SnmpMibObject pktcMtaDevEnabled.0 Integer 1;\nMtaConfigDelimiter 255;\n}\n";
        List<Finding> f = ConfigValidator.validate(ConfigText.parse(text));
        assertThat(f).anyMatch(x -> x.location().equals(new Location(Location.Kind.LINE, 5)) && x.message().contains("duplicate")
                && x.message().contains("line 4"));
    }

    @Test
    void reportsHashMismatchAtItsOffset() throws DecodeException {
        byte[] b = ConfigFixtures.twoLineFile().encode();
        b[5] ^= 0x01;
        ConfigFile f = ConfigFile.decode(b);
        int hashOffset = f.offsets()[f.tlvs().size() - 2];
        assertThat(ConfigValidator.validate(f)).anyMatch(x -> x.message().contains("hash does not match")
                && x.location().equals(new Location(Location.Kind.OFFSET, hashOffset)));
    }

    @Test
    void reportsMixedMibTrees() throws DecodeException {
        String text = "Main { MtaConfigDelimiter 1; SnmpMibObject pktcMtaDevEnabled.0 Integer 1;"
                + " SnmpMibObject PKTC-IETF-MTA-MIB::pktcMtaDevProvisioningTimer.0 Integer 5; MtaConfigDelimiter 255; }";
        assertThat(errors(ConfigValidator.validate(ConfigText.parse(text)))).anyMatch(m -> m.contains("mixes the CableLabs"));
    }

    @Test
    void reportsMalformedVarbindAtByteOffset() throws DecodeException {
        ConfigFile f = ConfigFile.decode(java.util.HexFormat.of().parseHex("fe01010b033001" + "06" + "fe01ff"));
        assertThat(ConfigValidator.validate(f)).anyMatch(x -> x.message().contains("not a valid varbind")
                && x.location().kind() == Location.Kind.OFFSET && x.location().value() >= 3);
    }

    @Test
    void reportsScalarWithoutZeroInstance() {
        assertThat(errors(ConfigValidator.validate(file(vb("pktcMtaDevProvisioningTimer.1", integer(5)))))).anyMatch(m -> m.contains("is a scalar"));
    }
}
