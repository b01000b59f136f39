package io.mtaprov.core.provisioning;

import java.util.List;
import java.util.Map;

/**
 * Everything a template is rendered with: the merged variables of all layers and facts, and the
 * voice lines derived from them (see {@link ConfigLayers}). Immutable.
 *
 * @param variables every {@code ${name}} value, including {@code line.<n>.<field>}
 * @param lines     the lines in order, for {@code ${for line}} blocks
 */
public record ConfigInputs(Map<String, String> variables, List<VoiceLine> lines) {
    public ConfigInputs {
        variables = Map.copyOf(variables);
        lines = List.copyOf(lines);
    }
}
