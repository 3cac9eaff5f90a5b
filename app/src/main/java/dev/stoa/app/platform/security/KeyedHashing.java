package dev.stoa.app.platform.security;

import dev.stoa.command.platform.SecretHasher;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes of secrets that are looked up by value (voucher codes): HMAC-SHA256 with a key derived from the master
 * sealing keyset ({@link Sealing}, {@code stoa.security.sealing.keyset-file}), so there is no second key file to keep,
 * and every process with that file computes the same hashes. The derivation uses the keyset's first key, which a
 * rotation keeps: hashes stay valid across rotations. Without the keyset a stolen hash cannot be tested against guesses.
 */
@Component
class KeyedHashing implements SecretHasher {
    private static final String PURPOSE = "stoa keyed hash v1";
    private final SecretKeySpec key;

    KeyedHashing(Sealing sealing) throws GeneralSecurityException {
        this.key = new SecretKeySpec(sealing.derivedKey(PURPOSE), "HmacSHA256");
    }

    @Override
    public String hash(String purpose, String secret) {
        if (purpose == null || purpose.isEmpty() || purpose.indexOf('\0') >= 0 || secret == null)
            throw new IllegalArgumentException("a purpose without NUL and a secret are required");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(Keysets.utf8(purpose + '\0' + secret)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
