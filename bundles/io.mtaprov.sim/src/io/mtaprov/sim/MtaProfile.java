package io.mtaprov.sim;

import io.mtaprov.core.model.Flow;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.mib.MibTree;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * What one simulated MTA is: identity (MAC, vendor, model, versions), device type, number of voice
 * lines, the MIB tree it implements, the flows it supports, and its fault knobs. Immutable.
 *
 * @param mac             MAC address, lower-case colon hex ({@code 02:4d:54:00:00:01})
 * @param vendor          vendor name (option 43 sub-option 10)
 * @param model           model number (option 43 sub-option 9)
 * @param serialNumber    serial number (option 43 sub-option 4)
 * @param hardwareVersion hardware version (option 43 sub-option 5)
 * @param softwareVersion software version (option 43 sub-option 6, pktcMtaDevSwCurrentVers)
 * @param deviceType      option 43 sub-option 2, {@code EMTA} (or {@code EDVA})
 * @param lines           number of voice lines (endpoints), 1..24
 * @param mibTree         {@link MibTree#CABLELABS} or {@link MibTree#IETF}
 * @param flows           the flows it supports (option 60 capability 0x12); Secure is not simulated yet
 * @param expectedFlow    if not {@code null}, the run fails at step 2 when DHCP selects another flow
 * @param correlationId   pktcMtaDevCorrelationId / option 43 sub-option 32, 0..2^32-1
 * @param faults          fault injection
 * @param relayAgent      the CMTS it sits behind: {@code giaddr} of its relay agent, overriding
 *                        {@link SimSettings#relayAgent()}; {@code null}: the settings' one
 */
public record MtaProfile(String mac, String vendor, String model, String serialNumber, String hardwareVersion,
        String softwareVersion, String deviceType, int lines, MibTree mibTree, Set<Flow> flows, Flow expectedFlow,
        long correlationId, Faults faults, Ipv4Address relayAgent) {

    /** A locally administered lab OUI ("MT"; bit 0x02 of the first byte set, IEEE 802 section 8.2). */
    public static final String LAB_OUI = "02:4d:54";
    /** ifIndex of the first voice line (option 60 capability 0x10; PROTOCOL.md: commonly 9). */
    public static final int FIRST_IF_INDEX = 9;
    private static final java.util.regex.Pattern MAC = java.util.regex.Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    /** @throws IllegalArgumentException on a malformed MAC, line count, tree or correlation id */
    public MtaProfile {
        mac = normalizeMac(mac);
        if (lines < 1 || lines > 24) {
            throw new IllegalArgumentException("lines must be 1..24: " + lines);
        }
        if (mibTree != MibTree.CABLELABS && mibTree != MibTree.IETF) {
            throw new IllegalArgumentException("an MTA implements the CableLabs or the IETF tree, not " + mibTree);
        }
        if (correlationId < 0 || correlationId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("correlation id is 32 bits: " + correlationId);
        }
        flows = Set.copyOf(flows);
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("an MTA supports at least one flow");
        }
    }

    /** A lab eMTA with two lines, the CableLabs tree, Basic and Hybrid flows and no faults. */
    public static MtaProfile lab(String mac) {
        String m = normalizeMac(mac);
        String tail = m.substring(9).replace(":", "").toUpperCase(Locale.ROOT);
        return new MtaProfile(m, "mtaprov", "SIM-EMTA-2", "SIM" + tail, "1.0", "mtaprov-sim-0.1", "EMTA", 2,
                MibTree.CABLELABS, EnumSet.of(Flow.BASIC_1, Flow.BASIC_2, Flow.HYBRID_1, Flow.HYBRID_2), null,
                Long.parseLong(tail, 16) ^ 0x5A5A_0000L, Faults.NONE, null);
    }

    /** The MAC {@code index} places after {@code base} (both colon hex), e.g. for a fleet. */
    public static String macAfter(String base, long index) {
        long v = Long.parseLong(normalizeMac(base).replace(":", ""), 16) + index;
        String hex = String.format("%012x", v & 0xFFFF_FFFF_FFFFL);
        StringBuilder b = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            b.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return b.toString();
    }

    /** The MAC as 6 bytes. */
    public byte[] macBytes() {
        return HexFormat.of().parseHex(mac.replace(":", ""));
    }

    /** The vendor OUI: the first three bytes of the MAC. */
    public byte[] oui() {
        byte[] m = macBytes();
        return new byte[] {m[0], m[1], m[2]};
    }

    public MtaProfile withFaults(Faults f) {
        return new MtaProfile(mac, vendor, model, serialNumber, hardwareVersion, softwareVersion, deviceType, lines,
                mibTree, flows, expectedFlow, correlationId, f, relayAgent);
    }

    public MtaProfile withLines(int n) {
        return new MtaProfile(mac, vendor, model, serialNumber, hardwareVersion, softwareVersion, deviceType, n,
                mibTree, flows, expectedFlow, correlationId, faults, relayAgent);
    }

    public MtaProfile withMibTree(MibTree tree) {
        return new MtaProfile(mac, vendor, model, serialNumber, hardwareVersion, softwareVersion, deviceType, lines,
                tree, flows, expectedFlow, correlationId, faults, relayAgent);
    }

    public MtaProfile withFlows(Set<Flow> supported) {
        return new MtaProfile(mac, vendor, model, serialNumber, hardwareVersion, softwareVersion, deviceType, lines,
                mibTree, supported, expectedFlow, correlationId, faults, relayAgent);
    }

    /** Expect this flow from DHCP ({@code null}: follow whatever the realm selects among {@link #flows}). */
    public MtaProfile withExpectedFlow(Flow flow) {
        return new MtaProfile(mac, vendor, model, serialNumber, hardwareVersion, softwareVersion, deviceType, lines,
                mibTree, flows, flow, correlationId, faults, relayAgent);
    }

    /** Behind the relay agent (CMTS) {@code giaddr}; {@code null}: as the settings say. */
    public MtaProfile withRelayAgent(Ipv4Address giaddr) {
        return new MtaProfile(mac, vendor, model, serialNumber, hardwareVersion, softwareVersion, deviceType, lines,
                mibTree, flows, expectedFlow, correlationId, faults, giaddr);
    }

    static String normalizeMac(String mac) {
        String m = mac.trim().toLowerCase(Locale.ROOT).replace('-', ':');
        if (!MAC.matcher(m).matches()) {
            throw new IllegalArgumentException("not a MAC address (xx:xx:xx:xx:xx:xx): " + mac);
        }
        return m;
    }
}
