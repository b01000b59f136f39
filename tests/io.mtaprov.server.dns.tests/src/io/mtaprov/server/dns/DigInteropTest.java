package io.mtaprov.server.dns;

import static io.mtaprov.server.dns.MemoryLeases.changed;
import static io.mtaprov.server.dns.MemoryLeases.lease;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Interoperability with ISC's dig (Debian package bind9-dnsutils), a resolver client no one here wrote. */
class DigInteropTest extends ServerFixture {
    static final Path DIG = Path.of("/usr/bin/dig");

    /** Runs dig against the server with these arguments, returns its output. */
    String dig(String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(DIG)) {
            throw new AssertionError("dig is not installed: run `apt-get install bind9-dnsutils` (./mtaprov test does)");
        }
        List<String> cmd = new ArrayList<>(List.of(DIG.toString(), "@127.0.0.1", "-p",
                Integer.toString(server.boundPort()), "+time=3", "+tries=1"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("dig finished").isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void digGetsTheProvisioningServersAddressAuthoritatively() throws Exception {
        String out = dig("mps.mtaprov.lab", "A", "+norecurse");
        assertThat(out).contains("status: NOERROR").containsPattern("flags: qr aa;")
                .containsPattern("mps\\.mtaprov\\.lab\\.\\s+300\\s+IN\\s+A\\s+10\\.1\\.0\\.10")
                .contains("EDNS: version: 0").contains("udp: 1232");
    }

    @Test
    void digGetsTheRealmsKerberosSrvWithTheKdcAsAdditional() throws Exception {
        String out = dig("_kerberos._udp.HYBRID.2", "SRV", "+norecurse");
        assertThat(out).contains("status: NOERROR").containsPattern("flags: qr aa;")
                .containsPattern("_kerberos\\._udp\\.HYBRID\\.2\\.\\s+300\\s+IN\\s+SRV\\s+0 0 88 kdc\\.mtaprov\\.lab\\.")
                .containsPattern("kdc\\.mtaprov\\.lab\\.\\s+300\\s+IN\\s+A\\s+10\\.1\\.0\\.11");
    }

    @Test
    void digOverTcpGetsTheSameAnswer() throws Exception {
        String out = dig("+tcp", "tftp.mtaprov.lab", "A", "+norecurse");
        assertThat(out).contains("status: NOERROR").containsPattern("flags: qr aa;")
                .containsPattern("tftp\\.mtaprov\\.lab\\.\\s+300\\s+IN\\s+A\\s+10\\.1\\.0\\.12").contains("(TCP)");
    }

    @Test
    void digResolvesAnMtaNameAfterItsLeaseIsBound() throws Exception {
        server.handleEvent(changed(lease("00:10:95:00:00:07", "10.20.0.7", "mta7.mtaprov.lab", Lease.State.BOUND)));
        String out = dig("mta7.mtaprov.lab", "A", "+norecurse");
        assertThat(out).contains("status: NOERROR").containsPattern("flags: qr aa;")
                .containsPattern("mta7\\.mtaprov\\.lab\\.\\s+60\\s+IN\\s+A\\s+10\\.20\\.0\\.7");
        server.handleEvent(changed(lease("00:10:95:00:00:07", "10.20.0.7", "mta7.mtaprov.lab", Lease.State.RELEASED)));
        assertThat(dig("mta7.mtaprov.lab", "A", "+norecurse")).contains("status: NXDOMAIN")
                .containsPattern("flags: qr aa;").containsPattern("mtaprov\\.lab\\.\\s+60\\s+IN\\s+SOA\\s+ns\\.mtaprov\\.lab\\.");
    }

    @Test
    void digIsRefusedOutsideTheZonesAndRetriesATruncatedAnswerOverTcp() throws Exception {
        assertThat(dig("www.example.com", "A", "+norecurse")).contains("status: REFUSED");
        for (int i = 0; i < 40; i++) {
            server.handleEvent(changed(lease(String.format("00:10:95:00:01:%02x", i), "10.9.0." + (i + 1),
                    "shared.mtaprov.lab", Lease.State.BOUND)));
        }
        String out = dig("shared.mtaprov.lab", "A", "+norecurse", "+bufsize=512");
        assertThat(out).contains("Truncated, retrying in TCP mode.").contains("status: NOERROR").contains("ANSWER: 40");
    }
}
