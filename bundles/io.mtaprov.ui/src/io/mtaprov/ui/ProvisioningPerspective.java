package io.mtaprov.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The "Provisioning" perspective: servers on top, the MTA Enrollment table below them, then the
 * live trace table with the selected MTA's sequence diagram on its right; the Properties view is a
 * tab beside the servers, and so is the Simulator; the fleet-wide Failures view is a tab beside the
 * Sequence diagram. The editor area (config
 * files) is hidden until an editor opens, then takes the lower part of the window.
 */
public class ProvisioningPerspective implements IPerspectiveFactory {
    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        // servers keep a fifth of the page on top, the enrollment table a third of the rest; the
        // trace and the sequence diagram share what remains while the editor area is hidden
        org.eclipse.ui.IFolderLayout top = layout.createFolder("io.mtaprov.ui.folder.top", IPageLayout.TOP, 0.2f,
                editor);
        top.addView(UiIds.VIEW_SERVERS);
        // the selected MTA's or trace event's fields (Properties view), a tab beside the servers
        top.addView(IPageLayout.ID_PROP_SHEET);
        top.addView(UiIds.VIEW_SIMULATOR);
        layout.addView(UiIds.VIEW_ENROLLMENT, IPageLayout.TOP, 0.3f, editor);
        layout.addView(UiIds.VIEW_TRACE, IPageLayout.TOP, 0.45f, editor);
        org.eclipse.ui.IFolderLayout right = layout.createFolder("io.mtaprov.ui.folder.sequence", IPageLayout.RIGHT,
                0.5f, UiIds.VIEW_TRACE);
        right.addView(UiIds.VIEW_SEQUENCE);
        right.addView(UiIds.VIEW_FAILURES);
        layout.getViewLayout(UiIds.VIEW_SERVERS).setCloseable(true);
    }
}
