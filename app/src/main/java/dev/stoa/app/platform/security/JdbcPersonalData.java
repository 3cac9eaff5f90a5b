package dev.stoa.app.platform.security;

import dev.stoa.api.platform.ErrorCode;
import com.google.crypto.tink.Aead;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.PersonalData;
import java.security.GeneralSecurityException;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * {@link PersonalData} by crypto-shredding: fields are sealed with the user's own keyset ({@link PersonalKeys}) as
 * {@code pd2:} + base64(Tink ciphertext), the user id bound as associated data, so a field copied to another user
 * does not open. Legacy {@code pd1:} fields (raw AES-GCM, same associated data) open through the same keyset.
 * Only a destroyed key (a tombstone) reads as {@link #ERASED}; a missing one is {@code PersonalDataUnavailable}.
 */
@Component
class JdbcPersonalData implements PersonalData {
    static final String SEALED = SEALED_PREFIX;
    static final String LEGACY = LEGACY_PREFIX;
    private final PersonalKeys keys;

    JdbcPersonalData(PersonalKeys keys) { this.keys = keys; }

    @Override
    public String seal(String userId, String value) {
        if (value == null) return null;
        Aead aead = keys.keysOf(userId, true);
        if (aead == null) throw new DomainException(ErrorCode.USER_ERASED, "user " + userId + " was erased; nothing personal is stored for it");
        return Keysets.seal(aead, SEALED, value, Keysets.utf8(userId));
    }

    @Override
    public void prepareKey(String userId) { keys.prepare(userId); }

    @Override
    public String open(String userId, String sealed) { return opener(userId).apply(sealed); }

    @Override
    public UnaryOperator<String> opener(String userId) {
        return new UnaryOperator<>() {
            private Aead aead;
            private boolean looked;

            @Override
            public String apply(String sealed) {
                String prefix = sealed == null ? null : sealed.startsWith(SEALED) ? SEALED : sealed.startsWith(LEGACY) ? LEGACY : null;
                if (prefix == null) return sealed;
                if (!looked) {
                    aead = keys.keysOf(userId, false); // no key at all: PersonalDataUnavailable, the caller retries
                    looked = true;
                }
                if (aead == null) return ERASED; // the tombstone erasure left
                try {
                    return Keysets.open(aead, sealed, prefix, Keysets.utf8(userId));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    throw new IllegalStateException("cannot open a personal field of user " + userId, e);
                }
            }
        };
    }

    @Override
    public void erase(String userId) { keys.destroy(userId); }

    @Override
    public boolean isErased(String userId) { return keys.isDestroyed(userId); }
}
