package io.mtaprov.ui.editors.config;

import io.mtaprov.protocol.mib.MibRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The names offered by MIB-name completion: every scalar and column (objects with a SYNTAX) of the
 * bundled PacketCable MIB table ({@code pktc-objects.tsv} next to {@link MibRegistry}), sorted.
 * Loaded once, on first use; the editor's load Job touches it first so that the UI thread never
 * reads the table. Thread-safe.
 */
public final class MibNames {
    private static volatile List<String> names;

    private MibNames() {
    }

    /** All settable-object names, sorted (case-insensitive), without duplicates. */
    public static List<String> all() {
        List<String> n = names;
        if (n == null) {
            synchronized (MibNames.class) {
                n = names;
                if (n == null) {
                    n = load();
                    names = n;
                }
            }
        }
        return n;
    }

    /** The names starting with {@code prefix} (case-insensitive), at most {@code max}. */
    public static List<String> complete(String prefix, int max) {
        String p = prefix.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String name : all()) {
            if (name.toLowerCase(Locale.ROOT).startsWith(p)) {
                out.add(name);
                if (out.size() >= max) {
                    break;
                }
            }
        }
        return out;
    }

    private static List<String> load() {
        TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        try (InputStream in = MibRegistry.class.getResourceAsStream("pktc-objects.tsv")) {
            if (in == null) {
                return List.of();
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                String[] row = line.split("\t", -1);
                if (row.length > 3 && !row[3].isBlank()) {
                    set.add(row[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(set);
    }
}
