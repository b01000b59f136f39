package io.mtaprov.core.settings;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the settings files of a console live, so that the settings editors and the servers reading
 * them agree: the DHCP scopes file ({@code mtaprov.dhcp.scopes}, else
 * {@code <data dir>/dhcp-scopes.properties}) and the customer-care CSV ({@code mtaprov.mps.care.csv},
 * else {@code <data dir>/customer-care.csv}). The data directory is {@code mtaprov.data.dir}, else
 * {@code <osgi.instance.area>/.mtaprov} (where the H2 store lives); without either there is no
 * default location (tests and tools outside a workspace). Stateless.
 */
public final class SettingsLocations {
    public static final String SCOPES_PROPERTY = "mtaprov.dhcp.scopes";
    public static final String CARE_CSV_PROPERTY = "mtaprov.mps.care.csv";
    public static final String SCOPES_FILE_NAME = "dhcp-scopes.properties";
    public static final String CARE_CSV_FILE_NAME = "customer-care.csv";

    private SettingsLocations() {
    }

    /** The console's data directory, empty when neither {@code mtaprov.data.dir} nor a workspace is set. */
    public static Optional<Path> dataDirectory(UnaryOperator<String> props) {
        String explicit = props.apply("mtaprov.data.dir");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit.trim()));
        }
        String area = props.apply("osgi.instance.area");
        if (area == null || area.isBlank()) {
            return Optional.empty();
        }
        String a = area.startsWith("file:") ? area : "file:" + area;
        return Optional.of(Path.of(URI.create(a.replace(" ", "%20"))).resolve(".mtaprov"));
    }

    /** The scopes file the DHCP server reads (it need not exist). */
    public static Optional<Path> scopesFile(UnaryOperator<String> props) {
        return named(props, SCOPES_PROPERTY, SCOPES_FILE_NAME);
    }

    /** The customer-care CSV the provisioning server watches (it need not exist). */
    public static Optional<Path> careCsv(UnaryOperator<String> props) {
        return named(props, CARE_CSV_PROPERTY, CARE_CSV_FILE_NAME);
    }

    private static Optional<Path> named(UnaryOperator<String> props, String property, String fileName) {
        String p = props.apply(property);
        if (p != null && !p.isBlank()) {
            return Optional.of(Path.of(p.trim()));
        }
        return dataDirectory(props).map(d -> d.resolve(fileName));
    }
}
