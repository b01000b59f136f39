package io.mtaprov.ui.editors.config;

import io.mtaprov.ui.UiIds;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.events.VerifyEvent;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;

/**
 * MIB-name completion for the Text page: Ctrl+Space opens a popup of the PacketCable object names
 * ({@link MibNames}) starting with the word before the caret; typing filters it, arrows move,
 * Enter or a double-click inserts, Escape closes. A single match is inserted at once. UI thread
 * only.
 */
final class MibCompletion {
    private static final int MAX = 300;
    private final StyledText text;
    private Shell popup;
    private org.eclipse.swt.widgets.List list;
    private int wordStart;

    MibCompletion(StyledText text) {
        this.text = text;
        text.addVerifyKeyListener(this::key);
        text.addModifyListener(e -> {
            if (isOpen()) {
                text.getDisplay().asyncExec(this::refilter);
            }
        });
        text.addListener(SWT.FocusOut, e -> text.getDisplay().asyncExec(() -> {
            if (isOpen() && !list.isFocusControl()) {
                close();
            }
        }));
        text.addDisposeListener(e -> close());
    }

    private void key(VerifyEvent e) {
        if ((e.stateMask & SWT.MOD1) != 0 && e.keyCode == ' ') {
            e.doit = false;
            open();
            return;
        }
        if (!isOpen()) {
            return;
        }
        switch (e.keyCode) {
            case SWT.ARROW_DOWN, SWT.ARROW_UP -> {
                e.doit = false;
                int n = list.getItemCount();
                int i = list.getSelectionIndex() + (e.keyCode == SWT.ARROW_DOWN ? 1 : -1);
                list.select(Math.floorMod(i, Math.max(n, 1)));
                list.showSelection();
            }
            case SWT.CR, SWT.KEYPAD_CR -> {
                e.doit = false;
                insertSelected();
            }
            case SWT.ESC -> {
                e.doit = false;
                close();
            }
            default -> { }
        }
    }

    /** Opens the popup for the word before the caret (inserts directly if one name matches). */
    void open() {
        List<String> names = proposals();
        if (names.isEmpty()) {
            text.getDisplay().beep();
            return;
        }
        if (names.size() == 1) {
            insert(names.get(0));
            return;
        }
        if (!isOpen()) {
            popup = new Shell(text.getShell(), SWT.ON_TOP | SWT.TOOL | SWT.RESIZE);
            popup.setLayout(new FillLayout());
            list = new org.eclipse.swt.widgets.List(popup, SWT.SINGLE | SWT.V_SCROLL);
            list.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_CONFIG_COMPLETION);
            list.addListener(SWT.DefaultSelection, e -> insertSelected());
            Point at = text.toDisplay(text.getLocationAtOffset(text.getCaretOffset()));
            popup.setBounds(at.x, at.y + text.getLineHeight() + 2, 360, 220);
            popup.setVisible(true);
        }
        show(names);
    }

    private void refilter() {
        if (!isOpen()) {
            return;
        }
        List<String> names = proposals();
        if (names.isEmpty()) {
            close();
        } else {
            show(names);
        }
    }

    private void show(List<String> names) {
        list.setItems(names.toArray(String[]::new));
        list.select(0);
    }

    /** Names for the word before the caret; sets {@link #wordStart}. */
    private List<String> proposals() {
        int caret = text.getCaretOffset();
        int start = caret;
        while (start > 0 && isNameChar(text.getTextRange(start - 1, 1).charAt(0))) {
            start--;
        }
        wordStart = start;
        String prefix = text.getTextRange(start, caret - start);
        int colons = prefix.lastIndexOf("::");
        if (colons >= 0) { // MODULE::name: complete the name part
            wordStart = start + colons + 2;
            prefix = prefix.substring(colons + 2);
        }
        return MibNames.complete(prefix, MAX);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == ':';
    }

    private void insertSelected() {
        int i = list.getSelectionIndex();
        if (i >= 0) {
            insert(list.getItem(i));
        }
        close();
    }

    private void insert(String name) {
        int caret = text.getCaretOffset();
        text.replaceTextRange(wordStart, caret - wordStart, name);
        text.setCaretOffset(wordStart + name.length());
    }

    boolean isOpen() {
        return popup != null && !popup.isDisposed();
    }

    void close() {
        if (isOpen()) {
            popup.dispose();
        }
        popup = null;
        list = null;
    }
}
