package io.mtaprov.tests.support;

import io.mtaprov.core.files.FileNames;
import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.files.GeneratedFileStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A GeneratedFileStore in memory, for server tests that do not exercise the H2 store. */
public final class MemoryFileStore implements GeneratedFileStore {
    private final Map<String, GeneratedFile> meta = new ConcurrentHashMap<>();
    private final Map<String, byte[]> content = new ConcurrentHashMap<>();

    @Override
    public GeneratedFile put(String mtaMac, byte[] bytes) {
        String sha1;
        try {
            sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        GeneratedFile f = new GeneratedFile(FileNames.newName(), mtaMac, bytes.length, sha1, Instant.now());
        content.put(f.name(), bytes.clone());
        meta.put(f.name(), f);
        return f;
    }

    @Override
    public Optional<GeneratedFile> find(String name) {
        return Optional.ofNullable(meta.get(name));
    }

    @Override
    public Optional<byte[]> content(String name) {
        return Optional.ofNullable(content.get(name)).map(byte[]::clone);
    }

    @Override
    public List<GeneratedFile> recent(int limit) {
        return meta.values().stream().sorted(Comparator.comparing(GeneratedFile::created).reversed()).limit(limit)
                .toList();
    }
}
