package io.mtaprov.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The "Provisioning" perspective: servers on top, the live trace below; the editor area (config
 * files) is hidden until an editor opens, then takes the lower part of the window.
 */
public class ProvisioningPerspective implements IPerspectiveFactory {
    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        // the servers table keeps a quarter of the page on top, the trace takes the rest while the
        // editor area is hidden; an opened editor takes about half the page below the trace
        layout.addView(UiIds.VIEW_SERVERS, IPageLayout.TOP, 0.25f, editor);
        layout.addView(UiIds.VIEW_TRACE, IPageLayout.TOP, 0.35f, editor);
        layout.getViewLayout(UiIds.VIEW_SERVERS).setCloseable(true);
    }
}
