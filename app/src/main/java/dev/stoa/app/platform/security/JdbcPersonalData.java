package dev.stoa.app.platform.security;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.PersonalData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link PersonalData} with one random AES-256 key per user in {@code personal_data_key}; fields are
 * AES-GCM sealed as {@code pd1:} + base64(nonce | ciphertext | tag), the user id bound as associated data.
 * Keys are read per call (a primary-key lookup), never cached, so an erasure takes effect everywhere at once.
 */
@Component
class JdbcPersonalData implements PersonalData {
    private static final String PREFIX = "pd1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcTemplate jdbc;

    JdbcPersonalData(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @Override
    public String seal(String userId, String value) {
        if (value == null) return null;
        byte[] key = keyOf(userId, true);
        if (key == null) throw DomainException.refused("user_erased", "user " + userId + " was erased; nothing personal is stored for it");
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, userId);
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String open(String userId, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) return sealed;
        byte[] key = keyOf(userId, false);
        if (key == null) return ERASED;
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            return new String(cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(all, 12), userId)
                    .doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot open a personal field of user " + userId, e);
        }
    }

    @Override
    public void erase(String userId) {
        jdbc.update("insert into personal_data_key(user_id, key_bytes, destroyed_at) values (?, null, now()) "
                + "on conflict (user_id) do update set key_bytes = null, destroyed_at = now()", userId);
    }

    @Override
    public boolean isErased(String userId) {
        List<Boolean> erased = jdbc.queryForList("select key_bytes is null from personal_data_key where user_id = ?",
                Boolean.class, userId);
        return !erased.isEmpty() && erased.get(0);
    }

    /** The user's key; created on demand when {@code create}; null when destroyed (or absent and not created). */
    private byte[] keyOf(String userId, boolean create) {
        if (create) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            jdbc.update("insert into personal_data_key(user_id, key_bytes) values (?, ?) on conflict do nothing", userId, fresh);
        }
        List<byte[]> keys = jdbc.query("select key_bytes from personal_data_key where user_id = ?",
                (rs, i) -> rs.getBytes(1), userId);
        return keys.isEmpty() ? null : keys.get(0);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String userId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(userId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
