package dev.stoa.app.platform.security;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import dev.stoa.command.platform.SecretSealer;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The master keyset ({@link SealingKeyset}) at work: it seals TOTP secrets, {@code s2:} + base64(Tink ciphertext),
 * and wraps each user's own keyset before {@link PersonalKeys} stores it (envelope encryption, bound to the user id).
 * Legacy {@code v1:} secrets open through the prefix-less key the keyset took over when it was created.
 */
@Component
class Sealing implements SecretSealer {
    static final String SECRET = "s2:";
    static final String LEGACY_SECRET = "v1:";
    /** Binds s2 secrets to their purpose: nothing else the master keyset encrypts opens as a secret. */
    private static final byte[] SECRET_PURPOSE = Keysets.utf8("stoa totp secret");
    private static final byte[] NONE = new byte[0];
    private final Aead master;
    private final KeysetHandle keyset;

    /** A signing key this process just generated sealed nothing yet: a new keyset then needs no legacy key. */
    @Autowired
    Sealing(@Value("${stoa.security.sealing.keyset-file:${stoa.data-dir:./data}/keys/sealing-keyset.json}") Path keysetFile,
            JwtKeys jwtKeys) throws IOException, GeneralSecurityException {
        this(SealingKeyset.loadOrCreate(keysetFile, jwtKeys.generatedAtStartUp() ? null : jwtKeys));
    }

    Sealing(KeysetHandle master) throws GeneralSecurityException {
        this.master = Keysets.aead(master);
        this.keyset = master;
    }

    /** A key for {@code purpose} derived from the master keyset ({@link KeyedHashing}); stable across rotations. */
    byte[] derivedKey(String purpose) throws GeneralSecurityException {
        return Keysets.derivedKey(keyset, purpose);
    }

    @Override
    public String seal(String secret) {
        return Keysets.seal(master, SECRET, secret, SECRET_PURPOSE);
    }

    @Override
    public String open(String sealed) {
        boolean current = sealed != null && sealed.startsWith(SECRET);
        if (!current && (sealed == null || !sealed.startsWith(LEGACY_SECRET))) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        try {
            return current ? Keysets.open(master, sealed, SECRET, SECRET_PURPOSE) : Keysets.open(master, sealed, LEGACY_SECRET, NONE);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot open this sealed secret with this platform's sealing keyset", e);
        }
    }

    /** A user's keyset encrypted with the master keyset, bound to its owner: only that user's row can hold it. */
    byte[] wrap(KeysetHandle keys, String owner) throws GeneralSecurityException {
        return Keysets.wrap(keys, master, Keysets.utf8(owner));
    }

    /** @throws GeneralSecurityException if no master key opens it, or it belongs to another user or was altered */
    KeysetHandle unwrap(byte[] wrapped, String owner) throws GeneralSecurityException {
        return Keysets.unwrap(wrapped, master, Keysets.utf8(owner));
    }
}
