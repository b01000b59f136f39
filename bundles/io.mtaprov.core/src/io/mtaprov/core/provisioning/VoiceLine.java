package io.mtaprov.core.provisioning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One voice line (endpoint) of an MTA as the template sees it. Endpoints are indexed by ifIndex,
 * commonly 9 and 10 for lines 1 and 2 (PROTOCOL.md "SNMP and the MIB"). Immutable.
 *
 * @param index     1-based line number
 * @param ifIndex   the endpoint's ifIndex (the row index of the NCS endpoint table)
 * @param callAgent the call agent id, e.g. "[10.0.0.1]" (pktcNcsEndPntConfigCallAgentId)
 * @param port      the call agent's UDP port (pktcNcsEndPntConfigCallAgentUdpPort)
 * @param number    the subscriber's phone number, "" when none
 */
public record VoiceLine(int index, int ifIndex, String callAgent, int port, String number) {

    /** The template variables {@code line.index}, {@code line.ifIndex}, ... of this line. */
    public Map<String, String> variables(String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(prefix + "index", Integer.toString(index));
        m.put(prefix + "ifIndex", Integer.toString(ifIndex));
        m.put(prefix + "callAgent", callAgent);
        m.put(prefix + "port", Integer.toString(port));
        m.put(prefix + "number", number);
        return m;
    }
}
