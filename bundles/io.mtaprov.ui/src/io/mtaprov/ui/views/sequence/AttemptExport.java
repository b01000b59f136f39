package io.mtaprov.ui.views.sequence;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.lease.LeaseLookup;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.CapturedPacket;
import io.mtaprov.core.trace.PacketCapture;
import io.mtaprov.protocol.pcap.PcapWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes an attempt to a file: as text (what "Copy as Text" gives), or as a pcap of the datagrams
 * the servers captured for it ({@link PacketCapture}): those with the MTA's MAC (DHCP) or to or from
 * its leased address (DNS, TFTP), from {@value #MARGIN_SECONDS} s before its first traced message
 * to as long after its last. The capture is bounded, so an old attempt's packets may be gone; the
 * SNMP (MPS) and Kerberos messages are not captured. Does I/O: call from a Job.
 */
public final class AttemptExport {
    static final int MARGIN_SECONDS = 2;

    /** What a pcap export wrote. */
    public record PcapResult(Path file, int packets, String ip) {
    }

    private AttemptExport() {
    }

    public static void text(Path file, String mac, List<Arrow> arrows) throws IOException {
        Files.writeString(file, AttemptText.format(mac, arrows), StandardCharsets.UTF_8);
    }

    /** @throws IOException also when no packet of the attempt is kept (nothing to write) */
    public static PcapResult pcap(Path file, String mac, List<TraceEvent> attempt, PacketCapture capture,
            LeaseLookup leases) throws IOException {
        if (attempt.isEmpty()) {
            throw new IOException("no attempt to export");
        }
        String ip = leases == null ? "" : leases.byMac(mac).map(Lease::ip).orElse("");
        Instant from = attempt.get(0).time().minus(Duration.ofSeconds(MARGIN_SECONDS));
        Instant to = attempt.get(attempt.size() - 1).time().plus(Duration.ofSeconds(MARGIN_SECONDS));
        List<CapturedPacket> packets = capture.select(mac, ip, from, to);
        if (packets.isEmpty()) {
            throw new IOException("no captured packet of " + mac + " is kept for this attempt");
        }
        PcapWriter w = new PcapWriter();
        for (CapturedPacket p : packets) {
            w.addUdp(p.time(), p.source(), p.destination(), p.payload());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, w.toBytes());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new PcapResult(file, packets.size(), ip);
    }
}
