package io.mtaprov.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The "Provisioning" perspective: servers on top, the MTA Enrollment table below them, then the
 * live trace table with the selected MTA's sequence diagram on its right. The editor area (config
 * files) is hidden until an editor opens, then takes the lower part of the window.
 */
public class ProvisioningPerspective implements IPerspectiveFactory {
    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        // servers keep a fifth of the page on top, the enrollment table a third of the rest; the
        // trace and the sequence diagram share what remains while the editor area is hidden
        layout.addView(UiIds.VIEW_SERVERS, IPageLayout.TOP, 0.2f, editor);
        layout.addView(UiIds.VIEW_ENROLLMENT, IPageLayout.TOP, 0.3f, editor);
        layout.addView(UiIds.VIEW_TRACE, IPageLayout.TOP, 0.45f, editor);
        layout.addView(UiIds.VIEW_SEQUENCE, IPageLayout.RIGHT, 0.5f, UiIds.VIEW_TRACE);
        layout.getViewLayout(UiIds.VIEW_SERVERS).setCloseable(true);
    }
}
