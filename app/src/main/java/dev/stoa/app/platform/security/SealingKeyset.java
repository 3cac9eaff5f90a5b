package dev.stoa.app.platform.security;

import com.google.crypto.tink.KeysetHandle;
import com.nimbusds.jose.JOSEException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master keyset file ({@code stoa.security.sealing.keyset-file}): Tink's JSON keyset format, owner-only, with
 * random keys of its own, so the token-signing key can be rotated without touching it (the one derived key it may
 * hold only opens TOTP secrets sealed before it existed). Every process that reads or writes sealed data must use
 * the same file. Back it up: without it no TOTP secret and no personal field can be opened again.
 */
final class SealingKeyset {
    private static final Logger log = LoggerFactory.getLogger(SealingKeyset.class);

    private SealingKeyset() {}

    /**
     * Reads the keyset, creating it first when missing. A new keyset takes over the key that sealed TOTP secrets
     * before it existed ({@code v1:}, derived from the token-signing key {@code legacy}, if given), so those values
     * keep opening after the signing key is rotated.
     */
    static KeysetHandle loadOrCreate(Path file, JwtKeys legacy) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            KeysetHandle created = legacy == null ? Keysets.fresh() : Keysets.withLegacyKey(legacySecretKey(legacy));
            if (KeyFiles.createOnce(file, serialize(created))) {
                log.info("Generated a new sealing keyset at {}{}", file.toAbsolutePath(),
                        legacy == null ? "" : ", holding the legacy key derived from the token-signing key");
            }
        }
        return load(file);
    }

    static KeysetHandle load(Path file) throws IOException, GeneralSecurityException {
        return Keysets.fromJson(Files.readString(file));
    }

    /** Adds a new primary key to the keyset file, keeping the others; returns the new keyset. */
    static KeysetHandle rotate(Path file) throws IOException, GeneralSecurityException {
        KeysetHandle rotated = Keysets.rotated(load(file));
        KeyFiles.replace(file, serialize(rotated));
        return rotated;
    }

    /**
     * The key that sealed {@code v1:} TOTP secrets before this keyset existed: SHA-256 over a purpose label and the
     * PKCS#8 encoding of the token-signing private key, computed exactly as the former AesSecretSealer did.
     */
    static byte[] legacySecretKey(JwtKeys keys) throws GeneralSecurityException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("stoa secret sealing v1".getBytes(StandardCharsets.UTF_8));
            return sha.digest(keys.signingKey().toRSAPrivateKey().getEncoded());
        } catch (JOSEException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static byte[] serialize(KeysetHandle keys) throws GeneralSecurityException {
        return Keysets.toJson(keys).getBytes(StandardCharsets.UTF_8);
    }
}
