package dev.stoa.app.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The RSA key pair that signs tokens (RS256), read from the PKCS#8 PEM file {@code stoa.security.jwt.key-file};
 * when that file does not exist it is generated once and kept, so tokens survive restarts and processes that share
 * the file verify each other's tokens. Rotation: the old file moves to {@code stoa.security.jwt.retired-key-files};
 * tokens it signed still verify (each token names its key by {@code kid}) until they expire, but it signs nothing new.
 */
@Component
public class JwtKeys {
    private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);
    private final RSAKey key;
    private final JWKSet verificationKeys;
    private final boolean generated;

    /** @param retiredKeyFiles former signing keys (PEM files), comma-separated in configuration; blanks ignored */
    public JwtKeys(@Value("${stoa.security.jwt.key-file:${stoa.data-dir:./data}/keys/jwt-signing-key.pem}") Path keyFile,
                   @Value("${stoa.security.jwt.retired-key-files:}") List<String> retiredKeyFiles)
            throws IOException, GeneralSecurityException, JOSEException {
        this.generated = !Files.exists(keyFile) && KeyFiles.createOnce(keyFile, generatePem());
        if (generated) log.info("Generated a new token-signing key at {}", keyFile.toAbsolutePath());
        this.key = read(keyFile);
        List<JWK> publicKeys = new ArrayList<>(List.of(key.toPublicJWK()));
        for (String retired : retiredKeyFiles) {
            if (retired.isBlank()) continue;
            RSAKey old;
            try {
                old = read(Path.of(retired.strip()));
            } catch (IOException | GeneralSecurityException e) { // a typo here would log people out: refuse to start
                throw new IllegalStateException("cannot read retired token-signing key " + retired
                        + " (stoa.security.jwt.retired-key-files)", e);
            }
            if (publicKeys.stream().noneMatch(k -> k.getKeyID().equals(old.getKeyID()))) publicKeys.add(old.toPublicJWK());
        }
        this.verificationKeys = new JWKSet(publicKeys);
    }

    /** The current key, the only one that signs. */
    public RSAKey signingKey() { return key; }

    /** The public halves of the current and the retired keys: what verifies tokens and what /api/v1/auth/jwks serves. */
    public JWKSet publicJwks() { return verificationKeys; }

    /** Whether this process created the key file: then nothing can have been sealed with a key derived from it. */
    boolean generatedAtStartUp() { return generated; }

    /** The key in a PEM file, named (kid) by its RFC 7638 thumbprint. */
    static RSAKey read(Path file) throws IOException, GeneralSecurityException, JOSEException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        RSAKey unnamed = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE).build();
        return new RSAKey.Builder(unnamed).keyID(unnamed.computeThumbprint().toString()).build();
    }

    private static byte[] generatePem() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] encoded = generator.generateKeyPair().getPrivate().getEncoded();
        return ("-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encoded)
                + "\n-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
