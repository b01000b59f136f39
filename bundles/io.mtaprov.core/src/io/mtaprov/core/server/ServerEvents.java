package io.mtaprov.core.server;

/** OSGi EventAdmin topics and property keys for server state, defined once. */
public final class ServerEvents {
    /** Posted whenever a server's status changes; property {@link #PROP_STATUS} holds the ServerStatus. */
    public static final String TOPIC_STATUS = "io/mtaprov/server/STATUS";
    public static final String PROP_STATUS = "status";
    /** Sub-topic wildcard for subscribers. */
    public static final String TOPIC_ALL = "io/mtaprov/server/*";

    private ServerEvents() {
    }
}
