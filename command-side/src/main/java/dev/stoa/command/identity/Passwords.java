package dev.stoa.command.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt for passwords, login codes and recovery codes. bcrypt reads at most 72 bytes (Spring Security refuses
 * more), while the password rule allows 128 characters, up to 512 bytes in UTF-8. A secret longer than 72 bytes
 * is therefore pre-hashed (SHA-256, base64, with a prefix of its own) and the digest goes into bcrypt: every
 * byte of a long passphrase counts. Secrets of 72 bytes or fewer go in unchanged, so hashes made before the
 * pre-hash existed still match.
 */
final class Passwords {
    static final int BCRYPT_MAX_BYTES = 72;
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();

    private Passwords() {}

    static String hash(String secret) { return BCRYPT.encode(prepared(secret)); }

    /** Whether {@code secret} is the one hashed; false for a missing secret or hash (a voided password). */
    static boolean matches(String secret, String hash) {
        return secret != null && hash != null && BCRYPT.matches(prepared(secret), hash);
    }

    /**
     * Checks {@code secret} against a hash that no secret is known to match, for as long as a real check takes: a
     * login for an e-mail without an account answers no sooner than one with a wrong password (no account probing).
     */
    static void checkAgainstNothing(String secret) {
        matches(secret == null ? "" : secret, Unmatchable.HASH);
    }

    /**
     * Hashed on first use rather than at start-up, where a bcrypt hash cost about a quarter of a second of the main
     * thread; the first such check of a process takes twice as long, once.
     */
    private static final class Unmatchable {
        static final String HASH = hash(UUID.randomUUID().toString());
    }

    static String prepared(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) return secret;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "stoa-sha256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
