package dev.stoa.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.identity.*;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.SnapshotState;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One login session's refresh tokens. Only the newest works, once: spending it yields the next. An
 * already spent token presented again means someone else holds a copy, so the whole family is revoked; but the token
 * spent last, presented again within the command's grace of its exchange, is a second tab or a retry whose answer was
 * lost, not a thief: refused {@code refresh_token_rotated}, nothing revoked (before 2026-12-07 two tabs refreshing at
 * once logged the session out).
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("2") // 2: the reason it was revoked (2026-12-07)
@SnapshotState
public class TokenFamily {
    @AggregateIdentifier
    private TokenFamilyId familyId;
    private UserId userId;
    private String currentTokenId;
    private Instant expiresAt;
    private boolean revoked;
    /** Why the session ended ("logout", "reuse"), once revoked. */
    private String revokedFor;
    /** The token the last rotation spent, and when: presented again within the grace, it revokes nothing. */
    private String previousTokenId;
    private Instant rotatedAt;

    protected TokenFamily() {}

    @CommandHandler
    public TokenFamily(StartTokenFamily cmd) {
        apply(new TokenFamilyStarted(cmd.familyId(), cmd.userId(), cmd.tokenId(), cmd.expiresAt()));
    }

    @CommandHandler
    boolean handle(RotateRefreshToken cmd) {
        if (revoked) return false;
        if (!cmd.presentedTokenId().equals(currentTokenId)) {
            if (cmd.presentedTokenId().equals(previousTokenId) && rotatedAt != null && cmd.reuseGrace() != null
                    && !Instant.now().isAfter(rotatedAt.plus(cmd.reuseGrace())))
                throw new DomainException(ErrorCode.REFRESH_TOKEN_ROTATED, "this refresh token was exchanged "
                        + java.time.Duration.between(rotatedAt, Instant.now()).toMillis() + " ms ago (another tab, or a "
                        + "retry): use the pair that exchange returned");
            apply(new TokenFamilyRevoked(familyId, userId, "reuse"));
            return false;
        }
        if (Instant.now().isAfter(expiresAt)) return false;
        apply(new RefreshTokenRotated(familyId, userId, cmd.presentedTokenId(), cmd.newTokenId(), cmd.expiresAt()));
        return true;
    }

    @CommandHandler
    void handle(RevokeTokenFamily cmd) {
        if (!userId.equals(cmd.userId())) throw DomainException.forbidden("this session belongs to another user");
        if (!revoked) apply(new TokenFamilyRevoked(familyId, userId, cmd.reason()));
    }

    /** A write with an access token of this session: refused once the session was logged out or revoked. */
    @CommandHandler
    void handle(RequireOpenSession cmd) {
        if (!userId.equals(cmd.userId())) throw DomainException.forbidden("this session belongs to another user");
        if (revoked)
            throw new DomainException(ErrorCode.SESSION_ENDED, "logout".equals(revokedFor)
                    ? "this access token's session was logged out: log in again"
                    : "this access token's session was ended because one of its spent refresh tokens was used again: "
                      + "log in again");
    }

    @EventSourcingHandler
    void on(TokenFamilyStarted e) {
        familyId = e.familyId();
        userId = e.userId();
        currentTokenId = e.tokenId();
        expiresAt = e.expiresAt();
    }

    @EventSourcingHandler
    void on(RefreshTokenRotated e, @Timestamp Instant at) {
        previousTokenId = e.spentTokenId();
        rotatedAt = at;
        currentTokenId = e.tokenId();
        expiresAt = e.expiresAt();
    }

    @EventSourcingHandler
    void on(TokenFamilyRevoked e) {
        revoked = true;
        revokedFor = e.reason();
    }
}
