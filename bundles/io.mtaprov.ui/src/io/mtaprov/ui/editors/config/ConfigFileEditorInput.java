package io.mtaprov.ui.editors.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/**
 * The input of the {@link ConfigFileEditor}: a file on disk ({@link #of(Path)}) or bytes in memory
 * with a display name ({@link #ofBytes(String, byte[])}, e.g. a file the provisioning server
 * generated; saving it asks for a path). No method touches the file system, so it is safe on the UI
 * thread; the editor reads the file in a Job. Immutable. Not persisted across sessions.
 */
public final class ConfigFileEditorInput implements IEditorInput {
    private final Path path;
    private final byte[] bytes;
    private final String name;

    private ConfigFileEditorInput(Path path, byte[] bytes, String name) {
        this.path = path;
        this.bytes = bytes;
        this.name = name;
    }

    /** An input for the file at {@code path}. */
    public static ConfigFileEditorInput of(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return new ConfigFileEditorInput(abs, null, String.valueOf(abs.getFileName()));
    }

    /** An input for in-memory content shown under {@code name} (its extension picks the format). */
    public static ConfigFileEditorInput ofBytes(String name, byte[] content) {
        return new ConfigFileEditorInput(null, content.clone(), name);
    }

    /** The file, or {@code null} for in-memory content. */
    public Path path() {
        return path;
    }

    /** The in-memory content (a copy), or {@code null} for a file. */
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    /** The format the name suggests (the loader also looks at the content). */
    public ConfigFormat nameFormat() {
        return ConfigFormat.ofFileName(name);
    }

    @Override
    public boolean exists() {
        return false; // not offered in the most-recently-used list (no persistable element)
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_OBJ_FILE);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return path != null ? path.toString() : name;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return adapter == Path.class && path != null ? adapter.cast(path) : null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConfigFileEditorInput other)) {
            return false;
        }
        return path != null ? path.equals(other.path) : other.path == null && name.equals(other.name) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return path != null ? path.hashCode() : Objects.hash(name, Arrays.hashCode(bytes));
    }
}
