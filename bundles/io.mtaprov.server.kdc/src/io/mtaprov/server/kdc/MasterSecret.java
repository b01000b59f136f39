package io.mtaprov.server.kdc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;

/**
 * The secret the lab PKI's private keys are encrypted under: the setting
 * {@code mtaprov.pki.masterSecret} when given; otherwise a random secret kept owner-only in
 * {@code <pki dir>/master.secret} (then the keys are only as safe as that file: a warning says so).
 * The secret is never logged.
 */
final class MasterSecret {
    private MasterSecret() {
    }

    static char[] of(KdcSettings s, Logger log) throws IOException {
        if (!s.masterSecret().isEmpty()) {
            return s.masterSecret().toCharArray();
        }
        Path f = s.pkiDir().resolve("master.secret");
        if (Files.exists(f)) {
            return Files.readString(f, StandardCharsets.US_ASCII).trim().toCharArray();
        }
        Files.createDirectories(s.pkiDir());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getEncoder().encodeToString(random);
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(f, secret, StandardCharsets.US_ASCII);
        log.warn("mtaprov.pki.masterSecret is not set: the lab PKI's private keys are encrypted under a random "
                + "secret kept in {} (protected only by file permissions)", f);
        return secret.toCharArray();
    }
}
