package io.mtaprov.ui.internal;

import io.mtaprov.core.server.ManagedServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;

/** Start and stop of a server as Jobs (with progress), one scheduling rule per server. */
public final class ServerJobs {

    private ServerJobs() {
    }

    /** Serialises jobs on the same server. */
    record ServerRule(String id) implements ISchedulingRule {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return equals(rule);
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return equals(rule);
        }
    }

    public static Job start(ManagedServer server) {
        return schedule("Starting " + server.status().name(), server, server::start);
    }

    /** Starts the server once {@code previous} is done (a restart: stop, then start). */
    public static Job startAfter(ManagedServer server, Job previous) {
        Job start = Job.create("Starting " + server.status().name(), monitor -> {
            try {
                previous.join();
                server.start().get(30, TimeUnit.SECONDS);
                return Status.OK_STATUS;
            } catch (ExecutionException e) {
                return Status.error("Starting " + server.id() + " failed: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                return Status.error("Starting " + server.id() + " did not finish within 30 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Status.CANCEL_STATUS;
            }
        });
        start.setUser(true);
        start.schedule();
        return start;
    }

    public static Job stop(ManagedServer server) {
        return schedule("Stopping " + server.status().name(), server, server::stop);
    }

    private static Job schedule(String name, ManagedServer server,
            java.util.function.Supplier<CompletableFuture<Void>> action) {
        Job job = Job.create(name, monitor -> {
            monitor.beginTask(name, IStatus.OK);
            try {
                action.get().get(30, TimeUnit.SECONDS);
                return Status.OK_STATUS;
            } catch (ExecutionException e) {
                return Status.error(name + " failed: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                return Status.error(name + " did not finish within 30 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Status.CANCEL_STATUS;
            } finally {
                monitor.done();
            }
        });
        job.setRule(new ServerRule(server.id()));
        job.setUser(true);
        job.schedule();
        return job;
    }
}
