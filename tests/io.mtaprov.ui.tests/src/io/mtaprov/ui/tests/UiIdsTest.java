package io.mtaprov.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.ui.UiIds;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
                .contains("commandId=\"" + UiIds.COMMAND_OPEN_CONFIG + "\"");
    }
}
