package io.mtaprov.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTemplateTest {
    static ConfigInputs inputs(Map<String, String> layer) {
        return ConfigLayers.merge(List.of(layer), Map.of("mta.mac", "00:10:95:00:00:01", "lease.ip", "127.0.0.5"));
    }

    @Test
    void rendersVariablesAndOneBlockPerLine() throws TemplateException {
        String t = """
                /* ${mta.mac} at ${lease.ip} */
                ${for line}
                SnmpMibObject pktcNcsEndPntConfigCallAgentId.${line.ifIndex} String "${line.callAgent}"; /* ${line.number} */
                ${end}
                // done ${line.2.number}""";
        String out = ConfigTemplate.render(t, inputs(Map.of("lines", "2", "callAgent", "[10.0.0.1]",
                "line.2.number", "+1 555 0102")));
        assertThat(out).isEqualTo("""
                /* 00:10:95:00:00:01 at 127.0.0.5 */
                SnmpMibObject pktcNcsEndPntConfigCallAgentId.9 String "[10.0.0.1]"; /*  */
                SnmpMibObject pktcNcsEndPntConfigCallAgentId.10 String "[10.0.0.1]"; /* +1 555 0102 */
                // done +1 555 0102""");
    }

    @Test
    void escapesValuesInsideStringsAndComments() throws TemplateException {
        String out = ConfigTemplate.render("x String \"${v}\"; /* ${v} */",
                inputs(Map.of("v", "a\"b\\c\n*/ SnmpMibObject")));
        assertThat(out).isEqualTo("x String \"a\\\"b\\\\c\\x0a*/ SnmpMibObject\"; /* a\"b\\c * / SnmpMibObject */");
    }

    @Test
    void refusesStructureOutsideStrings() {
        assertThatThrownBy(() -> ConfigTemplate.render("SnmpMibObject x.0 Integer ${v};",
                inputs(Map.of("v", "1; SnmpMibObject y.0 Integer 2")))).isInstanceOf(TemplateException.class)
                .hasMessageContaining("line 1").hasMessageContaining("outside a string");
    }

    @Test
    void unknownVariableIsAnErrorUnlessDefaulted() throws TemplateException {
        assertThatThrownBy(() -> ConfigTemplate.render("a\n${nope}", inputs(Map.of())))
                .isInstanceOf(TemplateException.class).hasMessage("template line 2: no value for ${nope}");
        assertThat(ConfigTemplate.render("${nope:-42}", inputs(Map.of()))).isEqualTo("42");
    }

    @Test
    void blockErrorsNameTheLine() {
        assertThatThrownBy(() -> ConfigTemplate.render("${for line}\nx", inputs(Map.of())))
                .hasMessageContaining("without ${end}");
        assertThatThrownBy(() -> ConfigTemplate.render("${end}", inputs(Map.of()))).hasMessageContaining("line 1");
    }

    @Test
    void listsPlaceholders() {
        assertThat(ConfigTemplate.placeholders("${a} ${b.c:-1} ${a}")).containsExactly("a", "b.c");
    }
}
