package dev.stoa.command.identity;

import dev.stoa.api.identity.*;
import dev.stoa.api.platform.DomainException;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenFamilyTest {
    private final TokenFamilyId family = TokenFamilyId.random();
    private final UserId user = UserId.random();
    private final Instant later = Instant.now().plusSeconds(3600);
    private AggregateTestFixture<TokenFamily> fixture;

    @BeforeEach
    void setUp() { fixture = new AggregateTestFixture<>(TokenFamily.class); }

    @Test
    void givenStarted_whenCurrentTokenSpent_thenRotated() {
        fixture.given(new TokenFamilyStarted(family, user, "t1", later))
                .when(new RotateRefreshToken(family, "t1", "t2", later))
                .expectEvents(new RefreshTokenRotated(family, user, "t1", "t2", later))
                .expectResultMessagePayload(true);
    }

    @Test
    void givenRotated_whenSpentTokenPresentedAgain_thenFamilyRevokedForReuse() {
        fixture.given(new TokenFamilyStarted(family, user, "t1", later), new RefreshTokenRotated(family, user, "t1", "t2", later))
                .when(new RotateRefreshToken(family, "t1", "t3", later))
                .expectEvents(new TokenFamilyRevoked(family, user, "reuse"))
                .expectResultMessagePayload(false);
    }

    /**
     * The token spent last, presented again within the grace (a second tab, a retry whose answer was lost): refused
     * refresh_token_rotated, nothing revoked, and the newest token still works. Before 2026-12-07 it revoked the family:
     * two tabs refreshing at once logged the session out.
     */
    @Test
    void givenJustRotated_whenTheSpentTokenComesAgainWithinTheGrace_thenRefusedWithoutRevoking() {
        java.time.Duration grace = java.time.Duration.ofSeconds(10);
        fixture.given(new TokenFamilyStarted(family, user, "t1", later), new RefreshTokenRotated(family, user, "t1", "t2", later))
                .when(new RotateRefreshToken(family, "t1", "t3", later, grace))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("use the pair that exchange returned"));
        fixture.given(new TokenFamilyStarted(family, user, "t1", later), new RefreshTokenRotated(family, user, "t1", "t2", later))
                .when(new RotateRefreshToken(family, "t2", "t3", later, grace))
                .expectEvents(new RefreshTokenRotated(family, user, "t2", "t3", later));
        // an older token than the last spent one, or the last one after the grace: reuse, as before
        fixture.given(new TokenFamilyStarted(family, user, "t1", later), new RefreshTokenRotated(family, user, "t1", "t2", later),
                        new RefreshTokenRotated(family, user, "t2", "t3", later))
                .when(new RotateRefreshToken(family, "t1", "t4", later, grace))
                .expectEvents(new TokenFamilyRevoked(family, user, "reuse"));
        fixture.givenCurrentTime(Instant.now().minusSeconds(60)) // the rotation a minute ago
                .andGiven(new TokenFamilyStarted(family, user, "t1", later), new RefreshTokenRotated(family, user, "t1", "t2", later))
                .when(new RotateRefreshToken(family, "t1", "t3", later, grace))
                .expectEvents(new TokenFamilyRevoked(family, user, "reuse"));
    }

    @Test
    void givenRevoked_whenEvenTheNewestTokenPresented_thenRefusedWithoutEvents() {
        fixture.given(new TokenFamilyStarted(family, user, "t1", later), new TokenFamilyRevoked(family, user, "logout"))
                .when(new RotateRefreshToken(family, "t1", "t2", later))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void givenExpired_whenRotate_thenRefused() {
        fixture.given(new TokenFamilyStarted(family, user, "t1", Instant.now().minusSeconds(1)))
                .when(new RotateRefreshToken(family, "t1", "t2", later))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void givenStarted_whenOwnerLogsOut_thenRevokedOnce() {
        fixture.given(new TokenFamilyStarted(family, user, "t1", later))
                .when(new RevokeTokenFamily(family, user, "logout"))
                .expectEvents(new TokenFamilyRevoked(family, user, "logout"));
        fixture.given(new TokenFamilyStarted(family, user, "t1", later), new TokenFamilyRevoked(family, user, "logout"))
                .when(new RevokeTokenFamily(family, user, "logout")).expectNoEvents();
    }

    @Test
    void givenStarted_whenAnotherUserLogsItOut_thenForbidden() {
        fixture.given(new TokenFamilyStarted(family, user, "t1", later))
                .when(new RevokeTokenFamily(family, UserId.random(), "logout"))
                .expectException(DomainException.class);
    }

    /**
     * A write with an access token of the session: open while it lives, 401 session_ended once logged out or revoked for
     * reuse (each says which), 403 for another user's session. Before 2026-12-07 nothing asked, and a logged-out
     * session's access token wrote until it expired.
     */
    @Test
    void anAccessTokensWriteIsRefusedOnceItsSessionIsLoggedOutOrRevoked() {
        fixture.given(new TokenFamilyStarted(family, user, "t1", later))
                .when(new RequireOpenSession(family, user))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(new TokenFamilyStarted(family, user, "t1", later), new TokenFamilyRevoked(family, user, "logout"))
                .when(new RequireOpenSession(family, user))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("logged out"));
        fixture.given(new TokenFamilyStarted(family, user, "t1", later), new TokenFamilyRevoked(family, user, "reuse"))
                .when(new RequireOpenSession(family, user))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("spent refresh tokens was used again"));
        fixture.given(new TokenFamilyStarted(family, user, "t1", later))
                .when(new RequireOpenSession(family, UserId.random()))
                .expectNoEvents()
                .expectException(DomainException.class);
    }
}
