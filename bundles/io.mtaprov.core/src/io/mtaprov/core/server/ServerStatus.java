package io.mtaprov.core.server;

/**
 * An immutable snapshot of one embedded server, what the Servers view renders and what the
 * {@link ServerEvents#TOPIC_STATUS} event carries.
 *
 * @param id        stable id ("tftp", "dhcp", ...)
 * @param name      display name
 * @param protocol  protocol and transport, e.g. "TFTP/UDP"
 * @param state     lifecycle state
 * @param bindAddress the address it listens on
 * @param port      the port it listens on
 * @param received  datagrams or requests received
 * @param answered  requests answered
 * @param rejected  requests refused with an error (bad input, refused names)
 * @param dropped   input dropped without an answer (garbage, overload)
 * @param lastError the last error or failure cause, "" when none
 */
public record ServerStatus(String id, String name, String protocol, ServerState state, String bindAddress, int port,
        long received, long answered, long rejected, long dropped, String lastError) {
}
