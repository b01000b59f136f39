package io.mtaprov.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The "Provisioning" perspective: servers on top, the live trace below. */
public class ProvisioningPerspective implements IPerspectiveFactory {
    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        // the trace takes the page; the servers table keeps a quarter of it on top
        layout.addView(UiIds.VIEW_TRACE, IPageLayout.BOTTOM, 0.25f, editor);
        layout.addView(UiIds.VIEW_SERVERS, IPageLayout.TOP, 0.25f, UiIds.VIEW_TRACE);
        layout.getViewLayout(UiIds.VIEW_SERVERS).setCloseable(true);
    }
}
