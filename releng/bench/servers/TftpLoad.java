import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPClient;

/**
 * TFTP load for releng/bench/servers/run.sh, the same client for every server: {@code threads}
 * Commons Net TFTP clients each fetch {@code file} (octet mode, no options) in a loop for
 * {@code seconds}, from a new port for each transfer, checking the size. Prints one line: transfers, failures, transfers/s.
 * usage: java -cp commons-net.jar TftpLoad.java host port file expectedSize seconds threads
 */
public final class TftpLoad {
    public static void main(String[] a) throws Exception {
        InetAddress host = InetAddress.getByName(a[0]);
        int port = Integer.parseInt(a[1]);
        String file = a[2];
        int size = Integer.parseInt(a[3]);
        long seconds = Long.parseLong(a[4]);
        int threads = Integer.parseInt(a[5]);
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] ts = new Thread[threads];
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            ts[i] = new Thread(() -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(size);
                while (System.nanoTime() < end) {
                    // a new port (TID) per transfer, as RFC 1350 section 4 asks of a requesting host
                    TFTPClient c = new TFTPClient();
                    c.setDefaultTimeout(java.time.Duration.ofSeconds(1));
                    c.setMaxTimeouts(3);
                    out.reset();
                    try {
                        c.open();
                        c.receiveFile(file, TFTP.BINARY_MODE, out, host, port);
                        if (out.size() == size) {
                            ok.increment();
                        } else {
                            failed.increment();
                        }
                    } catch (java.io.IOException e) {
                        failed.increment();
                    } finally {
                        c.close();
                    }
                }
            }, "tftp-load-" + i);
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("transfers=%d failed=%d seconds=%.2f rate=%.0f%n", ok.sum(), failed.sum(), s, ok.sum() / s);
    }
}
