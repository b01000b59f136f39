package io.mtaprov.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.ui.ProvisioningPerspective;
import io.mtaprov.ui.UiIds;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewLayout;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The ids the code uses are the ids plugin.xml declares. */
class UiIdsTest {

    @Test
    void viewEditorCommandAndPerspectiveIdsMatchPluginXml() throws IOException {
        Bundle ui = FrameworkUtil.getBundle(UiIds.class);
        URL url = ui.getEntry("plugin.xml");
        assertThat(url).isNotNull();
        String xml;
        try (InputStream in = url.openStream()) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).contains("id=\"" + UiIds.VIEW_SERVERS + "\"").contains("id=\"" + UiIds.VIEW_TRACE + "\"")
                .contains("id=\"" + UiIds.PERSPECTIVE + "\"").contains("id=\"" + UiIds.EDITOR_CONFIG + "\"")
                .contains("id=\"" + UiIds.COMMAND_OPEN_CONFIG + "\"")
                .contains("commandId=\"" + UiIds.COMMAND_OPEN_CONFIG + "\"")
                .contains("id=\"" + UiIds.VIEW_ENROLLMENT + "\"").contains("id=\"" + UiIds.VIEW_SEQUENCE + "\"")
                .contains("id=\"" + UiIds.EDITOR_SETTINGS + "\"").contains("id=\"" + UiIds.COMMAND_OPEN_SETTINGS + "\"")
                .contains("commandId=\"" + UiIds.COMMAND_OPEN_SETTINGS + "\"")
                .contains("id=\"" + UiIds.VIEW_SIMULATOR + "\"").contains("id=\"" + UiIds.VIEW_FAILURES + "\"");
    }

    @Test
    void theProvisioningPerspectiveShowsEveryConsoleView() {
        List<String> placed = new ArrayList<>();
        IPageLayout layout = (IPageLayout) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {IPageLayout.class}, (proxy, m, args) -> {
                    if (m.getName().equals("addView")) {
                        placed.add((String) args[0]);
                    }
                    if (m.getName().equals("createFolder")) {
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {org.eclipse.ui.IFolderLayout.class}, (p, fm, fa) -> {
                                    if (fm.getName().equals("addView")) {
                                        placed.add((String) fa[0]);
                                    }
                                    return null;
                                });
                    }
                    if (m.getName().equals("getEditorArea")) {
                        return IPageLayout.ID_EDITOR_AREA;
                    }
                    if (m.getName().equals("getViewLayout")) {
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {IViewLayout.class}, (p, vm, va) -> null);
                    }
                    return null;
                });
        new ProvisioningPerspective().createInitialLayout(layout);
        assertThat(placed).containsExactlyInAnyOrder(UiIds.VIEW_SERVERS, IPageLayout.ID_PROP_SHEET,
                UiIds.VIEW_SIMULATOR, UiIds.VIEW_ENROLLMENT, UiIds.VIEW_TRACE, UiIds.VIEW_SEQUENCE,
                UiIds.VIEW_FAILURES);
    }
}
