package dev.stoa.app.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** Token-signing key rotation, on the decoder the API uses: retired keys verify by kid, only the current key signs. */
class JwtKeyRotationTest {
    @TempDir Path dir;

    @Test
    void tokensOfARetiredKeyStillVerifyAndNewOnesAreSignedWithTheCurrentKey() throws Exception {
        Path retired = dir.resolve("retired.pem"), current = dir.resolve("current.pem");
        JwtKeys before = new JwtKeys(retired, List.of());
        String issuedBeforeRotation = new TokenMinter(before).accessToken("u-1", List.of("customer"), Duration.ofMinutes(5));

        JwtKeys after = new JwtKeys(current, List.of(retired.toString(), " "));
        JwtDecoder decoder = SecurityConfiguration.decoder(after, TokenMinter.ACCESS);
        assertThat(decoder.decode(issuedBeforeRotation).getSubject()).isEqualTo("u-1");

        String issuedAfter = new TokenMinter(after).accessToken("u-2", List.of("customer"), Duration.ofMinutes(5));
        assertThat(SignedJWT.parse(issuedAfter).getHeader().getKeyID()).isEqualTo(after.signingKey().getKeyID())
                .isNotEqualTo(before.signingKey().getKeyID());
        assertThat(decoder.decode(issuedAfter).getSubject()).isEqualTo("u-2");
        assertThat(after.publicJwks().getKeys()).extracting(k -> k.getKeyID())
                .containsExactly(after.signingKey().getKeyID(), before.signingKey().getKeyID());
        assertThat(after.publicJwks().getKeys()).noneMatch(k -> k.isPrivate());

        assertThatThrownBy(() -> SecurityConfiguration.decoder(new JwtKeys(current, List.of()), TokenMinter.ACCESS)
                .decode(issuedBeforeRotation)).as("once dropped from the retired list").isInstanceOf(JwtException.class);
    }

    @Test
    void tokensOfAnUnknownKeyOrWithoutAKeyIdFail() throws Exception {
        Path retired = dir.resolve("retired.pem");
        JwtKeys retiredKeys = new JwtKeys(retired, List.of());
        JwtDecoder decoder = SecurityConfiguration.decoder(new JwtKeys(dir.resolve("current.pem"), List.of(retired.toString())),
                TokenMinter.ACCESS);
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("unknown").generate();
        RSAKey posingAsRetired = new RSAKeyGenerator(2048).keyID(retiredKeys.signingKey().getKeyID()).generate();

        assertThatThrownBy(() -> decoder.decode(signed(unknown, unknown.getKeyID()))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(signed(posingAsRetired, posingAsRetired.getKeyID()))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(signed(retiredKeys.signingKey(), null))).as("no kid")
                .isInstanceOf(JwtException.class);
        assertThat(decoder.decode(signed(retiredKeys.signingKey(), retiredKeys.signingKey().getKeyID())).getSubject()).isEqualTo("u-3");
    }

    @Test
    void processesStartingAtOnceEndWithOneOwnerOnlySigningKey() throws Exception {
        Path file = dir.resolve("keys/jwt.pem");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CyclicBarrier together = new CyclicBarrier(8);
        List<CompletableFuture<String>> starts = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
                return new JwtKeys(file, List.of()).signingKey().getKeyID();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, pool)).toList();
        List<String> keyIds = starts.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        assertThat(keyIds).containsOnly(new JwtKeys(file, List.of()).signingKey().getKeyID());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private static String signed(RSAKey key, String keyId) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TokenMinter.ISSUER).subject("u-3")
                .claim(TokenMinter.TOKEN_USE, TokenMinter.ACCESS).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /**
     * A token is refused once it has expired, give or take 5 s for clocks apart: Spring's default leeway of 60 s took an
     * access token a minute after its end (found by a walkthrough, 2026-12-06).
     */
    @Test
    void aTokenTenSecondsPastItsExpiryIsRefused_oneExpiringNowIsNot() throws Exception {
        JwtKeys keys = new JwtKeys(dir.resolve("current.pem"), List.of());
        JwtDecoder decoder = SecurityConfiguration.decoder(keys, TokenMinter.ACCESS);
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(TokenMinter.ISSUER).subject("u-1")
                .claim("roles", List.of("customer")).claim(TokenMinter.TOKEN_USE, TokenMinter.ACCESS)
                .issueTime(java.util.Date.from(java.time.Instant.now().minusSeconds(900)))
                .expirationTime(java.util.Date.from(java.time.Instant.now().minusSeconds(10))).build();
        SignedJWT jwt = new SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                .keyID(keys.signingKey().getKeyID()).build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(keys.signingKey()));
        String lapsed = jwt.serialize();
        assertThatThrownBy(() -> decoder.decode(lapsed)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
        String fresh = new TokenMinter(keys).accessToken("u-1", List.of("customer"), Duration.ofSeconds(30));
        assertThat(decoder.decode(fresh).getSubject()).isEqualTo("u-1");
    }
}
