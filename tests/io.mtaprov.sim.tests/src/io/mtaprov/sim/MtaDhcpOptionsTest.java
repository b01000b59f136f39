package io.mtaprov.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Flow;
import io.mtaprov.protocol.dhcp.DeviceCapabilities;
import io.mtaprov.protocol.dhcp.MibSupport;
import io.mtaprov.protocol.dhcp.VendorClass;
import io.mtaprov.protocol.mib.MibTree;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Option 60 as the simulator builds it decodes (VendorClass) to what was configured. */
class MtaDhcpOptionsTest {

    @Test
    void capabilityStringDecodesToTheConfiguredDevice() throws Exception {
        MtaProfile p = MtaProfile.lab("02:4d:54:00:00:10").withLines(4).withMibTree(MibTree.IETF)
                .withFlows(EnumSet.of(Flow.HYBRID_2, Flow.BASIC_1));
        VendorClass vc = VendorClass.decode(MtaDhcpOptions.vendorClass(p).encode());
        assertThat(vc.identifier()).isEqualTo("pktc1.5");
        DeviceCapabilities c = vc.capabilities().orElseThrow();
        assertThat(c.version()).hasValue(1);
        assertThat(c.endpoints()).hasValue(4);
        assertThat(c.firstIfIndex()).hasValue(9);
        assertThat(c.supportedFlows()).hasValue(DeviceCapabilities.FLOW_HYBRID | DeviceCapabilities.FLOW_BASIC);
        assertThat(c.mibSupport()).containsExactly(new MibSupport(MibSupport.IETF, 0x07));
        assertThat(c.codecs()).containsExactly(6, 9, 3);
    }

    @Test
    void capabilityHexFollowsTheWiresharkLayout() {
        // PROTOCOL.md: pktc1.x: then 05, the length, then type/length/value sub-TLVs in lower-case hex
        String text = MtaDhcpOptions.vendorClass(MtaProfile.lab("02:4d:54:00:00:11")).text();
        assertThat(text).isEqualTo("pktc1.5:051a" + "010101" + "020102" + "090100" + "0b03060903" + "100109"
                + "12020006" + "1703020007");
    }

    @Test
    void macsOfAFleetCountUpFromTheBase() {
        assertThat(MtaProfile.macAfter("02:4d:54:00:00:ff", 1)).isEqualTo("02:4d:54:00:01:00");
        assertThat(MtaProfile.lab("02-4D-54-00-00-01").mac()).isEqualTo("02:4d:54:00:00:01");
    }
}
