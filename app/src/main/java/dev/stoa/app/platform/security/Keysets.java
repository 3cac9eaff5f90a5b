package dev.stoa.app.platform.security;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Tink AES-256-GCM keysets and the text form of what they seal: a version prefix ({@code s2:}, {@code pd2:}) and the
 * base64 Tink ciphertext. A keyset's primary key seals and writes its id into the first bytes of the ciphertext, so
 * opening picks the right key and a rotation only adds keys. Keys Stoa used before Tink enter a keyset as
 * prefix-less ("raw") keys: Tink's AES-GCM without prefix is exactly the old layout, nonce(12) | ciphertext | tag(16).
 */
final class Keysets {
    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Keysets() {}

    /** A keyset of one new AES-256-GCM key. */
    static KeysetHandle fresh() throws GeneralSecurityException {
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    }

    /** {@code keys} plus a new AES-256-GCM key that becomes primary; the others stay and keep opening what they sealed. */
    static KeysetHandle rotated(KeysetHandle keys) throws GeneralSecurityException {
        return KeysetHandle.newBuilder(keys)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                .build();
    }

    /** A new keyset whose primary is a fresh key and which also holds {@code legacyKey} (raw AES-256), only to open. */
    static KeysetHandle withLegacyKey(byte[] legacyKey) throws GeneralSecurityException {
        AesGcmParameters raw = AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                .setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
        AesGcmKey legacy = AesGcmKey.builder().setParameters(raw)
                .setKeyBytes(SecretBytes.copyFrom(legacyKey, InsecureSecretKeyAccess.get())).build();
        return KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(legacy).withRandomId())
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                .build();
    }

    /** Cleartext JSON, for the key file that the file system protects. */
    static String toJson(KeysetHandle keys) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keys, InsecureSecretKeyAccess.get());
    }

    static KeysetHandle fromJson(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    /** {@code keys} encrypted with {@code wrapping} and bound to {@code associatedData}: envelope encryption. */
    static byte[] wrap(KeysetHandle keys, Aead wrapping, byte[] associatedData) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(keys, wrapping, associatedData);
    }

    static KeysetHandle unwrap(byte[] wrapped, Aead wrapping, byte[] associatedData) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, wrapping, associatedData);
    }

    static Aead aead(KeysetHandle keys) throws GeneralSecurityException {
        return keys.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    static String seal(Aead aead, String prefix, String value, byte[] associatedData) {
        try {
            byte[] sealed = aead.encrypt(value.getBytes(StandardCharsets.UTF_8), associatedData);
            return prefix + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws GeneralSecurityException if no key of {@code aead} opens it, or it was altered or bound to other data */
    static String open(Aead aead, String sealed, String prefix, byte[] associatedData) throws GeneralSecurityException {
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        return new String(aead.decrypt(bytes, associatedData), StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) { return text.getBytes(StandardCharsets.UTF_8); }

    /**
     * A 32-byte key for {@code purpose}, derived (HMAC-SHA256) from the keyset's first key. A rotation only appends
     * keys, so the first one, and every key derived from it, stays the same for the keyset's whole life.
     */
    static byte[] derivedKey(KeysetHandle keys, String purpose) throws GeneralSecurityException {
        if (!(keys.getAt(0).getKey() instanceof AesGcmKey first))
            throw new GeneralSecurityException("the sealing keyset's first key is not an AES-GCM key");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(first.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get()), "HmacSHA256"));
        return mac.doFinal(utf8(purpose));
    }
}
