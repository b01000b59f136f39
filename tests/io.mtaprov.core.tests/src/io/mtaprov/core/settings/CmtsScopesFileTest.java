package io.mtaprov.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The scopes file as the settings editor reads, checks and writes it. */
class CmtsScopesFileTest {

    static Properties props(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    @Test
    void readsTheRelayScopesAndKeepsWhatItDoesNotModelWhenWriting() throws IOException {
        Properties p = props("""
                scopes=cmts1
                scope.cmts1.relays=192.168.1.1
                scope.cmts1.subnet=10.20.0.0/16
                scope.cmts1.pool.pktc=10.20.0.10-10.20.0.250
                scope.cmts1.realm=BASIC.1
                scope.cmts1.dns=10.0.0.53
                reserve.00\\:10\\:95\\:aa\\:bb\\:cc=10.20.0.77
                default=false
                """);
        List<CmtsScope> scopes = CmtsScopesFile.read(p);
        assertThat(scopes).containsExactly(new CmtsScope("cmts1", "192.168.1.1", "10.20.0.0/16", "", "",
                "10.20.0.10-10.20.0.250", "", "", "BASIC.1"));
        CmtsScope renamed = new CmtsScope("cmts2", "192.168.2.1", "10.30.0.0/16", "10.30.0.1", "600",
                "10.30.0.10-10.30.0.20", "", "", null);
        Properties out = CmtsScopesFile.write(List.of(renamed), p);
        Properties reread = props(CmtsScopesFile.format(out));
        assertThat(reread).isEqualTo(out);
        assertThat(CmtsScopesFile.read(reread)).containsExactly(renamed);
        assertThat(reread.getProperty("scope.cmts1.subnet")).isNull();
        assertThat(reread.getProperty("scope.cmts2.realm")).as("null: the network's realm, no key").isNull();
        assertThat(reread.getProperty("reserve.00:10:95:aa:bb:cc")).isEqualTo("10.20.0.77");
        assertThat(reread.getProperty("default")).isEqualTo("false");
        assertThat(reread.getProperty("scope.cmts1.dns")).as("an unmodelled key of the scope is kept").isEqualTo("10.0.0.53");
    }

    @Test
    void problemsNameTheBadFieldAndAnEmptyRealmIsNoProvisioning() {
        CmtsScope good = new CmtsScope("cmts1", "192.168.1.1", "10.20.0.0/16", "10.20.0.1", "3600",
                "10.20.0.10-10.20.0.250", "", "", "");
        assertThat(good.problems()).isEmpty();
        assertThat(good.withoutRealm()).isTrue();
        assertThat(new CmtsScope("cmts1", "", "10.20.0.0/16", "", "", "", "", "", null).withoutRealm()).isFalse();
        CmtsScope bad = new CmtsScope("default", "192.168.1.300", "10.20.0.0/31", "x", "59",
                "10.20.0.10-10.20.0.5", "10.30.0.1-10.30.0.9", "", "BAD REALM");
        assertThat(bad.problems()).hasSize(7).anyMatch(p -> p.startsWith("name 'default'"))
                .anyMatch(p -> p.contains("192.168.1.300")).anyMatch(p -> p.startsWith("subnet"))
                .anyMatch(p -> p.startsWith("router")).anyMatch(p -> p.startsWith("lease time 59"))
                .anyMatch(p -> p.startsWith("pool pktc")).anyMatch(p -> p.startsWith("realm"));
        CmtsScope outside = new CmtsScope("c", "", "10.20.0.0/16", "", "", "10.21.0.1-10.21.0.9", "", "", null);
        assertThat(outside.problems()).containsExactly("pool pktc: 10.21.0.1-10.21.0.9 is outside the subnet");
    }

    @Test
    void locationsFollowThePropertiesThenTheDataDirectory() {
        Map<String, String> explicit = Map.of("mtaprov.dhcp.scopes", "/etc/scopes.properties",
                "mtaprov.data.dir", "/var/mtaprov");
        assertThat(SettingsLocations.scopesFile(explicit::get)).contains(Path.of("/etc/scopes.properties"));
        assertThat(SettingsLocations.careCsv(explicit::get)).contains(Path.of("/var/mtaprov/customer-care.csv"));
        Map<String, String> workspace = Map.of("osgi.instance.area", "file:/home/lab/ws/");
        assertThat(SettingsLocations.scopesFile(workspace::get))
                .contains(Path.of("/home/lab/ws/.mtaprov/dhcp-scopes.properties"));
        assertThat(SettingsLocations.careCsv(k -> null)).isEmpty();
    }

    @Test
    void careCsvRoundTripsQuotesAndEmptyCells() {
        Map<String, Map<String, String>> byMac = new java.util.LinkedHashMap<>();
        byMac.put("02:00:00:00:00:01", Map.of("line.1.number", "5550001", "realm.org", "Lab, \"east\""));
        byMac.put("02:00:00:00:00:02", Map.of("deviceClass", "default-ietf"));
        String text = CareCsv.format(byMac);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("mac,");
        assertThat(CareCsv.parse(text.lines().toList())).isEqualTo(byMac);
        assertThat(CareCsv.isMac("02:4D:54:de:00:01")).isTrue();
        assertThat(CareCsv.isMac("02:4d:54:de:00")).isFalse();
    }
}
