package io.mtaprov.core.provisioning;

import java.util.List;
import java.util.Map;

/**
 * The layers a fresh console starts with, so that the demo MTA (and the simulator) is provisioned
 * out of the box: one device class per MIB tree with two voice lines at ifIndex 9 and 10
 * (PROTOCOL.md "SNMP and the MIB"), and a CMTS layer for all scopes with a call agent on loopback.
 * The templates follow PROTOCOL.md's example file (pktcMtaDevEnabled true, the call agent of each
 * endpoint, a realm organisation name).
 */
public final class DefaultLayers {
    public static final String CABLELABS_CLASS = "default";
    public static final String IETF_CLASS = "default-ietf";

    /** PKTC-MTA-MIB / PKTC-SIG-MIB names (pktc-objects.tsv); the realm row is indexed by its IMPLIED name. */
    static final String CABLELABS_TEMPLATE = """
            /* ${mta.mac} (${lease.ip}, scope ${lease.scope}): device class default */
            Main
            {
                MtaConfigDelimiter 1;
                SnmpMibObject pktcMtaDevEnabled.0 Integer 1; /* true */
                ${for line}
                /* line ${line.index}: ${line.number} */
                SnmpMibObject pktcNcsEndPntConfigCallAgentId.${line.ifIndex} String "${line.callAgent}";
                SnmpMibObject pktcNcsEndPntConfigCallAgentUdpPort.${line.ifIndex} Integer ${line.port};
                ${end}
                SnmpMibObject pktcMtaDevRealmOrgName.'${realm.name}' String "${realm.org}";
                MtaConfigDelimiter 255;
            }
            """;

    /** RFC 4682 PKTC-IETF-MTA-MIB / RFC 5098 PKTC-IETF-SIG-MIB names (pktc-objects.tsv). */
    static final String IETF_TEMPLATE = """
            /* ${mta.mac} (${lease.ip}, scope ${lease.scope}): device class default-ietf */
            Main
            {
                MtaConfigDelimiter 1;
                SnmpMibObject pktcMtaDevEnabled.0 Integer 1; /* true */
                ${for line}
                /* line ${line.index}: ${line.number} */
                SnmpMibObject pktcSigEndPntConfigCallAgentId.${line.ifIndex} String "${line.callAgent}";
                SnmpMibObject pktcSigEndPntConfigCallAgentUdpPort.${line.ifIndex} Unsigned32 ${line.port};
                ${end}
                MtaConfigDelimiter 255;
            }
            """;

    private DefaultLayers() {
    }

    public static List<DeviceClass> deviceClasses() {
        Map<String, String> twoLines = Map.of("lines", "2", "firstIfIndex", "9");
        return List.of(
                new DeviceClass(CABLELABS_CLASS, 0, "", "", "", "CABLELABS", CABLELABS_TEMPLATE, List.of(), twoLines),
                new DeviceClass(IETF_CLASS, 0, "", "", "", "IETF", IETF_TEMPLATE, List.of(), twoLines));
    }

    /** The CMTS layer of every scope: the call agent on loopback and the lab realm. */
    public static Map<String, String> allScopes() {
        return Map.of("callAgent", "[127.0.0.1]", "callAgentPort", "2727", "realm.name", "MTAPROV.LAB",
                "realm.org", "MTA Provisioning Workbench lab");
    }

    /** Writes the defaults into a store that has no device class yet; returns whether it did. */
    public static boolean seed(ProvisioningStore store) {
        if (!store.deviceClasses().isEmpty()) {
            return false;
        }
        deviceClasses().forEach(store::saveDeviceClass);
        if (store.cmtsVariables(ProvisioningStore.ALL_SCOPES).isEmpty()) {
            store.saveCmtsVariables(ProvisioningStore.ALL_SCOPES, allScopes());
        }
        return true;
    }
}
