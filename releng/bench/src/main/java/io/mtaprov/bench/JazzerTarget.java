package io.mtaprov.bench;

import io.mtaprov.protocol.DecodeException;
import java.lang.management.ManagementFactory;

/**
 * Coverage-guided entry point for Jazzer (libFuzzer): one {@link FuzzTarget} chosen by the system
 * property {@code mtaprov.fuzz.target}. An input may only decode or be rejected with
 * DecodeException; any other throwable, an allocation over FuzzRun's bound or a failed invariant is
 * thrown to Jazzer, which reports it with the input (timeouts: libFuzzer's {@code -timeout}).
 */
public final class JazzerTarget {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static FuzzTarget target;

    private JazzerTarget() {
    }

    public static void fuzzerInitialize() {
        String name = System.getProperty("mtaprov.fuzz.target", "dhcp.message");
        target = FuzzTargets.all().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fuzz target " + name));
        for (byte[] seed : target.seeds()) { // warm up class initialisation outside the allocation check
            fuzzerTestOneInput(seed);
        }
    }

    public static void fuzzerTestOneInput(byte[] input) {
        long before = MX.getCurrentThreadAllocatedBytes();
        Object decoded;
        try {
            decoded = target.decoder().decode(input.clone());
        } catch (DecodeException rejected) {
            return;
        }
        long allocated = MX.getCurrentThreadAllocatedBytes() - before;
        if (allocated > target.allocationBound(input.length)) {
            long again = MX.getCurrentThreadAllocatedBytes();
            try {
                target.decoder().decode(input.clone());
            } catch (DecodeException impossible) {
                throw new AssertionError(impossible);
            }
            allocated = MX.getCurrentThreadAllocatedBytes() - again;
            if (allocated > target.allocationBound(input.length)) {
                throw new AssertionError("allocated " + allocated + " bytes for a " + input.length + "-byte input");
            }
        }
        try {
            target.check().check(input, decoded);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("invariant: " + e, e);
        }
    }
}
