package io.mtaprov.rcp;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.slf4j.LoggerFactory;

/** The main window: title, size, a status line with progress, File and Window menus. */
public class ConsoleWindowAdvisor extends WorkbenchWindowAdvisor {

    public ConsoleWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new ActionBarAdvisor(configurer) {
            /** Registers the action (its key binding works and it is disposed with the window). */
            private IAction registered(IAction a) {
                register(a);
                return a;
            }

            @Override
            protected void fillMenuBar(IMenuManager menuBar) {
                IWorkbenchWindow w = configurer.getWindowConfigurer().getWindow();
                MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
                // commands contribute to "menu:file?after=additions" (e.g. Open Config File...)
                file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
                file.add(new Separator());
                file.add(ActionFactory.QUIT.create(w));
                MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
                // the active editor's undo/redo (settings editor: its operation history; Ctrl+Z / Ctrl+Y)
                edit.add(registered(ActionFactory.UNDO.create(w)));
                edit.add(registered(ActionFactory.REDO.create(w)));
                edit.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
                MenuManager window = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
                window.add(ActionFactory.RESET_PERSPECTIVE.create(w));
                window.add(ActionFactory.PREFERENCES.create(w));
                menuBar.add(file);
                menuBar.add(edit);
                menuBar.add(window);
            }
        };
    }

    @Override
    public void postWindowOpen() {
        long sinceStart = System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        LoggerFactory.getLogger(ConsoleWindowAdvisor.class).info("console window open {} ms after JVM start",
                sinceStart);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer c = getWindowConfigurer();
        c.setInitialSize(new Point(1400, 860));
        c.setShowCoolBar(false);
        c.setShowStatusLine(true);
        c.setShowProgressIndicator(true);
        c.setTitle("MTA Provisioning Workbench");
    }
}
