package io.mtaprov.protocol.dhcp;

/**
 * Names of option-60 capability types and of the values the console shows.
 *
 * <p>Assumption: the PacketCable names follow Wireshark's {@code pkt_mdc_type_vals} and codec
 * list (packet-dhcp.c) as remembered, PKT-SP-PROV1.5 section 8.2 "MTA device capabilities"
 * (types 0x01..0x1a; 0x1a is from PacketCable 2.0 and unconfirmed). The DOCSIS names follow
 * CM-SP-MULPIv3.0 annex C.1.3.1 (TLV 5.1..5.40) as remembered, not confirmed against the spec.
 */
public final class CapabilityNames {
    private static final String[] PACKETCABLE = {
        null, "PacketCable Version", "Number Of Telephony Endpoints", "TGT Support",
        "HTTP Download File Access Method Support", "MTA-24 Event SYSLOG Notification Support",
        "NCS Service Flow Support", "Primary Line Support", "Vendor Specific TLV Type(s)",
        "NVRAM Ticket/Session Keys Storage Support", "Provisioning Event Reporting Support",
        "Supported CODEC(s)", "Silence Suppression Support", "Echo Cancellation Support",
        "RSVP Support", "UGS-AD Support", "MTA's ifIndex starting number in ifTable",
        "Provisioning Flow Logging Support", "Supported Provisioning Flows", "T38 Version Support",
        "T38 Error Correction Support", "RFC 2833 DTMF Support", "Voice Metrics Support",
        "MIB Support", "Multiple Grants Per Interval Support", "V.152 Support",
        "Certificate Bootstrapping Support"};
    private static final String[] DOCSIS = {
        null, "Concatenation Support", "DOCSIS Version", "Fragmentation Support",
        "Payload Header Suppression Support", "IGMP Support", "Privacy Support",
        "Downstream SAID Support", "Upstream Service Flow Support", "Optional Filtering Support",
        "Transmit Pre-Equalizer Taps per Modulation Interval", "Number of Transmit Equalizer Taps",
        "DCC Support", "IP Filters Support", "LLC Filters Support", "Expanded Unicast SID Space",
        "Ranging Hold-Off Support", "L2VPN Capability", "L2VPN eSAFE Host Capability",
        "Downstream Unencrypted Traffic Filtering", "Upstream Frequency Range Support",
        "Upstream Symbol Rate Support", "Selectable Active Code Mode 2 Support",
        "Code Hopping Mode 2 Support", "Multiple Transmit Channel Support",
        "5.12 Msps Upstream Transmit Channel Support", "2.56 Msps Upstream Transmit Channel Support",
        "Total SID Cluster Support", "SID Clusters per Service Flow Support",
        "Multiple Receive Module Support", "Total Downstream Service ID Support",
        "Resequencing DSID Support", "Multicast DSID Support", "Multicast DSID Forwarding",
        "Frame Control Type Forwarding Capability", "DPV Capability",
        "Unsolicited Grant Service/Upstream Service Flow Support", "MAP and UCD Receipt Support",
        "Upstream Drop Classifier Support", "IPv6 Support",
        "Extended Upstream Transmit Power Capability"};
    /** Codec values of capability 0x0b (Wireshark {@code pkt_mdc_codec_vals}), index = value. */
    private static final String[] CODECS = {
        null, "other", "unknown", "G.729", "reserved", "G.729E", "PCMU", "G.726-32", "G.728", "PCMA",
        "G.726-16", "G.726-24", "G.726-40", "iLBC", "BV16", "telephone-event"};

    private CapabilityNames() {
    }

    /** Name of a capability type of the PacketCable ({@code pktc}) or DOCSIS family. */
    public static String capability(boolean packetCable, int type) {
        String[] names = packetCable ? PACKETCABLE : DOCSIS;
        String n = type > 0 && type < names.length ? names[type] : null;
        return n != null ? n : "unknown capability " + type;
    }

    /** Name of a codec value of PacketCable capability 0x0b. */
    public static String codec(int value) {
        String n = value > 0 && value < CODECS.length ? CODECS[value] : null;
        return n != null ? n : "codec " + value;
    }
}
