package dev.stoa.command.identity;

import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.identity.LoginOutcome;
import dev.stoa.api.identity.Reauthenticate;
import dev.stoa.api.identity.StartTokenFamily;
import dev.stoa.api.identity.TokenFamilyId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.platform.web.Commands;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Starts a login session (a token family and its first tokens) and maps refused logins to problems. */
@Component
class Sessions {
    static final Duration REFRESH_LIFETIME = Duration.ofDays(7);
    private final Commands commands;
    private final TokenIssuer tokens;
    private final Duration maxLifetime;
    private final Duration reuseGrace;

    Sessions(Commands commands, TokenIssuer tokens,
             @Value("${stoa.identity.session-max-lifetime:30d}") Duration maxLifetime,
             @Value("${stoa.identity.refresh-reuse-grace:10s}") Duration reuseGrace) {
        this.commands = commands;
        this.tokens = tokens;
        this.maxLifetime = maxLifetime;
        if (reuseGrace.isNegative() || reuseGrace.compareTo(Duration.ofMinutes(1)) > 0)
            throw new IllegalArgumentException("stoa.identity.refresh-reuse-grace must be between 0 and 1m: " + reuseGrace);
        this.reuseGrace = reuseGrace;
    }

    /**
     * How long after a refresh the token it spent, presented again, is taken for a second tab or a lost answer
     * (409 {@code refresh_token_rotated}, nothing revoked) rather than a stolen copy (the session revoked).
     */
    Duration reuseGrace() { return reuseGrace; }

    /**
     * When the next refresh token of a session begun at {@code startedAt} expires: 7 days on, but never past the
     * session's absolute lifetime; past that, 401 {@code session_expired} (log in again).
     */
    Instant refreshExpiry(Instant startedAt) {
        Instant now = Instant.now();
        Instant end = startedAt.plus(maxLifetime);
        if (!now.isBefore(end)) throw new DomainException(ErrorCode.SESSION_EXPIRED, "this session is older than " + maxLifetime.toDays() + " days; log in again");
        Instant sliding = now.plus(REFRESH_LIFETIME);
        return sliding.isBefore(end) ? sliding : end;
    }

    /** The answer of every login endpoint. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Tokens")
    record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {
        static Tokens of(TokenIssuer.Issued issued) {
            return new Tokens(issued.accessToken(), issued.refreshToken(), "Bearer", issued.expiresInSeconds());
        }
    }

    /** Re-authentication in a request body: the current password, and with MFA on an authenticator or recovery code. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Reauthentication",
            description = "The current password, and with MFA on a current authenticator or recovery code")
    record Proof(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 128) String password,
                 @jakarta.validation.constraints.Size(max = 32) String code) {
        @Override
        public String toString() { return "Proof[***]"; }
    }

    /** Proves the caller again, or throws 401 {@code reauthentication_failed} (429 when that locks the account). */
    void reauthenticate(UserId userId, Proof proof) { reauthenticate(new Reauthenticate(userId, proof.password(), proof.code())); }

    /** As {@link #reauthenticate}, before turning MFA on: refused first when it is on already, spending no code. */
    void reauthenticateToEnrollMfa(UserId userId, Proof proof) {
        reauthenticate(new Reauthenticate(userId, proof.password(), proof.code(), false, true));
    }

    /** As {@link #reauthenticate}, before closing the account: a suspended or deactivated one may too. */
    void reauthenticateToClose(UserId userId, Proof proof) {
        reauthenticate(new Reauthenticate(userId, proof.password(), proof.code(), true));
    }

    private void reauthenticate(Reauthenticate proof) {
        LoginOutcome outcome = commands.send(proof);
        if (!outcome.accepted()) throw refusal(outcome);
    }

    Tokens start(UserId userId, Set<String> roles) {
        TokenFamilyId family = TokenFamilyId.random();
        String tokenId = UUID.randomUUID().toString();
        Instant startedAt = Instant.now();
        Instant expiresAt = refreshExpiry(startedAt);
        commands.send(new StartTokenFamily(family, userId, tokenId, expiresAt));
        return Tokens.of(tokens.issue(userId, roles, family, tokenId, expiresAt, startedAt));
    }

    /** The problem a refused proof of identity answers: its code, in words a user understands. */
    static DomainException refusal(LoginOutcome outcome) {
        ErrorCode code = outcome.refusal();
        return switch (code) {
            case ACCOUNT_LOCKED -> DomainException.rateLimited(code, "too many failed attempts; try again later",
                    Duration.between(Instant.now(), outcome.lockedUntil()).toSeconds() + 1);
            case ACCOUNT_SUSPENDED -> new DomainException(code, "this account is suspended");
            case ACCOUNT_DEACTIVATED -> new DomainException(code, "this account is deactivated");
            case SESSION_ENDED -> new DomainException(code, "this session was ended; log in again");
            case EMAIL_NOT_VERIFIED -> new DomainException(code, "confirm your e-mail address first: open the link in the verification mail");
            case MFA_REQUIRED -> new DomainException(code, "this account uses multi-factor authentication: send its authenticator code (or a recovery code)");
            case INVALID_MFA_CODE -> new DomainException(code, "wrong authenticator or recovery code");
            case REAUTHENTICATION_FAILED -> new DomainException(code, "the password, or the authenticator or recovery code, is wrong");
            case INVALID_LOGIN_CODE -> new DomainException(code, "the code is wrong, expired or used up; request a new one");
            default -> invalidCredentials();
        };
    }

    static DomainException invalidCredentials() {
        return new DomainException(ErrorCode.INVALID_CREDENTIALS, "wrong e-mail or password");
    }
}
