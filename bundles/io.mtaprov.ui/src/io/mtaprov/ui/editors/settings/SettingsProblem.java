package io.mtaprov.ui.editors.settings;

/**
 * A finding of the settings check: an error blocks saving, a warning does not (it is shown in the
 * editor and as a marker in the Problems view).
 *
 * @param error   true for an error, false for a warning
 * @param page    the page ("Device classes", "CMTS scopes", ...)
 * @param row     the row's name (class id, scope name, MAC)
 * @param message what is wrong, naming the field
 */
public record SettingsProblem(boolean error, String page, String row, String message) {
    @Override
    public String toString() {
        return (error ? "Error" : "Warning") + " in " + page + " '" + row + "': " + message;
    }
}
