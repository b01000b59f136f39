package io.mtaprov.ui.editors.settings;

/**
 * One editable column of a settings table.
 *
 * @param key      the field of the row it shows
 * @param label    the header
 * @param width    initial width in pixels
 * @param editable whether a cell editor opens on it ({@link SettingsRow#fixedKeys()} can still lock a row's cell)
 */
record SettingsColumn(String key, String label, int width, boolean editable) {
    static SettingsColumn of(String key, String label, int width) {
        return new SettingsColumn(key, label, width, true);
    }
}
