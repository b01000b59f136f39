package io.mtaprov.ui.editors.config;

import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.config.ConfigDocument;
import io.mtaprov.protocol.config.ConfigText;
import io.mtaprov.protocol.config.ConfigValidator;
import io.mtaprov.protocol.config.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The editor's working copy of one configuration file. The text form is the source of truth: the
 * Text page edits it keystroke by keystroke, the Structure page and the hash actions replace it by
 * printing an edited {@link ConfigDocument} (comments kept). {@link #validate()} parses the text
 * and runs {@link ConfigValidator}; the other pages show the last document that parsed.
 *
 * <p>UI thread only (it holds no I/O; parsing and validating a config file is CPU work of
 * milliseconds). Listeners are called synchronously.
 */
final class ConfigWorkingCopy {
    /** What changed. */
    enum Change {
        /** The text was replaced by a page other than the Text page (or loaded). */
        TEXT_REPLACED,
        /** {@link #validate()} ran: findings and maybe the document changed. */
        VALIDATED,
        /** The dirty state changed. */
        DIRTY
    }

    private final List<Consumer<Change>> listeners = new ArrayList<>();
    private String text = "";
    private ConfigDocument document;
    private boolean current;
    private DecodeException parseError;
    private List<Finding> findings = List.of();
    private long revision;
    private long savedRevision;

    void addListener(Consumer<Change> l) {
        listeners.add(l);
    }

    /** Sets the loaded text; clean, validated. */
    void load(String loaded) {
        text = loaded;
        revision = 0;
        savedRevision = 0;
        validate();
        fire(Change.TEXT_REPLACED);
        fire(Change.DIRTY);
    }

    String text() {
        return text;
    }

    /** The Text page's edit; findings are stale until the next {@link #validate()}. */
    void textEdited(String edited) {
        if (edited.equals(text)) {
            return;
        }
        boolean wasDirty = isDirty();
        text = edited;
        current = false;
        revision++;
        if (!wasDirty) {
            fire(Change.DIRTY);
        }
    }

    /** Parses and validates the current text; whether it parsed. */
    boolean validate() {
        if (current) {
            return parseError == null;
        }
        try {
            document = ConfigText.parse(text);
            parseError = null;
            findings = ConfigValidator.validate(document);
        } catch (DecodeException e) {
            parseError = e;
            findings = List.of(new Finding(Finding.Severity.ERROR,
                    new Finding.Location(Finding.Location.Kind.LINE, e.offset()), reason(e)));
        }
        current = true;
        fire(Change.VALIDATED);
        return parseError == null;
    }

    /** The reason of a parse error without the "(at offset n)" suffix (the line is shown apart). */
    static String reason(DecodeException e) {
        return String.valueOf(e.getMessage()).replaceFirst("\\s*\\(at offset \\d+\\)$", "");
    }

    /** The document of the current text; call {@link #validate()} first ({@code null} if it never parsed). */
    ConfigDocument document() {
        return document;
    }

    /** Whether the document is the parse of the current text. */
    boolean isCurrent() {
        return current && parseError == null;
    }

    /** The parse error of the current text, or {@code null}. */
    DecodeException parseError() {
        validate();
        return parseError;
    }

    List<Finding> findings() {
        return findings;
    }

    /** Replaces the text with the printed {@code doc} (an edit from the Structure page or a hash action). */
    void replaceDocument(ConfigDocument doc) {
        boolean wasDirty = isDirty();
        text = ConfigText.print(doc);
        current = false;
        revision++;
        validate();
        fire(Change.TEXT_REPLACED);
        if (!wasDirty) {
            fire(Change.DIRTY);
        }
    }

    boolean isDirty() {
        return revision != savedRevision;
    }

    /** The edit counter, taken when a save starts. */
    long revision() {
        return revision;
    }

    /** A save of {@code rev} finished: clean if nothing changed since. */
    void markSaved(long rev) {
        boolean wasDirty = isDirty();
        savedRevision = rev;
        if (wasDirty != isDirty()) {
            fire(Change.DIRTY);
        }
    }

    private void fire(Change c) {
        for (Consumer<Change> l : List.copyOf(listeners)) {
            l.accept(c);
        }
    }
}
