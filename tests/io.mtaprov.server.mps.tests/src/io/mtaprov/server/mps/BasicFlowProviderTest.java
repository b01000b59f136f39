package io.mtaprov.server.mps;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.server.dhcp.BasicFlowFileProvider.BasicFlowFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DHCP server's Basic-flow hook: a file with its hash inside, the same one for OFFER and ACK. */
class BasicFlowProviderTest {
    final MpsFixture f = new MpsFixture();

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void offerAndAckNameTheSameFileWithItsHashInside() throws Exception {
        f.start(f.settings("BASIC.1"), List.of());
        TestMta m = f.mta();
        Lease bound = f.leases.get(m.ip);
        Lease offered = new Lease(bound.mac(), bound.ip(), bound.scope(), bound.clientClass(), bound.vendorClass(),
                bound.hostname(), "", Lease.State.OFFERED, bound.start(), bound.expires());
        BasicFlowProvider p = new BasicFlowProvider(f.server, "127.0.0.1");
        Optional<BasicFlowFile> offer = p.fileFor(m.mac, offered);
        for (int i = 0; i < 20 && offer.isEmpty(); i++) { // not ready within the wait: the retransmission gets it
            Thread.sleep(50);
            offer = p.fileFor(m.mac, offered);
        }
        assertThat(offer).isPresent();
        assertThat(offer.get().tftpAddress()).isEqualTo("127.0.0.1");
        assertThat(p.fileFor(m.mac, bound)).contains(offer.get());
        ConfigFile cf = ConfigFile.decode(f.files.content(offer.get().fileName()).orElseThrow());
        assertThat(ConfigHash.verify(cf).status().name()).isEqualTo("VALID");
        assertThat(f.files.recent(10)).hasSize(1);
    }

    @Test
    void theBasicFlowOfTheLeasesRealmIsUsedWhenTheNetworkRealmIsHybrid() throws Exception {
        f.start(f.settings("HYBRID.2"), List.of());
        TestMta m = f.mta("BASIC.2");
        Lease bound = f.leases.get(m.ip);
        BasicFlowProvider p = new BasicFlowProvider(f.server, "127.0.0.1");
        io.mtaprov.tests.support.Await.until("the file of " + m.mac, java.time.Duration.ofSeconds(10),
                () -> p.fileFor(m.mac, bound).isPresent());
        BasicFlowFile file = p.fileFor(m.mac, bound).orElseThrow();
        assertThat(ConfigHash.verify(ConfigFile.decode(f.files.content(file.fileName()).orElseThrow())).valid()).isTrue();
        assertThat(f.current(m.mac).orElseThrow().enrollment().flow()).isEqualTo(io.mtaprov.core.model.Flow.BASIC_2);
    }

    @Test
    void noFileWhenGenerationFails() throws Exception {
        f.start(f.settings("BASIC.1"), List.of());
        TestMta m = f.mta();
        f.store.saveMtaVariables(m.mac, java.util.Map.of("deviceClass", "missing"));
        BasicFlowProvider p = new BasicFlowProvider(f.server, "127.0.0.1");
        Thread.sleep(10);
        assertThat(p.fileFor(m.mac, f.leases.get(m.ip))).isEmpty();
    }
}
