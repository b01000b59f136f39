package io.mtaprov.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLayersTest {
    @Test
    void laterLayersOverrideAndFactsWin() {
        ConfigInputs in = ConfigLayers.merge(List.of(Map.of("callAgent", "[1.1.1.1]", "a", "device"),
                Map.of("a", "cmts"), Map.of("a", "mta", "mta.mac", "forged")), Map.of("mta.mac", "00:10:95:00:00:01"));
        assertThat(in.variables()).containsEntry("a", "mta").containsEntry("mta.mac", "00:10:95:00:00:01");
    }

    @Test
    void derivesLinesFromCountAndPerLineSettings() {
        ConfigInputs in = ConfigLayers.merge(List.of(Map.of("lines", "2", "callAgent", "[10.0.0.1]"),
                Map.of("line.3.number", "555-0103", "line.3.ifIndex", "20", "line.2.enabled", "false",
                        "line.1.port", "2728")), Map.of());
        assertThat(in.lines()).containsExactly(new VoiceLine(1, 9, "[10.0.0.1]", 2728, ""),
                new VoiceLine(3, 20, "[10.0.0.1]", 2727, "555-0103"));
        assertThat(in.variables()).containsEntry("line.1.ifIndex", "9").containsEntry("lines", "2");
    }

    @Test
    void deviceClassSelectionPrefersPriorityThenSpecificity() {
        DeviceClass any = new DeviceClass("any", 0, "", "", "", "", "t", List.of(), Map.of());
        DeviceClass acme = new DeviceClass("acme", 0, "Acme", "", "", "", "t", List.of(), Map.of());
        DeviceClass ietf = new DeviceClass("ietf", 0, "", "", "", "IETF", "t", List.of(), Map.of());
        DeviceClass.DeviceFacts f = new DeviceClass.DeviceFacts("pktc1.0:05", "pktc1.0:05",
                "<<HW_REV: 1; VENDOR: ACME Corp; MODEL: X1>>", "CABLELABS");
        assertThat(DeviceClass.select(List.of(any, acme, ietf), f)).contains(acme);
        DeviceClass.DeviceFacts other = new DeviceClass.DeviceFacts("", "", "other", "IETF");
        assertThat(DeviceClass.select(List.of(any, acme, ietf), other)).contains(ietf);
    }
}
