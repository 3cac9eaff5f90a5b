package dev.stoa.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.identity.*;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.platform.SnapshotState;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One login session's refresh tokens. Only the newest works, once: spending it yields the next. An
 * already spent token presented again means someone else holds a copy, so the whole family is revoked.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("1")
@SnapshotState
public class TokenFamily {
    @AggregateIdentifier
    private TokenFamilyId familyId;
    private UserId userId;
    private String currentTokenId;
    private Instant expiresAt;
    private boolean revoked;

    protected TokenFamily() {}

    @CommandHandler
    public TokenFamily(StartTokenFamily cmd) {
        apply(new TokenFamilyStarted(cmd.familyId(), cmd.userId(), cmd.tokenId(), cmd.expiresAt()));
    }

    @CommandHandler
    boolean handle(RotateRefreshToken cmd) {
        if (revoked) return false;
        if (!cmd.presentedTokenId().equals(currentTokenId)) {
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

    @EventSourcingHandler
    void on(TokenFamilyStarted e) {
        familyId = e.familyId();
        userId = e.userId();
        currentTokenId = e.tokenId();
        expiresAt = e.expiresAt();
    }

    @EventSourcingHandler
    void on(RefreshTokenRotated e) {
        currentTokenId = e.tokenId();
        expiresAt = e.expiresAt();
    }

    @EventSourcingHandler
    void on(TokenFamilyRevoked e) { revoked = true; }
}
