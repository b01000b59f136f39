package io.mtaprov.rcp;

import io.mtaprov.ui.UiIds;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/** Opens the Provisioning perspective and remembers the window layout between runs. */
public class ConsoleWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(!Boolean.getBoolean("mtaprov.test"));
    }

    /** Servers get the bind addresses and ports saved in the preferences (restarted when they differ). */
    @Override
    public void postStartup() {
        io.mtaprov.ui.preferences.ConsolePreferences.applyToServers();
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return UiIds.PERSPECTIVE;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new ConsoleWindowAdvisor(configurer);
    }
}
