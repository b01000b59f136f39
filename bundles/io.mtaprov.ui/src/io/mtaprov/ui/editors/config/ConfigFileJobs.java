package io.mtaprov.ui.editors.config;

import io.mtaprov.ui.internal.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;

/**
 * The editor's file I/O as Jobs (DESIGN: no I/O on the UI thread): reading a config file and
 * writing one (to a temporary file next to it, then moved into place). Results are handed to the
 * UI thread with {@code asyncExec}; writes to the same path are serialised by a scheduling rule.
 */
final class ConfigFileJobs {
    /** Job family of the editor's jobs, for tests and progress grouping. */
    static final Object FAMILY = ConfigFileJobs.class;

    private ConfigFileJobs() {
    }

    /** Serialises jobs on one file. */
    private record PathRule(Path path) implements ISchedulingRule {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return equals(rule);
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return equals(rule);
        }
    }

    /** Reads {@code input} in a Job; {@code onUi} gets the result on the UI thread. */
    static Job load(Display display, ConfigFileEditorInput input, Consumer<LoadedConfig> onUi) {
        Job job = new FamilyJob(NLS.bind(Messages.ConfigEditor_loadJob, input.getName()), () -> {
            LoadedConfig loaded = LoadedConfig.read(input);
            asyncOnUi(display, () -> onUi.accept(loaded));
            return Status.OK_STATUS;
        });
        if (input.path() != null) {
            job.setRule(new PathRule(input.path()));
        }
        job.schedule();
        return job;
    }

    /**
     * Writes {@code content} to {@code path} in a Job; {@code onUi} gets {@code null} on success or
     * the error text, on the UI thread.
     */
    static Job write(Display display, Path path, byte[] content, Consumer<String> onUi) {
        Job job = new FamilyJob(NLS.bind(Messages.ConfigEditor_saveJob, path.getFileName()), () -> {
            String error = null;
            try {
                Path dir = path.toAbsolutePath().getParent();
                Path tmp = Files.createTempFile(dir, ".mtaprov-", ".tmp");
                try {
                    Files.write(tmp, content);
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                error = e.toString();
            }
            String result = error;
            asyncOnUi(display, () -> onUi.accept(result));
            return result == null ? Status.OK_STATUS : Status.error(NLS.bind(Messages.ConfigEditor_saveFailed, path, result));
        });
        job.setRule(new PathRule(path.toAbsolutePath()));
        job.setUser(true);
        job.schedule();
        return job;
    }

    private static void asyncOnUi(Display display, Runnable r) {
        if (!display.isDisposed()) {
            display.asyncExec(r);
        }
    }

    /** A Job in {@link #FAMILY}. */
    private static final class FamilyJob extends Job {
        private final java.util.function.Supplier<IStatus> body;

        FamilyJob(String name, java.util.function.Supplier<IStatus> body) {
            super(name);
            this.body = body;
        }

        @Override
        protected IStatus run(org.eclipse.core.runtime.IProgressMonitor monitor) {
            return body.get();
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == FAMILY;
        }
    }
}
