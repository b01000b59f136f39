package io.mtaprov.protocol.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.mib.MibTree;

class ConfigTextTest {

    @Test
    void parsesProtocolExample() throws DecodeException {
        ConfigFile file = ConfigText.parse(ConfigFixtures.PROTOCOL_EXAMPLE).toConfigFile();
        assertThat(file.tlvs()).hasSize(6);
        VarbindTlv realm = (VarbindTlv) file.tlvs().get(3);
        assertThat(realm.oid()).isEqualTo(ConfigFixtures.NAMES.parse("pktcMtaDevRealmOrgName.'REALM.COM'", MibTree.CABLELABS));
        assertThat(realm.value()).isEqualTo(SnmpValue.OctetString.of("Operator"));
        assertThat(((VarbindTlv) file.tlvs().get(4)).value())
                .isEqualTo(new SnmpValue.OctetString(HexFormat.of().parseHex("003ff00000000000")));
    }

    @Test
    void printsProtocolExampleUnchanged() throws DecodeException {
        assertThat(ConfigText.print(ConfigText.parse(ConfigFixtures.PROTOCOL_EXAMPLE))).isEqualTo(ConfigFixtures.PROTOCOL_EXAMPLE);
    }

    @Test
    void textToBinaryToTextIsStable() throws DecodeException {
        String once = ConfigText.print(ConfigText.parse(ConfigFixtures.PROTOCOL_EXAMPLE).toConfigFile());
        String twice = ConfigText.print(ConfigFile.decode(ConfigText.parse(once).toConfigFile().encode()));
        assertThat(twice).isEqualTo(once);
        assertThat(once).contains("SnmpMibObject pktcMtaDevEnabled.0 Integer 1; /* true */");
    }

    @Test
    void binaryToTextToBinaryIsByteIdentical() throws DecodeException {
        byte[] bytes = HexFormat.of().parseHex(ConfigFileTest.BEGIN + ConfigFileTest.ENABLED_NON_MINIMAL + ConfigFileTest.ENABLED_TLV
                + ConfigFileTest.TRAP_RECEIVER + ConfigFileTest.VENDOR + ConfigFileTest.UNKNOWN + "2602ff01" + "0b03300106"
                + "fe020000" + "4000050a03616263" + "0000" + "400015" + ConfigFileTest.ENABLED_TLV.substring(4) + ConfigFileTest.END);
        String text = ConfigText.print(ConfigFile.decode(bytes));
        assertThat(ConfigText.parse(text).toConfigFile().encode()).isEqualTo(bytes);
        assertThat(text).contains("SnmpV3TrapRxIP 10.0.0.1;", "VendorIdentifier 0x0000ca;", "GenericTLV TlvCode 99 TlvLength 2 TlvValue 0xbeef;",
                "SnmpMibObjectLong");
    }

    @Test
    void binaryToTextToBinaryIsByteIdenticalForTwoLineFile() throws DecodeException {
        byte[] bytes = ConfigFixtures.twoLineFile().encode();
        for (MibTree tree : MibTree.values()) {
            assertThat(ConfigText.parse(ConfigText.print(ConfigFile.decode(bytes), tree), tree).toConfigFile().encode()).isEqualTo(bytes);
        }
    }

    @Test
    void keepsComments() throws DecodeException {
        String text = """
                # lab file
                Main
                {
                    // the switch
                    SnmpMibObject pktcMtaDevEnabled.0 Integer 1; /* on */
                    /* tail */
                }
                // end
                """;
        assertThat(ConfigText.print(ConfigText.parse(text))).isEqualTo(text);
    }

    @Test
    void resolvesIetfNamesWhenPreferred() throws DecodeException {
        String text = "Main { SnmpMibObject pktcMtaDevEnabled.0 Integer 1; }";
        VarbindTlv t = (VarbindTlv) ConfigText.parse(text, MibTree.IETF).toConfigFile().tlvs().get(0);
        assertThat(t.oid().toString()).isEqualTo("1.3.6.1.2.1.140.1.1.6.0"); // PROTOCOL.md table + .0
        assertThat(ConfigText.print(ConfigDocument.of(new ConfigFile(java.util.List.of(t)))))
                .contains("PKTC-IETF-MTA-MIB::pktcMtaDevEnabled.0");
    }

    @Test
    void parsesEveryValueType() throws DecodeException {
        String text = """
                Main {
                  SnmpMibObject .1.3.6.1.2.1.1.1.0 Integer -7;
                  SnmpMibObject .1.3.6.1.2.1.1.2.0 Unsigned32 4294967295;
                  SnmpMibObject .1.3.6.1.2.1.1.3.0 Gauge32 5;
                  SnmpMibObject .1.3.6.1.2.1.1.4.0 Counter32 6;
                  SnmpMibObject .1.3.6.1.2.1.1.5.0 Counter64 18446744073709551615;
                  SnmpMibObject .1.3.6.1.2.1.1.6.0 TimeTicks 100;
                  SnmpMibObject .1.3.6.1.2.1.1.7.0 IPAddress 192.168.0.1;
                  SnmpMibObject .1.3.6.1.2.1.1.8.0 ObjectID pktcMtaDevEnabled;
                  SnmpMibObject .1.3.6.1.2.1.1.9.0 String "a \\"q\\" \\x01";
                  SnmpMibObject .1.3.6.1.2.1.1.10.0 HexString 0x00ff;
                }
                """;
        ConfigFile file = ConfigText.parse(text).toConfigFile();
        assertThat(file.varbinds()).hasSize(10);
        assertThat(file.varbinds().get(4).value()).isEqualTo(new SnmpValue.Counter64(-1L));
        assertThat(((SnmpValue.OctetString) file.varbinds().get(8).value()).bytes()).isEqualTo("a \"q\" \u0001".getBytes());
        String printed = ConfigText.print(file);
        assertThat(ConfigText.parse(printed).toConfigFile()).isEqualTo(file);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Main {\\n SnmpMibObject noSuchObject.0 Integer 1;\\n}|2",
            "Main {\\n\\n SnmpMibObject pktcMtaDevEnabled.0 Integer x;\\n}|3",
            "Main {\\n MtaConfigDelimiter 256;\\n}|2",
            "Main {\\n SnmpMibObject pktcMtaDevEnabled.0 String abc;\\n}|2",
            "Main {\\n GenericTLV TlvCode 1 TlvLength 2 TlvValue 0x01;\\n}|2",
            "Main {\\n SnmpMibObject pktcMtaDevEnabled.0 Integer 1\\n}|3",
            "Main {\\n\\n\\n|4",
            "Mian { }|1",
            "Main { } x|1",
            "Main {\\n /* open|2",
            "Main {\\n SnmpMibObject .5.1 Integer 1;\\n}|2",
    })
    void parseErrorsCarryTheLineNumber(String text, int line) {
        assertThatThrownBy(() -> ConfigText.parse(text.replace("\\n", "\n")))
                .isInstanceOf(DecodeException.class)
                .satisfies(e -> assertThat(((DecodeException) e).offset()).isEqualTo(line));
    }
}
