package io.mtaprov.ui.editors.config;

import io.mtaprov.protocol.config.Finding;
import io.mtaprov.ui.UiIds;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * The Text page: the file in the {@code docsis} text form in a {@link StyledText} with syntax
 * colouring, undo, MIB-name completion (Ctrl+Space), and the validation findings below it; lines
 * with findings are tinted, a double-click on a finding jumps to its line. Edits go to the working
 * copy at once and are validated 400 ms after the last keystroke. UI thread only.
 */
final class TextPage {
    private static final int VALIDATE_DELAY_MS = 400;
    private static final Color ERROR_LINE = new Color(255, 222, 222);
    private static final Color WARNING_LINE = new Color(255, 244, 200);

    private final ConfigWorkingCopy copy;
    private final Runnable validateLater = this::validateNow;
    private StyledText text;
    private FindingsTable findings;
    private TextUndo undo;
    private boolean settingText;

    TextPage(ConfigWorkingCopy copy) {
        this.copy = copy;
    }

    Control create(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        text = new StyledText(sash, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        text.setFont(JFaceResources.getTextFont());
        text.setLeftMargin(6);
        text.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_CONFIG_TEXT);
        new DocsisHighlighter(text);
        undo = new TextUndo(text);
        new MibCompletion(text);
        text.addModifyListener(e -> {
            if (!settingText) {
                copy.textEdited(text.getText());
                text.getDisplay().timerExec(-1, validateLater);
                text.getDisplay().timerExec(VALIDATE_DELAY_MS, validateLater);
            }
        });
        findings = new FindingsTable(sash, this::goToLine);
        sash.setWeights(78, 22);
        copy.addListener(change -> {
            if (text.isDisposed()) {
                return;
            }
            if (change == ConfigWorkingCopy.Change.TEXT_REPLACED) {
                replaceText(copy.text());
                showFindings();
            } else if (change == ConfigWorkingCopy.Change.VALIDATED) {
                showFindings();
            }
        });
        return sash;
    }

    /** After the first text is in: no undo history before it. */
    void loaded() {
        undo.clear();
        showFindings();
    }

    private void validateNow() {
        if (!text.isDisposed()) {
            copy.validate();
        }
    }

    private void replaceText(String newText) {
        if (newText.equals(text.getText())) {
            return;
        }
        int top = text.getTopIndex();
        int caret = text.getCaretOffset();
        settingText = true;
        try {
            text.setText(newText);
        } finally {
            settingText = false;
        }
        text.setTopIndex(top);
        text.setCaretOffset(Math.min(caret, text.getCharCount()));
    }

    private void showFindings() {
        findings.show(copy.findings());
        int lines = text.getLineCount();
        text.setLineBackground(0, lines, null);
        for (Finding f : copy.findings()) {
            int line = f.location().value();
            if (line >= 1 && line <= lines && f.severity() != Finding.Severity.INFO) {
                text.setLineBackground(line - 1, 1, f.severity() == Finding.Severity.ERROR ? ERROR_LINE : WARNING_LINE);
            }
        }
    }

    /** Puts the caret on the parse error's line. */
    void revealError() {
        var e = copy.parseError();
        if (e != null) {
            goToLine(e.offset());
        }
    }

    /** Caret to the start of 1-based {@code line}, scrolled into view, focus on the text. */
    void goToLine(int line) {
        if (line < 1 || text.isDisposed()) {
            return;
        }
        int l = Math.min(line - 1, text.getLineCount() - 1);
        text.setSelection(text.getOffsetAtLine(l));
        text.setTopIndex(Math.max(0, l - 5));
        text.setFocus();
    }

    void setFocus() {
        text.setFocus();
    }

    /** The global Undo/Redo handlers (Ctrl+Z/Ctrl+Y when the workbench binds them). */
    IAction undoAction(boolean redo) {
        return new Action() {
            @Override
            public void run() {
                if (redo) {
                    undo.redo();
                } else {
                    undo.undo();
                }
            }
        };
    }
}
