package io.mtaprov.server.mps;

import io.mtaprov.core.provisioning.CustomerCareException;
import io.mtaprov.core.provisioning.CustomerCareSource;
import io.mtaprov.core.settings.CareCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customer-care data (step 5c) from a CSV file that operators edit: a header line
 * {@code mac,<variable>,<variable>...} (e.g. {@code mac,line.1.number,line.2.number,deviceClass}),
 * then one line per MTA; empty cells are left out, lines starting with # are comments, a value may
 * be double-quoted (with "" for a quote). The file is read at start and again whenever it changes
 * (java.nio WatchService on its directory, on a daemon thread), so an edit applies to the next
 * attempt without a restart. A file that does not parse keeps the previous data and the error is
 * reported by {@link #lookup}. Thread-safe.
 */
final class CsvCustomerCareSource implements CustomerCareSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CsvCustomerCareSource.class);

    private final Path file;
    private final WatchService watcher;
    private final Thread thread;
    private volatile Map<String, Map<String, String>> byMac = Map.of();
    private volatile String problem = "";
    private volatile long reloads;

    CsvCustomerCareSource(Path file) throws IOException {
        this.file = file.toAbsolutePath();
        reload();
        this.watcher = FileSystems.getDefault().newWatchService();
        this.file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::watch, "mtaprov-mps-care-csv");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String describe() {
        return "CSV " + file;
    }

    @Override
    public Map<String, String> lookup(String mac) throws CustomerCareException {
        String p = problem;
        if (!p.isEmpty()) {
            throw new CustomerCareException(p);
        }
        return byMac.getOrDefault(mac.toLowerCase(Locale.ROOT), Map.of());
    }

    /** How often the file was read (tests wait on it). */
    long reloads() {
        return reloads;
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean ours = key.pollEvents().stream().anyMatch(e -> file.getFileName().equals(e.context()));
                key.reset();
                if (ours) {
                    reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    void reload() {
        try {
            byMac = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
            problem = "";
        } catch (NoSuchFileException e) {
            byMac = Map.of();
            problem = "";
        } catch (IOException | IllegalArgumentException e) {
            problem = file + ": " + e.getMessage() + " (previous data kept)";
            LOG.warn("customer-care CSV {} not loaded: {}", file, e.getMessage());
        }
        reloads++;
    }

    /** The rows by lower-case MAC (the console's settings editor writes the same format, {@link CareCsv}). */
    static Map<String, Map<String, String>> parse(List<String> lines) {
        Map<String, Map<String, String>> out = new HashMap<>();
        CareCsv.parse(lines).forEach((mac, row) -> out.put(mac, Map.copyOf(row)));
        return Map.copyOf(out);
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
