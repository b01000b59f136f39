package io.mtaprov.core.server;

/** Lifecycle states of an embedded server; FAILED carries its cause in {@link ServerStatus#lastError()}. */
public enum ServerState {
    STOPPED, STARTING, RUNNING, STOPPING, FAILED
}
