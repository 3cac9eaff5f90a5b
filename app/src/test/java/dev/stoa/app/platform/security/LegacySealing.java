package dev.stoa.app.platform.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sealing Stoa did before Tink, copied from the former AesSecretSealer and JdbcPersonalData, to produce the
 * {@code v1:} and {@code pd1:} values that sit in event logs and must stay readable.
 */
final class LegacySealing {
    private static final SecureRandom RANDOM = new SecureRandom();

    private LegacySealing() {}

    /** AesSecretSealer.seal: key = SHA-256("stoa secret sealing v1" + the signing key's PKCS#8 encoding). */
    static String v1(Path jwtKeyFile, String secret) throws Exception {
        JwtKeys keys = new JwtKeys(jwtKeyFile, List.of());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("stoa secret sealing v1".getBytes(StandardCharsets.UTF_8));
        byte[] key = sha.digest(keys.signingKey().toRSAPrivateKey().getEncoded());
        return "v1:" + seal(key, secret, null);
    }

    /** JdbcPersonalData.seal with the user's raw 32-byte key from personal_data_key.key_bytes. */
    static String pd1(byte[] userKey, String userId, String value) throws Exception {
        return "pd1:" + seal(userKey, value, userId.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private static String seal(byte[] key, String value, byte[] associatedData) throws Exception {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        if (associatedData != null) cipher.updateAAD(associatedData);
        byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return java.util.Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    }
}
