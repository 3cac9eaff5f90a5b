package dev.stoa.api.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short fingerprint of a password hash, so a reset link can name the password it replaces without carrying it.
 * An account without a usable password (voided at verification) has the version "none".
 */
public final class PasswordVersion {
    private PasswordVersion() {}

    public static String of(String passwordHash) {
        if (passwordHash == null) return "none";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
