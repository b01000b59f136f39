package io.mtaprov.ui.tests;

import io.mtaprov.tests.support.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

/** Saves the workbench window as a PNG by rendering its widgets ({@code shell.print}), not the screen. */
final class Screenshots {
    private Screenshots() {
    }

    static void ofWorkbench(Path target) {
        try {
            Files.createDirectories(target.getParent());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Await.until("idle display", Duration.ofSeconds(30),
                () -> Widgets.onUi(() -> !Display.getDefault().readAndDispatch()));
        Widgets.onUi(() -> {
            Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            Rectangle b = shell.getBounds();
            Image image = new Image(Display.getDefault(), b.width, b.height);
            GC gc = new GC(image);
            try {
                shell.print(gc);
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] {image.getImageData()};
                loader.save(target.toString(), SWT.IMAGE_PNG);
            } finally {
                gc.dispose();
                image.dispose();
            }
            return null;
        });
    }
}
