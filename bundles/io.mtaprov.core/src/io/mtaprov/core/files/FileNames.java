package io.mtaprov.core.files;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Names of generated files: 128 random bits in hex plus ".cfg", so that no MTA can guess another
 * MTA's file. {@link #isWellFormed} rejects anything else (paths, "..", other characters) before a
 * lookup is even attempted.
 */
public final class FileNames {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int TOKEN_BYTES = 16;
    public static final String SUFFIX = ".cfg";

    private FileNames() {
    }

    public static String newName() {
        byte[] b = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b) + SUFFIX;
    }

    /** True for names of the form {@link #newName()} produces. */
    public static boolean isWellFormed(String name) {
        if (name.length() != TOKEN_BYTES * 2 + SUFFIX.length() || !name.endsWith(SUFFIX)) {
            return false;
        }
        for (int i = 0; i < TOKEN_BYTES * 2; i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
