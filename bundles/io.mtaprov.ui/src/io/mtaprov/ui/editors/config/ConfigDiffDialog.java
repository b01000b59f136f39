package io.mtaprov.ui.editors.config;

import io.mtaprov.ui.UiIds;
import java.util.List;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Shows a {@link LineDiff} of the editor's text (left, "-") and another config file (right, "+")
 * in their docsis text form: removed lines red, added lines green. Modeless. UI thread.
 */
final class ConfigDiffDialog extends Dialog {
    private final String title;
    private final List<LineDiff.Line> diff;

    ConfigDiffDialog(Shell parent, String title, List<LineDiff.Line> diff) {
        super(parent);
        this.title = title;
        this.diff = diff;
        setShellStyle(SWT.DIALOG_TRIM | SWT.RESIZE | SWT.MODELESS);
        setBlockOnOpen(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(900, 600);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label summary = new Label(area, SWT.NONE);
        summary.setText(LineDiff.count(diff, '-') + " line(s) only in this file (-), " + LineDiff.count(diff, '+')
                + " only in the other (+)");
        StyledText text = new StyledText(area, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL | SWT.READ_ONLY);
        text.setFont(JFaceResources.getTextFont());
        text.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_CONFIG_DIFF);
        text.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        StringBuilder sb = new StringBuilder();
        List<StyleRange> styles = new java.util.ArrayList<>();
        for (LineDiff.Line l : diff) {
            int start = sb.length();
            sb.append(l).append('\n');
            if (l.kind() != ' ') {
                StyleRange r = new StyleRange(start, sb.length() - start, null, text.getDisplay()
                        .getSystemColor(l.kind() == '-' ? SWT.COLOR_RED : SWT.COLOR_DARK_GREEN));
                r.foreground = text.getDisplay().getSystemColor(l.kind() == '-' ? SWT.COLOR_WHITE : SWT.COLOR_WHITE);
                styles.add(r);
            }
        }
        text.setText(sb.toString());
        text.setStyleRanges(styles.toArray(StyleRange[]::new));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        close();
    }
}
