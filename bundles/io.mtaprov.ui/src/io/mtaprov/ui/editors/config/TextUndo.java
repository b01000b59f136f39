package io.mtaprov.ui.editors.config;

import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ExtendedModifyEvent;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.events.VerifyEvent;

/**
 * Undo and redo for a {@link StyledText} (Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z): every modification is
 * recorded as (offset, inserted text, replaced text); consecutive typed characters merge into one
 * step. Replacements of the whole text (a Structure page edit) are undoable too. UI thread only.
 */
final class TextUndo {
    private static final int LIMIT = 1000;

    private record Edit(int start, String inserted, String replaced) {
    }

    private final StyledText text;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private boolean replaying;

    TextUndo(StyledText text) {
        this.text = text;
        text.addExtendedModifyListener(this::modified);
        text.addVerifyKeyListener(this::key);
    }

    private void modified(ExtendedModifyEvent e) {
        if (replaying) {
            return;
        }
        Edit edit = new Edit(e.start, text.getTextRange(e.start, e.length), e.replacedText);
        redo.clear();
        Edit top = undo.peek();
        if (top != null && top.replaced().isEmpty() && edit.replaced().isEmpty() && edit.inserted().length() == 1
                && !edit.inserted().equals("\n") && top.start() + top.inserted().length() == edit.start()
                && top.inserted().length() < 64) {
            undo.pop();
            edit = new Edit(top.start(), top.inserted() + edit.inserted(), "");
        }
        undo.push(edit);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
    }

    private void key(VerifyEvent e) {
        if ((e.stateMask & SWT.MOD1) == 0) {
            return;
        }
        boolean shift = (e.stateMask & SWT.SHIFT) != 0;
        if (e.keyCode == 'z' && !shift) {
            e.doit = false;
            undo();
        } else if (e.keyCode == 'y' || (e.keyCode == 'z' && shift)) {
            e.doit = false;
            redo();
        }
    }

    /** Forgets the history (after loading). */
    void clear() {
        undo.clear();
        redo.clear();
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    /** Reverts the last edit. */
    void undo() {
        Edit e = undo.poll();
        if (e != null) {
            apply(e.start(), e.inserted().length(), e.replaced());
            redo.push(e);
        }
    }

    /** Re-applies the last undone edit. */
    void redo() {
        Edit e = redo.poll();
        if (e != null) {
            apply(e.start(), e.replaced().length(), e.inserted());
            undo.push(e);
        }
    }

    private void apply(int start, int length, String replacement) {
        replaying = true;
        try {
            text.replaceTextRange(start, length, replacement);
            text.setSelection(start + replacement.length());
            text.showSelection();
        } finally {
            replaying = false;
        }
    }
}
