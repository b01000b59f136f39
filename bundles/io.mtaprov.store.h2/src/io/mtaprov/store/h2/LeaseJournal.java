package io.mtaprov.store.h2;

import io.mtaprov.core.lease.Lease;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only file of lease changes that are durable but not yet in the {@code lease} table
 * ({@value #FILE_NAME} next to the database). One record per {@link H2LeaseStore#putAll} call,
 * written with one {@code write} before the call returns: the record is then in the operating
 * system's file cache and survives the death of the process (kill -9), the same guarantee as H2's
 * {@code WRITE_DELAY=0} (no fsync, so not a power failure). Record: length (int), CRC-32 of the
 * payload (int), payload (lease count, then each lease's fields). Reading stops at the first record
 * that is incomplete or fails its CRC: only a write that the process did not finish can leave one,
 * and the leases in it were never acknowledged. Not thread-safe (its owner locks).
 */
final class LeaseJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseJournal.class);
    static final String FILE_NAME = "leases.journal";
    private static final int HEADER = 8;

    private final Path file;
    private final FileChannel channel;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final CRC32 crc = new CRC32();

    LeaseJournal(Path directory) throws IOException {
        this.file = directory.resolve(FILE_NAME);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        channel.position(channel.size());
    }

    Path file() {
        return file;
    }

    /** Appends one record with the leases; returns when the bytes are written to the file. */
    void append(List<Lease> leases) throws IOException {
        bytes.reset();
        out.writeInt(0); // length and CRC, filled in below
        out.writeInt(0);
        out.writeInt(leases.size());
        for (Lease l : leases) {
            write(l);
        }
        out.flush();
        byte[] b = bytes.toByteArray();
        int payload = b.length - HEADER;
        crc.reset();
        crc.update(b, HEADER, payload);
        ByteBuffer buf = ByteBuffer.wrap(b);
        buf.putInt(0, payload).putInt(4, (int) crc.getValue());
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Every lease of the complete records, in the order they were appended. */
    List<Lease> readAll() throws IOException {
        List<Lease> leases = new ArrayList<>();
        long size = channel.size();
        long pos = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (pos + HEADER <= size) {
            header.clear();
            channel.read(header, pos);
            int length = header.getInt(0);
            if (length < 4 || pos + HEADER + length > size) {
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            while (payload.hasRemaining() && channel.read(payload, pos + HEADER + payload.position()) > 0) {
                // read fully
            }
            crc.reset();
            crc.update(payload.array(), 0, length);
            if ((int) crc.getValue() != header.getInt(4)) {
                break;
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload.array()));
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                leases.add(read(in));
            }
            pos += HEADER + length;
        }
        if (pos < size) {
            LOG.warn("lease journal {}: the last {} bytes are an unfinished record (never acknowledged), ignored",
                    file, size - pos);
        }
        return leases;
    }

    /** Empties the journal (its leases are committed to the table). */
    void clear() throws IOException {
        channel.truncate(0);
        channel.position(0);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void write(Lease l) throws IOException {
        out.writeUTF(l.mac());
        out.writeUTF(l.ip());
        out.writeUTF(l.scope());
        out.writeUTF(l.clientClass());
        out.writeUTF(l.vendorClass());
        out.writeUTF(l.hostname());
        out.writeUTF(l.relayInfo());
        out.writeByte(l.state().ordinal());
        out.writeLong(l.start().toEpochMilli());
        out.writeLong(l.expires().toEpochMilli());
        out.writeUTF(l.realm());
    }

    private static Lease read(DataInputStream in) throws IOException {
        return new Lease(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                in.readUTF(), Lease.State.values()[in.readByte()], Instant.ofEpochMilli(in.readLong()),
                Instant.ofEpochMilli(in.readLong()), in.readUTF());
    }
}
