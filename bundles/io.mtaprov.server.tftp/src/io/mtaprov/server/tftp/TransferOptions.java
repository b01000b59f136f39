package io.mtaprov.server.tftp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of option negotiation (RFC 2347) for one read request: blksize (RFC 2348, 8..65464),
 * timeout (RFC 2349, 1..255 s) and tsize (RFC 2349, the transfer size in the OACK). Unknown or
 * out-of-range options are left out of the OACK, as RFC 2347 allows.
 */
record TransferOptions(int blockSize, int timeoutMillis, Map<String, String> acknowledged) {
    static final int DEFAULT_BLOCK = 512;       // RFC 1350
    static final int MIN_BLOCK = 8;             // RFC 2348
    static final int MAX_BLOCK = 65464;         // RFC 2348
    static final int DEFAULT_TIMEOUT_MS = 1000;

    static TransferOptions negotiate(Map<String, String> requested, long transferSize) {
        Map<String, String> ack = new LinkedHashMap<>();
        int block = DEFAULT_BLOCK;
        int timeout = DEFAULT_TIMEOUT_MS;
        for (Map.Entry<String, String> o : requested.entrySet()) {
            Integer v = parse(o.getValue());
            switch (o.getKey()) {
                case "blksize" -> {
                    if (v != null && v >= MIN_BLOCK) {
                        block = Math.min(v, MAX_BLOCK);
                        ack.put("blksize", Integer.toString(block));
                    }
                }
                case "timeout" -> {
                    if (v != null && v >= 1 && v <= 255) {
                        timeout = v * 1000;
                        ack.put("timeout", Integer.toString(v));
                    }
                }
                case "tsize" -> {
                    if (v != null && v == 0) {
                        ack.put("tsize", Long.toString(transferSize));
                    }
                }
                default -> {
                    // RFC 2347: options the server does not support are simply not acknowledged
                }
            }
        }
        return new TransferOptions(block, timeout, ack);
    }

    private static Integer parse(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.valueOf(s);
    }
}
