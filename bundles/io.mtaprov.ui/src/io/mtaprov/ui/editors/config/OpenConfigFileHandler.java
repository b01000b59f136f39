package io.mtaprov.ui.editors.config;

import io.mtaprov.ui.internal.Messages;
import java.nio.file.Path;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * "File > Open Config File...": asks for a binary ({@code .bin}, {@code .cfg}) or text
 * ({@code .txt}, {@code .conf}) MTA configuration file and opens it in the {@link ConfigFileEditor}
 * (which reads it in a Job). UI thread.
 */
public class OpenConfigFileHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        FileDialog dialog = new FileDialog(window.getShell(), SWT.OPEN);
        dialog.setText(Messages.ConfigEditor_openDialogTitle);
        dialog.setFilterExtensions(new String[] {"*.bin;*.cfg;*.txt;*.conf", "*.bin;*.cfg", "*.txt;*.conf", "*.*"});
        dialog.setFilterNames(new String[] {"MTA config files", "Binary (*.bin, *.cfg)", "Text (*.txt, *.conf)", "All files"});
        String chosen = dialog.open();
        if (chosen == null) {
            return null;
        }
        try {
            ConfigFileEditor.open(window.getActivePage(), ConfigFileEditorInput.of(Path.of(chosen)));
        } catch (PartInitException e) {
            throw new ExecutionException(Messages.ConfigEditor_openFailed, e);
        }
        return null;
    }
}
