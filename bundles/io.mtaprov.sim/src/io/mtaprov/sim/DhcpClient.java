package io.mtaprov.sim;

import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.dhcp.DhcpMessage;
import io.mtaprov.protocol.dhcp.DhcpMessageBuilder;
import io.mtaprov.protocol.dhcp.DhcpMessageType;
import io.mtaprov.protocol.dhcp.DhcpOption;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import io.mtaprov.protocol.dhcp.RelayAgentInfo;
import io.mtaprov.protocol.dhcp.StandardOptions;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The MTA's DHCP client for steps 1 and 2: DISCOVER/OFFER then REQUEST/ACK (RFC 2131 section 3.1)
 * with the PacketCable options of {@link MtaDhcpOptions}, retransmitting with exponential backoff
 * (RFC 2131 section 4.1, lab timers from {@link SimSettings}). Not relayed by default: it sends from
 * {@code <clientAddress>:<ephemeral>} with {@code giaddr} 0 and expects the reply at that address and
 * port (the loopback convention of the console's DHCP server). In relay mode (the profile's or the
 * settings' {@code giaddr}) it plays the CMTS too: it sets {@code giaddr}, {@code hops} 1 and option
 * 82 (remote id = the cable modem's MAC, the MTA's MAC minus one, as on an eMTA), sends through the
 * {@link RelayAgent} on {@code <giaddr>:<server port>} and gets the server's replies from it, as a
 * real relay does (RFC 1542; RFC 2131 section 4.1). One instance per MTA and run; not thread-safe.
 */
final class DhcpClient implements AutoCloseable {
    /** Option 50, requested IP address, RFC 2132 section 9.1. */
    static final int REQUESTED_ADDRESS = 50;
    /** Largest UDP payload we accept (RFC 2131 section 2: at least 576; servers may send up to MTU). */
    static final int MAX_REPLY = 1500;

    private final MtaProfile profile;
    private final SimSettings settings;
    private final SimTrace trace;
    private final DatagramSocket socket; // null when relayed
    private final RelayAgent relay; // null when not relayed
    private final Ipv4Address giaddr;
    private final java.util.concurrent.BlockingQueue<byte[]> relayed;
    private final int xid = ThreadLocalRandom.current().nextInt();
    private final long began = System.nanoTime();
    /** Retransmissions so far (both phases). */
    int retransmissions;

    DhcpClient(MtaProfile profile, SimSettings settings, SimTrace trace) throws IOException {
        this.profile = profile;
        this.settings = settings;
        this.trace = trace;
        this.giaddr = profile.relayAgent() != null ? profile.relayAgent() : settings.relayAgent();
        if (giaddr == null) {
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(settings.clientAddress()), 0));
            this.relay = null;
            this.relayed = null;
        } else {
            this.socket = null;
            this.relay = RelayAgent.acquire(giaddr, settings.dhcpServer().getPort());
            this.relayed = relay.register(xid, profile.macBytes());
        }
    }

    /** Step 1: DISCOVER until an OFFER arrives. */
    DhcpMessage discover() throws StepFailure {
        DhcpMessage d = request(DhcpMessageType.DISCOVER).build();
        return exchange(ProvisioningStep.DEVICE_ACTION_REQUEST, d, DhcpMessageType.OFFER);
    }

    /** Step 2 (first half): REQUEST the offered address until the ACK arrives. */
    DhcpMessage request(DhcpMessage offer) throws StepFailure {
        DhcpMessageBuilder b = request(DhcpMessageType.REQUEST)
                .option(DhcpOption.addresses(REQUESTED_ADDRESS, offer.yiaddr()));
        try {
            offer.options().serverId().ifPresent(id -> b.option(StandardOptions.serverId(id)));
        } catch (DecodeException e) {
            throw new StepFailure(ProvisioningStep.DHCP_OPTIONS_TRANSFER, "malformed option 54 in the OFFER");
        }
        DhcpMessage ack = exchange(ProvisioningStep.DHCP_OPTIONS_TRANSFER, b.build(), DhcpMessageType.ACK);
        return ack;
    }

    private DhcpMessageBuilder request(DhcpMessageType type) {
        DhcpMessageBuilder b = DhcpMessage.builder().xid(xid).hardwareAddress(profile.macBytes())
                .option(StandardOptions.messageType(type));
        MtaDhcpOptions.requestOptions(profile, settings.requestLegacyCcc()).forEach(b::option);
        if (giaddr != null) {
            byte[] cm = profile.macBytes();
            for (int i = 5; i >= 0 && cm[i]-- == 0; i--) {
                // borrow: the CM MAC is the MTA MAC minus one
            }
            b.giaddr(giaddr).hops(1).option(RelayAgentInfo.of(("sim-cmts:" + giaddr).getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII), cm).toOption());
        }
        return b;
    }

    private DhcpMessage exchange(ProvisioningStep step, DhcpMessage first, DhcpMessageType expected)
            throws StepFailure {
        InetSocketAddress server = settings.dhcpServer();
        long timeout = settings.dhcpInitialTimeout().toMillis();
        byte[] buf = new byte[MAX_REPLY];
        String what = typeOf(first);
        for (int attempt = 1; attempt <= settings.dhcpAttempts(); attempt++) {
            int secs = (int) Math.min(0xffff, (System.nanoTime() - began) / 1_000_000_000L);
            byte[] out = first.toBuilder().secs(secs).build().encode();
            try {
                if (relay != null) {
                    relay.forward(out, server);
                } else {
                    socket.send(new DatagramPacket(out, out.length, server));
                }
            } catch (IOException e) {
                throw new StepFailure(step, ProvisioningState.FAIL_OTHER_REASON, "cannot send " + what + " to "
                        + server + ": " + e.getMessage(), e);
            }
            trace.sent(step, server, what + (attempt > 1 ? " (retransmission " + (attempt - 1) + ")" : "")
                    + (relay != null ? " via relay " + giaddr : ""), "xid " + Integer.toHexString(xid));
            long jitter = timeout / 10 == 0 ? 0 : ThreadLocalRandom.current().nextLong(-timeout / 10, timeout / 10 + 1);
            DhcpMessage reply = await(buf, System.nanoTime() + (timeout + jitter) * 1_000_000L, expected, step);
            if (reply != null) {
                return reply;
            }
            retransmissions++;
            timeout = Math.min(timeout * 2, settings.dhcpMaxTimeout().toMillis());
        }
        throw new StepFailure(step, "no " + expected + " from " + server + " after " + settings.dhcpAttempts() + " "
                + what + "s");
    }

    /** The matching reply, or null at the deadline. A NAK fails the step. */
    private DhcpMessage await(byte[] buf, long deadline, DhcpMessageType expected, ProvisioningStep step)
            throws StepFailure {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            byte[] data;
            InetSocketAddress from;
            try {
                if (relay != null) {
                    data = RelayAgent.poll(relayed, left);
                    if (data == null) {
                        return null;
                    }
                    from = relay.address();
                } else {
                    socket.setSoTimeout((int) left);
                    p.setLength(buf.length);
                    socket.receive(p);
                    data = java.util.Arrays.copyOf(buf, p.getLength());
                    from = (InetSocketAddress) p.getSocketAddress();
                }
            } catch (SocketTimeoutException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailure(step, ProvisioningState.FAIL_OTHER_REASON, "interrupted", e);
            } catch (IOException e) {
                throw new StepFailure(step, ProvisioningState.FAIL_OTHER_REASON, "DHCP receive failed: "
                        + e.getMessage(), e);
            }
            DhcpMessage m;
            DhcpMessageType type;
            try {
                m = DhcpMessage.decode(data);
                type = m.options().messageType().orElse(null);
            } catch (DecodeException e) {
                trace.note(step, "ignored a malformed DHCP reply", e.getMessage(), Outcome.WARNING);
                continue;
            }
            if (m.op() != DhcpMessage.BOOTREPLY || m.xid() != xid
                    || !java.util.Arrays.equals(m.hardwareAddress(), profile.macBytes())) {
                continue; // someone else's reply
            }
            if (type == DhcpMessageType.NAK) {
                trace.received(step, from, "DHCPNAK", m::toString);
                throw new StepFailure(step, "the server answered DHCPNAK" + m.options().get(56)
                        .map(o -> ": " + new String(o.value(), java.nio.charset.StandardCharsets.US_ASCII)).orElse(""));
            }
            if (type == expected) {
                trace.received(step, from, "DHCP" + type + " " + m.yiaddr(), m::toString);
                return m;
            }
        }
    }

    private static String typeOf(DhcpMessage m) {
        try {
            return m.options().messageType().map(t -> "DHCP" + t).orElse("BOOTP");
        } catch (DecodeException e) {
            return "DHCP";
        }
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.unregister(xid, profile.macBytes());
            relay.release();
        } else {
            socket.close();
        }
    }
}
