package io.mtaprov.core.files;

import java.util.List;
import java.util.Optional;

/**
 * The set of generated files: the only files the TFTP server serves (step 6 puts them here, step 9
 * reads them). A stored file is durable once {@link #put} returns. Thread-safe.
 */
public interface GeneratedFileStore {

    /** Stores the content under a fresh unguessable name (see {@link FileNames}) and returns its metadata. */
    GeneratedFile put(String mtaMac, byte[] content);

    Optional<GeneratedFile> find(String name);

    /** The content of a stored file, or empty when there is no such name. */
    Optional<byte[]> content(String name);

    /** The most recently stored files, newest first. */
    List<GeneratedFile> recent(int limit);
}
