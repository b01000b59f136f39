package io.mtaprov.core.server;

/**
 * Where a server listens and whether it starts with the console. Listeners bind to loopback unless
 * the user chooses an interface.
 */
public record ServerSettings(String bindAddress, int port, boolean autoStart) {
    public static final String LOOPBACK = "127.0.0.1";

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(bindAddress, newPort, autoStart);
    }

    public ServerSettings withBindAddress(String address) {
        return new ServerSettings(address, port, autoStart);
    }

    /**
     * Settings for a server from framework or system properties {@code mtaprov.<id>.port},
     * {@code mtaprov.<id>.bind} and {@code mtaprov.<id>.autostart}, else the defaults given
     * (DESIGN.md: unprivileged default ports, loopback).
     */
    public static ServerSettings fromProperties(String id, int defaultPort, java.util.function.UnaryOperator<String> props) {
        String port = props.apply("mtaprov." + id + ".port");
        String bind = props.apply("mtaprov." + id + ".bind");
        String auto = props.apply("mtaprov." + id + ".autostart");
        return new ServerSettings(bind == null || bind.isBlank() ? LOOPBACK : bind.trim(),
                port == null || port.isBlank() ? defaultPort : Integer.parseInt(port.trim()),
                auto == null || Boolean.parseBoolean(auto.trim()));
    }
}
