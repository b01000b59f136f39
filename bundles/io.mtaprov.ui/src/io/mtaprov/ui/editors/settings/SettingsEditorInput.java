package io.mtaprov.ui.editors.settings;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** The input of the one {@link ProvisioningSettingsEditor}: the console's settings (all inputs are equal). */
public final class SettingsEditorInput implements IEditorInput {
    public static final SettingsEditorInput INSTANCE = new SettingsEditorInput();

    private SettingsEditorInput() {
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public String getName() {
        return "Provisioning Settings";
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return "Device classes, CMTS scopes, voice lines and customer care";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }
}
