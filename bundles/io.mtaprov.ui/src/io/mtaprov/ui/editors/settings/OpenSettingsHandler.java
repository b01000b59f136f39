package io.mtaprov.ui.editors.settings;

import io.mtaprov.ui.UiIds;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** "File > Provisioning Settings" (Ctrl+Shift+P): opens or activates the settings editor. UI thread. */
public class OpenSettingsHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().openEditor(SettingsEditorInput.INSTANCE,
                    UiIds.EDITOR_SETTINGS);
        } catch (PartInitException e) {
            throw new ExecutionException("cannot open the settings editor", e);
        }
        return null;
    }
}
