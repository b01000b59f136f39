package io.mtaprov.ui.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.config.ConfigText;
import io.mtaprov.protocol.config.HashCheck;
import io.mtaprov.protocol.config.HashDialect;
import io.mtaprov.protocol.config.SnmpValue;
import io.mtaprov.protocol.config.Varbind;
import io.mtaprov.protocol.mib.MibTree;
import io.mtaprov.tests.support.Await;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.editors.config.ConfigFileEditor;
import io.mtaprov.ui.editors.config.ConfigFileEditorInput;
import io.mtaprov.ui.editors.config.ConfigFormat;
import io.mtaprov.ui.editors.config.MibNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config-file editor in the running console: a binary file opens as docsis text after the
 * load Job, the Structure and Hex pages show its TLVs, a text edit makes it dirty and is saved as
 * binary, a syntax error keeps the Text page with the finding at its line, a tampered file's hash
 * is a MISMATCH. Runs off the UI thread; widgets are read with syncExec.
 */
class ConfigEditorUiTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    @BeforeAll
    static void workbench() {
        Await.until("the workbench window", WAIT, () -> Widgets.onUi(
                () -> PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null));
    }

    @AfterEach
    void closeEditors() {
        Widgets.onUi(() -> page().closeAllEditors(false));
    }

    @AfterAll
    static void hideEditorArea() {
        Widgets.onUi(() -> {
            page().setEditorAreaVisible(false);
            return null;
        });
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** A small Basic-flow file with a CableLabs hash. */
    static ConfigFile sample() {
        return ConfigHash.withHash(ConfigFile.ofVarbinds(List.of(
                Varbind.of("pktcMtaDevEnabled.0", MibTree.CABLELABS, new SnmpValue.Integer32(1)),
                Varbind.of("pktcMtaDevProvisioningTimer.0", MibTree.CABLELABS, new SnmpValue.Integer32(10)),
                Varbind.of("pktcMtaDevServerDns1.0", MibTree.CABLELABS, new SnmpValue.IpAddress(new byte[] {10, 0, 0, 53})),
                Varbind.of("pktcMtaDevRealmOrgName.'REALM.COM'", MibTree.CABLELABS, SnmpValue.OctetString.of("Operator")),
                Varbind.of("pktcMtaDevRealmPkinitGracePeriod.'REALM.COM'", MibTree.CABLELABS, new SnmpValue.Integer32(30)),
                Varbind.of("pktcNcsEndPntConfigCallAgentId.9", MibTree.CABLELABS, SnmpValue.OctetString.of("[192.168.28.40]")),
                Varbind.of("pktcNcsEndPntConfigTSMax.9", MibTree.CABLELABS, new SnmpValue.Integer32(20)),
                Varbind.of("pktcSigDevRgCadence.0", MibTree.CABLELABS,
                        new SnmpValue.OctetString(new byte[] {0x00, 0x3f, (byte) 0xf0, 0, 0, 0, 0, 0})))),
                HashDialect.CABLELABS);
    }

    static Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    static ConfigFileEditor open(Path file) {
        ConfigFileEditor editor = Widgets.onUi(() -> {
            try {
                return ConfigFileEditor.open(page(), ConfigFileEditorInput.of(file));
            } catch (PartInitException e) {
                throw new AssertionError(e);
            }
        });
        Await.until("the load Job of " + file.getFileName(), WAIT, () -> Widgets.onUi(editor::isLoaded));
        return editor;
    }

    static StyledText text() {
        return (StyledText) Widgets.find(UiIds.WIDGET_CONFIG_TEXT).orElseThrow();
    }

    static String textOf(String widgetId) {
        return Widgets.onUi(() -> ((StyledText) Widgets.find(widgetId).orElseThrow()).getText());
    }

    @Test
    void opensABinaryFileAsDocsisText() throws IOException {
        ConfigFileEditor editor = open(write("mta.bin", sample().encode()));

        assertThat(textOf(UiIds.WIDGET_CONFIG_TEXT)).contains("SnmpMibObject pktcMtaDevEnabled.0 Integer 1;")
                .contains("pktcMtaDevRealmOrgName.'REALM.COM' String \"Operator\"").contains("MtaConfigDelimiter 255;");
        assertThat(Widgets.onUi(editor::activePageId)).isEqualTo(ConfigFileEditor.PAGE_TEXT);
        assertThat(Widgets.onUi(editor::headerMessage)).startsWith("Hash VALID");
        assertThat(Widgets.onUi(editor::isDirty)).isFalse();
    }

    @Test
    void compareWithAnotherFileShowsTheChangedLineAsRemovedAndAdded() throws IOException {
        ConfigFileEditor editor = open(write("mine.bin", sample().encode()));
        String other = textOf(UiIds.WIDGET_CONFIG_TEXT).replace("String \"Operator\"", "String \"Other operator\"");
        Path theirs = write("theirs.txt", other.getBytes(StandardCharsets.UTF_8));
        Widgets.onUi(() -> editor.compareWith(theirs));
        Await.until("the diff dialog", WAIT, () -> Widgets.onUi(() -> Widgets.find(UiIds.WIDGET_CONFIG_DIFF).isPresent()));
        String diff = Widgets.onUi(() -> ((StyledText) Widgets.find(UiIds.WIDGET_CONFIG_DIFF).orElseThrow()).getText());
        Widgets.onUi(() -> {
            Widgets.find(UiIds.WIDGET_CONFIG_DIFF).orElseThrow().getShell().close();
            return null;
        });
        List<String> changed = diff.lines().filter(l -> !l.startsWith(" ")).toList();
        assertThat(changed).hasSize(2);
        assertThat(changed.get(0)).startsWith("- ").contains("String \"Operator\"");
        assertThat(changed.get(1)).startsWith("+ ").contains("String \"Other operator\"");
        assertThat(diff.lines().filter(l -> l.startsWith("  ")).count()).isGreaterThan(8);
    }

    @Test
    void structureAndHexPagesShowTheTlvs() throws IOException {
        ConfigFileEditor editor = open(write("tree.bin", sample().encode()));

        assertThat(Widgets.onUi(() -> editor.showPage(ConfigFileEditor.PAGE_STRUCTURE))).isTrue();
        List<List<String>> rows = Widgets.onUi(() -> {
            Tree tree = (Tree) Widgets.find(UiIds.WIDGET_CONFIG_TREE).orElseThrow();
            List<List<String>> out = new ArrayList<>();
            for (TreeItem item : tree.getItems()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < tree.getColumnCount(); i++) {
                    cells.add(item.getText(i));
                }
                out.add(cells);
            }
            return out;
        });
        assertThat(rows).hasSize(11);
        assertThat(rows.get(0)).startsWith("254 MtaConfigDelimiter", "", "", "", "1 (begin)", "0");
        assertThat(rows.get(1)).containsExactly("11 SnmpMibObject", "pktcMtaDevEnabled.0", "INTEGER {true(1), false(2)}",
                "Integer", "1 (true)", "3");
        assertThat(rows.get(4).get(1)).isEqualTo("pktcMtaDevRealmOrgName.'REALM.COM'");
        assertThat(rows.get(9).get(0)).isEqualTo("11 SnmpMibObject (hash)");
        assertThat(rows.get(10).get(4)).isEqualTo("255 (end)");

        Widgets.onUi(() -> {
            Tree tree = (Tree) Widgets.find(UiIds.WIDGET_CONFIG_TREE).orElseThrow();
            tree.setSelection(tree.getItem(1));
            tree.notifyListeners(SWT.Selection, selectionEvent(tree.getItem(1)));
            return null;
        });
        assertThat(Widgets.onUi(() -> editor.showPage(ConfigFileEditor.PAGE_HEX))).isTrue();
        assertThat(textOf(UiIds.WIDGET_CONFIG_HEX)).startsWith("00000000  fe 01 01 0b ");
        int highlighted = Widgets.onUi(() -> ((StyledText) Widgets.find(UiIds.WIDGET_CONFIG_HEX).orElseThrow()).getStyleRanges().length);
        assertThat(highlighted).as("bytes of the selected TLV highlighted").isEqualTo(2 * sample().tlvs().get(1).encodedLength());
    }

    static org.eclipse.swt.widgets.Event selectionEvent(TreeItem item) {
        org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
        e.item = item;
        return e;
    }

    @Test
    void aTextEditMakesTheEditorDirtyAndIsSavedAsBinary() throws Exception {
        ConfigFileEditor editor = open(write("edit.bin", sample().encode()));
        Widgets.onUi(() -> {
            StyledText t = text();
            int at = t.getText().indexOf("\"Operator\"");
            t.replaceTextRange(at, "\"Operator\"".length(), "\"Lab Operator\"");
            return null;
        });
        assertThat(Widgets.onUi(editor::isDirty)).isTrue();

        Path out = dir.resolve("edited.bin");
        Job save = Widgets.onUi(() -> editor.saveAs(out, ConfigFormat.BINARY));
        assertThat(save).isNotNull();
        save.join();
        Await.until("the editor clean after the save", WAIT, () -> !Widgets.onUi(editor::isDirty));

        ConfigFile saved = ConfigFile.decode(Files.readAllBytes(out));
        assertThat(saved.varbinds()).contains(Varbind.of("pktcMtaDevRealmOrgName.'REALM.COM'", MibTree.CABLELABS,
                SnmpValue.OctetString.of("Lab Operator")));
        assertThat(ConfigHash.verify(saved).status()).as("the hash is not recomputed silently").isEqualTo(HashCheck.Status.MISMATCH);
        assertThat(Widgets.onUi(() -> editor.getEditorInput().getName())).isEqualTo("edited.bin");
    }

    @Test
    void aVarbindValueIsEditedInTheTreeAndCheckedAgainstItsSyntax() throws IOException {
        ConfigFileEditor editor = open(write("cell.bin", sample().encode()));
        assertThat(Widgets.onUi(() -> editor.showPage(ConfigFileEditor.PAGE_STRUCTURE))).isTrue();
        Widgets.onUi(() -> {
            Tree tree = (Tree) Widgets.find(UiIds.WIDGET_CONFIG_TREE).orElseThrow();
            Rectangle cell = tree.getItem(2).getBounds(4); // pktcMtaDevProvisioningTimer.0, Value
            org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
            e.x = cell.x + 4;
            e.y = cell.y + cell.height / 2;
            e.button = 1;
            e.count = 2;
            tree.notifyListeners(SWT.MouseDoubleClick, e);
            cellText(tree).setText("45");
            return null;
        });
        assertThat(Widgets.onUi(editor::headerMessage)).startsWith("Not applied:").contains("45 is outside (0..30)");

        Widgets.onUi(() -> {
            Text cell = cellText((Tree) Widgets.find(UiIds.WIDGET_CONFIG_TREE).orElseThrow());
            cell.setText("25");
            cell.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
            return null;
        });
        Await.until("the edited value in the text", WAIT,
                () -> Widgets.onUi(() -> text().getText().contains("pktcMtaDevProvisioningTimer.0 Integer 25;")));
        assertThat(Widgets.onUi(editor::isDirty)).isTrue();
        List<String> row = Widgets.onUi(() -> {
            TreeItem item = ((Tree) Widgets.find(UiIds.WIDGET_CONFIG_TREE).orElseThrow()).getItem(2);
            return List.of(item.getText(1), item.getText(4));
        });
        assertThat(row).containsExactly("pktcMtaDevProvisioningTimer.0", "25");
    }

    static Text cellText(Tree tree) {
        for (org.eclipse.swt.widgets.Control c : tree.getChildren()) {
            if (c instanceof Text t && t.isVisible()) {
                return t;
            }
        }
        throw new AssertionError("no cell editor open");
    }

    @Test
    void aSyntaxErrorKeepsTheTextPageAndShowsTheFindingAtItsLine() throws IOException {
        ConfigFileEditor editor = open(write("broken.bin", sample().encode()));
        int line = Widgets.onUi(() -> {
            StyledText t = text();
            int at = t.getText().indexOf("SnmpMibObject pktcMtaDevProvisioningTimer.0");
            t.replaceTextRange(at, 0, "Bogus 1;\n    ");
            return t.getLineAtOffset(at) + 1;
        });

        assertThat(Widgets.onUi(() -> editor.showPage(ConfigFileEditor.PAGE_STRUCTURE))).isFalse();
        assertThat(Widgets.onUi(editor::activePageId)).isEqualTo(ConfigFileEditor.PAGE_TEXT);
        assertThat(Widgets.onUi(editor::headerMessage)).startsWith("Line " + line + ":").contains("Bogus");
        List<String> finding = Widgets.onUi(() -> {
            Table t = (Table) Widgets.find(UiIds.WIDGET_CONFIG_FINDINGS).orElseThrow();
            TableItem item = t.getItem(0);
            return List.of(item.getText(0), item.getText(1), item.getText(2));
        });
        assertThat(finding.get(0)).isEqualTo("ERROR");
        assertThat(finding.get(1)).isEqualTo(Integer.toString(line));
        assertThat(finding.get(2)).contains("Bogus");
        assertThat(Widgets.onUi(() -> editor.saveAs(dir.resolve("never.bin"), ConfigFormat.BINARY))).isNull();
    }

    @Test
    void verifyHashShowsMismatchForATamperedFileAndRecomputeFixesIt() throws IOException {
        byte[] bytes = sample().encode();
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Operator");
        bytes[at] = 'X';
        ConfigFileEditor editor = open(write("tampered.cfg", bytes));

        assertThat(Widgets.onUi(editor::verifyHash)).isEqualTo(HashCheck.Status.MISMATCH);
        assertThat(Widgets.onUi(editor::headerMessage)).startsWith("Hash MISMATCH");

        Widgets.onUi(() -> {
            editor.setHashDialect(HashDialect.CABLELABS);
            editor.recomputeHash();
            return null;
        });
        assertThat(Widgets.onUi(editor::verifyHash)).isEqualTo(HashCheck.Status.VALID);
        assertThat(Widgets.onUi(editor::headerMessage)).startsWith("Hash VALID");
        assertThat(Widgets.onUi(editor::isDirty)).isTrue();
    }

    @Test
    void theFileMenuOffersOpenConfigFile() {
        List<String> items = Widgets.onUi(() -> {
            Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            org.eclipse.swt.widgets.Menu file = shell.getMenuBar().getItem(0).getMenu();
            file.notifyListeners(SWT.Show, new org.eclipse.swt.widgets.Event()); // menu managers fill on show
            List<String> texts = new ArrayList<>();
            for (org.eclipse.swt.widgets.MenuItem item : file.getItems()) {
                texts.add(item.getText());
            }
            file.notifyListeners(SWT.Hide, new org.eclipse.swt.widgets.Event());
            return texts;
        });
        assertThat(items).anyMatch(t -> t.startsWith("&Open Config File...") || t.startsWith("Open Config File..."));
    }

    @Test
    void opensTheTextFormAndOffersMibNames() throws IOException {
        ConfigFile withoutHash = ConfigHash.withoutHash(sample());
        ConfigFileEditor editor = open(write("mta.txt", ConfigText.print(withoutHash).getBytes(StandardCharsets.UTF_8)));

        assertThat(textOf(UiIds.WIDGET_CONFIG_TEXT)).contains("pktcMtaDevEnabled.0");
        assertThat(Widgets.onUi(editor::headerMessage)).startsWith("Hash ABSENT");
        assertThat(MibNames.complete("pktcMtaDevEn", 10)).contains("pktcMtaDevEnabled");
        assertThat(MibNames.complete("PKTCNCSENDPNTCONFIGCALLAGENTI", 10)).containsExactly("pktcNcsEndPntConfigCallAgentId");
    }

    @Test
    void screenshotOfTheEditorForTheReadme() throws IOException {
        String docs = System.getProperty("mtaprov.docs");
        assertThat(docs).as("-Dmtaprov.docs").isNotNull();
        Path target = Path.of(docs, "config-editor.png");
        Files.createDirectories(target.getParent());
        ConfigFileEditor editor = open(write("screenshot.bin", sample().encode()));
        Widgets.onUi(() -> {
            StyledText t = text();
            String timer = "pktcMtaDevProvisioningTimer.0 Integer 10;";
            int at = t.getText().indexOf(timer);
            t.replaceTextRange(at + timer.length() - 3, 2, "45"); // SYNTAX Integer32 (0..30): a finding
            editor.recomputeHash();
            return null;
        });
        Await.until("the out-of-range finding", WAIT, () -> Widgets.onUi(() -> {
            Table t = (Table) Widgets.find(UiIds.WIDGET_CONFIG_FINDINGS).orElseThrow();
            for (TableItem item : t.getItems()) {
                if (item.getText(2).contains("outside")) {
                    return true;
                }
            }
            return false;
        }));
        Screenshots.ofWorkbench(target);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }
}
