package io.mtaprov.server.kdc;

/**
 * Text that goes into a KRB-ERROR's e-text: a KerberosString is IA5 (RFC 4120 section 5.2.1), and
 * Kerby's encoder throws on anything else, so reasons that quote a client's garbage are reduced to
 * printable ASCII first.
 */
final class KerberosText {
    private KerberosText() {
    }

    /** {@code text} with every character outside printable ASCII replaced by '?', cut to {@code max}. */
    static String printable(String text, int max) {
        int n = Math.min(text.length(), max);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
