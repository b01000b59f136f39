package io.mtaprov.ui.editors.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One row of a settings table: text fields by key. Mutable, UI thread only; the editor hands
 * immutable copies ({@link #values()}) to its Jobs.
 */
final class SettingsRow {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> fixedKeys;

    /** @param fixedKeys keys that cannot be edited in this row (e.g. the id of a stored device class) */
    SettingsRow(Map<String, String> initial, Set<String> fixedKeys) {
        values.putAll(initial);
        this.fixedKeys = Set.copyOf(fixedKeys);
    }

    String get(String key) {
        return values.getOrDefault(key, "");
    }

    void set(String key, String value) {
        values.put(key, value);
    }

    Set<String> fixedKeys() {
        return fixedKeys;
    }

    Map<String, String> values() {
        return Map.copyOf(values);
    }
}
