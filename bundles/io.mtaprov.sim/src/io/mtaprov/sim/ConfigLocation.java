package io.mtaprov.sim;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the configuration file is: the TFTP URL of pktcMtaDevConfigFile (RFC 3617,
 * {@code tftp://host[:port]/name}, port 69 when absent) or, in the Basic flow, {@code siaddr} and
 * the ACK's {@code file}. Immutable.
 *
 * @param host an IPv4 literal or a name to resolve in DNS (step 8)
 * @param port the TFTP port
 * @param file the file name as requested
 */
record ConfigLocation(String host, int port, String file) {
    /** The TFTP port, RFC 1350. */
    static final int TFTP_PORT = 69;

    /** The location of a {@code tftp://} URL, or {@code null} if it is not one. */
    static ConfigLocation parse(String url) {
        try {
            URI u = new URI(url);
            String path = u.getRawPath();
            if (!"tftp".equalsIgnoreCase(u.getScheme()) || u.getHost() == null || path == null || path.length() < 2) {
                return null;
            }
            return new ConfigLocation(u.getHost(), u.getPort() < 0 ? TFTP_PORT : u.getPort(), path.substring(1));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Whether the host is a dotted IPv4 literal (no DNS needed). */
    boolean literal() {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    @Override
    public String toString() {
        return "tftp://" + host + (port == TFTP_PORT ? "" : ":" + port) + "/" + file;
    }
}
