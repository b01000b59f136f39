package io.mtaprov.ui.editors.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The rows of one page of the settings editor with their columns and the check of a row. UI
 * thread only; {@link #snapshot()} gives the immutable state that saving and the dirty check use.
 */
final class SettingsTableModel {
    private final String name;
    private final List<SettingsColumn> columns;
    private final List<SettingsRow> rows = new ArrayList<>();
    private final BiFunction<SettingsRow, List<SettingsRow>, List<SettingsProblem>> check;
    private final Map<String, String> newRow;

    /**
     * @param check  the problems of a row given all rows (for uniqueness)
     * @param newRow the values of a row the Add button creates
     */
    SettingsTableModel(String name, List<SettingsColumn> columns,
            BiFunction<SettingsRow, List<SettingsRow>, List<SettingsProblem>> check, Map<String, String> newRow) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.check = check;
        this.newRow = Map.copyOf(newRow);
    }

    String name() {
        return name;
    }

    List<SettingsColumn> columns() {
        return columns;
    }

    List<SettingsRow> rows() {
        return rows;
    }

    SettingsRow newRow() {
        return new SettingsRow(newRow, Set.of());
    }

    void replaceAll(List<SettingsRow> loaded) {
        rows.clear();
        rows.addAll(loaded);
    }

    List<SettingsProblem> problems() {
        List<SettingsProblem> out = new ArrayList<>();
        for (SettingsRow r : rows) {
            out.addAll(check.apply(r, rows));
        }
        return out;
    }

    List<Map<String, String>> snapshot() {
        return rows.stream().map(SettingsRow::values).toList();
    }
}
