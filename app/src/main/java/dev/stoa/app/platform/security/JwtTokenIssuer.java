package dev.stoa.app.platform.security;

import dev.stoa.api.identity.TokenFamilyId;
import dev.stoa.api.identity.UserId;
import dev.stoa.command.identity.TokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Identity's tokens, all RS256 JWTs signed with the platform key and told apart by their
 * {@code token_use} claim: "access" (15 min), "refresh" (family + token id, 7 days) and
 * "email_verification" (48 h), "password_reset" (30 min, names the password it replaces). Only access tokens open the API.
 */
@Component
class JwtTokenIssuer implements TokenIssuer {
    static final Duration ACCESS_LIFETIME = Duration.ofMinutes(15);
    static final Duration EMAIL_LINK_LIFETIME = Duration.ofHours(48);
    static final Duration RESET_LINK_LIFETIME = Duration.ofMinutes(30);
    private final TokenMinter minter;
    private final JwtDecoder anyUse;

    JwtTokenIssuer(TokenMinter minter, JwtKeys keys) {
        this.minter = minter;
        this.anyUse = SecurityConfiguration.decoder(keys, null);
    }

    @Override
    public Issued issue(UserId userId, Set<String> roles, TokenFamilyId family, String refreshTokenId, Instant refreshExpiresAt,
                        Instant sessionStartedAt) {
        String access = minter.accessToken(userId.value(), roles, ACCESS_LIFETIME, sessionStartedAt, family.value());
        String refresh = minter.sign(userId.value(), TokenMinter.REFRESH, refreshTokenId, refreshExpiresAt,
                Map.of(TokenMinter.FAMILY, family.value(), TokenMinter.SESSION_STARTED, sessionStartedAt.toEpochMilli()));
        return new Issued(access, refresh, ACCESS_LIFETIME.toSeconds());
    }

    @Override
    public Optional<RefreshClaims> readRefreshToken(String token) {
        return read(token, TokenMinter.REFRESH).map(jwt -> new RefreshClaims(new UserId(jwt.getSubject()),
                new TokenFamilyId(jwt.getClaimAsString(TokenMinter.FAMILY)), jwt.getId(),
                Instant.ofEpochMilli(((Number) jwt.getClaims().get(TokenMinter.SESSION_STARTED)).longValue())));
    }

    @Override
    public String emailVerificationToken(UserId userId, String email) {
        return minter.sign(userId.value(), TokenMinter.EMAIL_VERIFICATION, UUID.randomUUID().toString(),
                Instant.now().plus(EMAIL_LINK_LIFETIME), Map.of("email", email));
    }

    @Override
    public Optional<EmailClaims> readEmailVerificationToken(String token) {
        return read(token, TokenMinter.EMAIL_VERIFICATION)
                .map(jwt -> new EmailClaims(new UserId(jwt.getSubject()), jwt.getClaimAsString("email")));
    }

    @Override
    public String passwordResetToken(UserId userId, String passwordVersion) {
        return minter.sign(userId.value(), TokenMinter.PASSWORD_RESET, UUID.randomUUID().toString(),
                Instant.now().plus(RESET_LINK_LIFETIME), Map.of("pwv", passwordVersion));
    }

    @Override
    public Optional<ResetClaims> readPasswordResetToken(String token) {
        return read(token, TokenMinter.PASSWORD_RESET)
                .map(jwt -> new ResetClaims(new UserId(jwt.getSubject()), jwt.getClaimAsString("pwv")));
    }

    private Optional<Jwt> read(String token, String use) {
        try {
            Jwt jwt = anyUse.decode(token);
            return use.equals(jwt.getClaimAsString(TokenMinter.TOKEN_USE)) ? Optional.of(jwt) : Optional.empty();
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

}
