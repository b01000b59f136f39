package io.mtaprov.sim;

import io.mtaprov.core.model.Flow;
import io.mtaprov.protocol.dhcp.CableLabsVendorInfo;
import io.mtaprov.protocol.dhcp.DeviceCapabilities;
import io.mtaprov.protocol.dhcp.DhcpOption;
import io.mtaprov.protocol.dhcp.DhcpOptionCode;
import io.mtaprov.protocol.dhcp.MibSupport;
import io.mtaprov.protocol.dhcp.StandardOptions;
import io.mtaprov.protocol.dhcp.SubOptions;
import io.mtaprov.protocol.dhcp.VendorClass;
import io.mtaprov.protocol.mib.MibTree;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The options an eMTA puts in DISCOVER and REQUEST (PKT-SP-PROV1.5 section 8; PROTOCOL.md "DHCPv4"):
 * 60 {@code pktc1.5:} with the device capabilities, 43 CableLabs sub-options, 55 and 61. Stateless.
 */
public final class MtaDhcpOptions {
    /** Vendor class prefix of a PacketCable 1.5 MTA (option 60, PKT-SP-PROV1.5 section 8.2). */
    public static final String PKTC_1_5 = "pktc1.5";
    /** Capability 0x01 value for PacketCable 1.1/1.5 (PROTOCOL.md, Wireshark pkt_mdc). */
    static final int VERSION_1_5 = 0x01;
    /** Capability 0x0b: PCMU (6), PCMA (9), G.729 (3), codec numbers of Wireshark pkt_mdc. */
    static final byte[] CODECS = {6, 9, 3};
    /** Option 55: subnet mask, routers, DNS, domain name, CableLabs client configuration (RFC 3495). */
    static final int[] REQUESTED = {DhcpOptionCode.SUBNET_MASK, DhcpOptionCode.ROUTERS, DhcpOptionCode.DNS_SERVERS,
        DhcpOptionCode.DOMAIN_NAME, DhcpOptionCode.CCC};
    /** Option 61 type byte of an Ethernet address, RFC 2132 section 9.14 / RFC 1700. */
    static final int CLIENT_ID_ETHERNET = 1;

    private MtaDhcpOptions() {
    }

    /** The device capabilities of option 60 (TLV 5 value) for this MTA. */
    public static DeviceCapabilities capabilities(MtaProfile p) {
        int flows = 0;
        for (Flow f : p.flows()) {
            flows |= f == Flow.SECURE ? DeviceCapabilities.FLOW_SECURE
                    : f.isBasic() ? DeviceCapabilities.FLOW_BASIC : DeviceCapabilities.FLOW_HYBRID;
        }
        int org = p.mibTree() == MibTree.IETF ? MibSupport.IETF : MibSupport.CABLELABS;
        int mibBits = MibSupport.MTA_MIB | MibSupport.SIGNALING_MIB | MibSupport.EVENT_MIB;
        boolean secure = p.flows().contains(Flow.SECURE);
        return DeviceCapabilities.builder(true)
                .add(DeviceCapabilities.VERSION, (byte) VERSION_1_5)
                .add(DeviceCapabilities.ENDPOINTS, (byte) p.lines())
                .add(DeviceCapabilities.NVRAM_TICKET_STORAGE, (byte) (secure ? 1 : 0))
                .add(DeviceCapabilities.CODECS, CODECS)
                .add(DeviceCapabilities.FIRST_IF_INDEX, (byte) MtaProfile.FIRST_IF_INDEX)
                .add(DeviceCapabilities.SUPPORTED_FLOWS, (byte) 0, (byte) flows)
                .add(DeviceCapabilities.MIB_SUPPORT, (byte) 2, (byte) org, (byte) mibBits)
                .build();
    }

    /** Option 60: {@code pktc1.5:} and the capabilities in hex. */
    public static VendorClass vendorClass(MtaProfile p) {
        return VendorClass.withCapabilities(PKTC_1_5, capabilities(p));
    }

    /** Option 43 with the CableLabs sub-options 2, 4, 5, 6, 8, 9, 10, 31 and 32. */
    public static CableLabsVendorInfo vendorInfo(MtaProfile p) {
        long c = p.correlationId();
        return CableLabsVendorInfo.of(SubOptions.builder()
                .add(CableLabsVendorInfo.DEVICE_TYPE, ascii(p.deviceType()))
                .add(CableLabsVendorInfo.SERIAL_NUMBER, ascii(p.serialNumber()))
                .add(CableLabsVendorInfo.HARDWARE_VERSION, ascii(p.hardwareVersion()))
                .add(CableLabsVendorInfo.SOFTWARE_VERSION, ascii(p.softwareVersion()))
                .add(CableLabsVendorInfo.OUI, p.oui())
                .add(CableLabsVendorInfo.MODEL_NUMBER, ascii(p.model()))
                .add(CableLabsVendorInfo.VENDOR_NAME, ascii(p.vendor()))
                .add(CableLabsVendorInfo.MTA_MAC, p.macBytes())
                .add(CableLabsVendorInfo.CORRELATION_ID,
                        new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c})
                .build());
    }

    /** Options 60, 43, 55 and 61 of a DISCOVER or REQUEST, in that order. */
    public static List<DhcpOption> requestOptions(MtaProfile p, boolean legacyCcc) {
        int[] codes = REQUESTED;
        if (legacyCcc) {
            codes = java.util.Arrays.copyOf(REQUESTED, REQUESTED.length + 1);
            codes[REQUESTED.length] = DhcpOptionCode.LEGACY_CCC;
        }
        return List.of(vendorClass(p).toOption(), vendorInfo(p).toOption(), StandardOptions.parameterRequestList(codes),
                StandardOptions.clientId(CLIENT_ID_ETHERNET, p.macBytes()));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
