package io.mtaprov.core.server;

import java.util.List;
import java.util.Optional;

/**
 * Tracks the embedded servers and posts their status on {@link ServerEvents#TOPIC_STATUS}.
 * The only way the UI reaches servers. Thread-safe.
 */
public interface ServerRegistry {

    /** Snapshots of all known servers, ordered by their position in the sequence. */
    List<ServerStatus> statuses();

    Optional<ManagedServer> server(String id);
}
