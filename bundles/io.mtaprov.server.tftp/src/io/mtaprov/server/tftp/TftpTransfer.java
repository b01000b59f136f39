package io.mtaprov.server.tftp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

/**
 * One read transfer on its own socket (a fresh TID, RFC 1350 section 4): an optional OACK
 * (RFC 2347) answered by ACK 0, then DATA blocks each acknowledged in lock-step, with
 * retransmission on timeout. Duplicate ACKs are ignored (no Sorcerer's Apprentice). Packets from
 * another TID get ERROR 5 and do not disturb the transfer.
 */
final class TftpTransfer {
    static final int MAX_RETRIES = 5;

    /** How the transfer ended. */
    record Result(boolean complete, int blocks, int retransmissions, String failure) {
    }

    private final DatagramSocket socket;
    private final InetSocketAddress client;
    private final byte[] content;
    private final TransferOptions options;
    private final byte[] buffer;
    private int retransmissions;
    private final Runnable clientAnswered;
    private boolean answered;

    /**
     * @param clientAnswered run once, when the client's first ACK arrives: from then on the client
     *                       knows this transfer's TID and will not repeat its request
     */
    TftpTransfer(DatagramSocket socket, InetSocketAddress client, byte[] content, TransferOptions options,
            Runnable clientAnswered) {
        this.clientAnswered = clientAnswered;
        this.socket = socket;
        this.client = client;
        this.content = content;
        this.options = options;
        this.buffer = new byte[Math.max(516, options.blockSize() + 4)];
    }

    /** Where the transfer's datagrams are kept (pcap export); none by default. */
    interface Capture {
        void record(InetSocketAddress from, InetSocketAddress to, byte[] data, int length);
    }

    private Capture capture = (from, to, data, length) -> { };

    TftpTransfer capturing(Capture c) {
        this.capture = c;
        return this;
    }

    Result run() throws IOException {
        socket.setSoTimeout(options.timeoutMillis());
        if (!options.acknowledged().isEmpty()) {
            String f = exchange(TftpPacket.oack(options.acknowledged()), 0);
            if (f != null) {
                return new Result(false, 0, retransmissions, "after OACK: " + f);
            }
        }
        int block = 0;
        int offset = 0;
        int size = options.blockSize();
        while (true) {
            block++;
            int n = Math.min(size, content.length - offset);
            String f = exchange(TftpPacket.data(block & 0xffff, content, offset, n), block & 0xffff);
            if (f != null) {
                return new Result(false, block - 1, retransmissions, "at block " + block + ": " + f);
            }
            offset += n;
            if (n < size) {
                return new Result(true, block, retransmissions, "");
            }
        }
    }

    /** Sends the packet until the expected ACK arrives; returns null on success or the failure. */
    private String exchange(byte[] packet, int expectedAck) throws IOException {
        DatagramPacket out = new DatagramPacket(packet, packet.length, client);
        DatagramPacket in = new DatagramPacket(buffer, buffer.length);
        for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
            if (attempt > 0) {
                retransmissions++;
            }
            socket.send(out);
            capture.record((InetSocketAddress) socket.getLocalSocketAddress(), client, packet, packet.length);
            long deadline = System.nanoTime() + options.timeoutMillis() * 1_000_000L;
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) left);
                try {
                    in.setLength(buffer.length);
                    socket.receive(in);
                } catch (SocketTimeoutException e) {
                    break;
                }
                capture.record((InetSocketAddress) in.getSocketAddress(),
                        (InetSocketAddress) socket.getLocalSocketAddress(), buffer, in.getLength());
                if (!client.equals(in.getSocketAddress())) {
                    byte[] err = TftpPacket.error(TftpPacket.ERR_UNKNOWN_TID, "unknown transfer ID");
                    socket.send(new DatagramPacket(err, err.length, in.getSocketAddress()));
                    continue;
                }
                int op = TftpPacket.opcode(buffer, in.getLength());
                if (op == TftpPacket.ERROR) {
                    return "client sent ERROR " + TftpPacket.describeError(buffer, in.getLength());
                }
                int ack = TftpPacket.ackBlock(buffer, in.getLength());
                if (ack == expectedAck) {
                    if (!answered) {
                        answered = true;
                        clientAnswered.run();
                    }
                    return null;
                }
                // a duplicate or stray ACK: wait for the right one without resending
            }
        }
        return "no ACK after " + (MAX_RETRIES + 1) + " sends (timeout " + options.timeoutMillis() + " ms)";
    }
}
