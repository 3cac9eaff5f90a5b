package dev.stoa.app.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The RSA key pair that signs access tokens (RS256). Read from the PKCS#8 PEM file
 * {@code stoa.security.jwt.key-file}; when that file does not exist it is generated once and kept, so
 * tokens survive restarts and processes that share the file verify each other's tokens.
 */
@Component
public class JwtKeys {
    private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);
    private final RSAKey key;

    public JwtKeys(@Value("${stoa.security.jwt.key-file:${stoa.data-dir:./data}/keys/jwt-signing-key.pem}") Path keyFile)
            throws IOException, GeneralSecurityException, JOSEException {
        RSAPrivateCrtKey privateKey = Files.exists(keyFile) ? read(keyFile) : generate(keyFile);
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        RSAKey unnamed = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE).build();
        this.key = new RSAKey.Builder(unnamed).keyID(unnamed.computeThumbprint().toString()).build();
    }

    public RSAKey signingKey() { return key; }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half only, as served at /api/v1/auth/jwks. */
    public JWKSet publicJwks() { return new JWKSet(key.toPublicJWK()); }

    private static RSAPrivateCrtKey read(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static RSAPrivateCrtKey generate(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] encoded = generator.generateKeyPair().getPrivate().getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encoded)
                + "\n-----END PRIVATE KEY-----\n";
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "jwt", ".tmp");
        Files.writeString(temp, pem);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated a new token-signing key at {}", file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp); // another process won the race: use its key
        }
        return read(file);
    }
}
