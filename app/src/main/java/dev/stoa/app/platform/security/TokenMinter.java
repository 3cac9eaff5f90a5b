package dev.stoa.app.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.*;
import org.springframework.stereotype.Component;

/**
 * Signs tokens with the platform's key. Access tokens: subject = user id, claim "roles",
 * {@code token_use} "access" (the only use the API accepts).
 */
@Component
public class TokenMinter {
    public static final String ISSUER = "stoa";
    public static final String TOKEN_USE = "token_use";
    public static final String ACCESS = "access";
    static final String REFRESH = "refresh";
    static final String EMAIL_VERIFICATION = "email_verification";
    static final String PASSWORD_RESET = "password_reset";
    static final String SESSION_STARTED = "sst";
    /** The login session's id: its refresh tokens' family (no secret: a refresh token is signed, and names it too). */
    static final String FAMILY = "fam";
    private final JwtEncoder encoder;

    public TokenMinter(JwtKeys keys) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signingKey())));
    }

    /** An access token of no session (the development admin token): no password reset ends it before it expires. */
    public String accessToken(String userId, Collection<String> roles, Duration ttl) {
        return sign(userId, ACCESS, UUID.randomUUID().toString(), Instant.now().plus(ttl),
                Map.of("roles", List.copyOf(roles)));
    }

    /**
     * An access token of the session {@code family} that began at {@code sessionStartedAt} ({@value #SESSION_STARTED}:
     * epoch milliseconds, as the refresh token's; {@value #FAMILY}: the family's id, as the refresh token's), so a
     * write with it is refused once a password reset ended that session, or once it was logged out or revoked.
     */
    String accessToken(String userId, Collection<String> roles, Duration ttl, Instant sessionStartedAt, String family) {
        return sign(userId, ACCESS, UUID.randomUUID().toString(), Instant.now().plus(ttl),
                Map.of("roles", List.copyOf(roles), SESSION_STARTED, sessionStartedAt.toEpochMilli(), FAMILY, family));
    }

    /** The login session (refresh tokens' family) the token belongs to, when it belongs to one (null otherwise). */
    public static String family(java.util.Map<String, Object> claims) {
        return claims.get(FAMILY) instanceof String family && !family.isBlank() ? family : null;
    }

    /** The session's start, in epoch milliseconds, when the token belongs to one (null otherwise). */
    public static Instant sessionStartedAt(java.util.Map<String, Object> claims) {
        return claims.get(SESSION_STARTED) instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : null;
    }

    String sign(String subject, String use, String id, Instant expiresAt, Map<String, Object> claims) {
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
                .issuer(ISSUER).subject(subject).id(id).issuedAt(Instant.now()).expiresAt(expiresAt)
                .claim(TOKEN_USE, use);
        claims.forEach(builder::claim);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), builder.build()))
                .getTokenValue();
    }
}
