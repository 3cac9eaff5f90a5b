package dev.stoa.app.platform.security;

import dev.stoa.command.platform.SecretSealer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM sealing of small secrets. The key is derived (SHA-256 with a purpose label) from the
 * platform's private signing key, so every process that shares {@code stoa.security.jwt.key-file} can open
 * what another sealed, and nothing else can. Format: {@code v1:} + base64(12-byte nonce | ciphertext | tag).
 */
@Component
class AesSecretSealer implements SecretSealer {
    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    AesSecretSealer(JwtKeys keys) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("stoa secret sealing v1".getBytes(StandardCharsets.UTF_8));
        this.key = new SecretKeySpec(sha.digest(keys.signingKey().toRSAPrivateKey().getEncoded()), "AES");
    }

    @Override
    public String seal(String secret) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) throw new IllegalArgumentException("not a sealed secret");
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot open this sealed secret with this platform's key", e);
        }
    }
}
