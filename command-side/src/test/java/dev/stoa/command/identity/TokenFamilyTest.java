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
}
