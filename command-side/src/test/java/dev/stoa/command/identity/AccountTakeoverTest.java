package dev.stoa.command.identity;

import static dev.stoa.command.identity.UserAccountFixtures.*;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.mockito.Mockito.verify;

import dev.stoa.api.identity.*;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep an account from being taken over: a pre-registered address, guessed login codes,
 * re-authentication before what cannot be undone, addresses of another account, unverified registrations.
 */
class AccountTakeoverTest {
    private final UserId id = UserId.random();
    private final UserAccountFixtures fixtures = new UserAccountFixtures();
    private final AggregateTestFixture<UserAccount> fixture = fixtures.fixture;
    private final UserRegistered unverified = registered(id, false);
    private final UserRegistered verified = registered(id, true);
    private final Actor self = new Actor(id.value(), Set.of("customer"));

    @Test
    void givenPreRegistered_whenOwnerOpensTheLinkWithoutThePassword_thenRegistrationPasswordVoided() {
        fixture.given(unverified).when(new VerifyEmail(id, "ada@example.org", null))
                .expectEvents(new EmailVerified(id, "ada@example.org"), new PasswordVoided(id));
        fixture.given(unverified, new EmailVerified(id, "ada@example.org"), new PasswordVoided(id))
                .when(new LogIn(id, PASSWORD, null))
                .expectEvents(new LoginFailed(id, 1, null))
                .expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.INVALID_CREDENTIALS, null));
    }

    @Test
    void givenRegistrant_whenLinkOpenedWithThePassword_thenPasswordKept() {
        fixture.given(unverified).when(new VerifyEmail(id, "ada@example.org", PASSWORD))
                .expectEvents(new EmailVerified(id, "ada@example.org"));
        fixture.given(unverified).when(new VerifyEmail(id, "ada@example.org", "wrong password 1"))
                .expectEvents(new LoginFailed(id, 1, null))
                .expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.INVALID_CREDENTIALS, null));
    }

    @Test
    void givenPreRegistered_whenOwnerLogsInWithACode_thenVerifiedAndPasswordVoided() {
        fixture.given(unverified, new LoginCodeIssued(id, "c1", Passwords.hash("123456"), Instant.now().plusSeconds(600)))
                .when(new LogInWithCode(id, "123456"))
                .expectEvents(new LoginCodeUsed(id, "c1"), new EmailVerified(id, "ada@example.org"),
                        new PasswordVoided(id), new LoginSucceeded(id, null));
    }

    @Test
    void givenPreRegistered_whenOwnerResetsThePassword_thenVerifiedAndReplaced() {
        String newHash = Passwords.hash("owner chose 77");
        fixture.given(unverified).when(new ResetPassword(id, PasswordVersion.of(HASH), newHash))
                .expectEvents(new EmailVerified(id, "ada@example.org"), new PasswordReset(id, newHash));
    }

    @Test
    void givenVoidedPassword_whenReset_thenTheLinkNamesNoPasswordAndWorks() {
        String newHash = Passwords.hash("owner chose 77");
        fixture.given(unverified, new EmailVerified(id, "ada@example.org"), new PasswordVoided(id))
                .when(new ResetPassword(id, PasswordVersion.of(null), newHash))
                .expectEvents(new PasswordReset(id, newHash));
    }

    @Test
    void givenUnverified_whenMfaEnrollmentStarts_thenRefused() {
        fixture.given(unverified).when(new StartMfaEnrollment(id, SEALER.seal(SECRET), List.of()))
                .expectException(DomainException.class).expectExceptionMessage("confirm your e-mail address first")
                .expectNoEvents();
    }

    @Test
    void givenFiveCodesThisHour_whenAnotherIsRequested_thenNoneIssued() {
        Object[] history = {verified, code("c1"), code("c2"), code("c3"), code("c4"), code("c5")};
        fixture.given(history).when(new IssueLoginCode(id, "c6", HASH, Instant.now().plusSeconds(600)))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void givenFourFailures_whenAWrongCodeWithAFreshCode_thenLocked() {
        fixture.given(verified, new LoginFailed(id, 1, null), new LoginFailed(id, 2, null), new LoginFailed(id, 3, null),
                        new LoginFailed(id, 4, null), code("new"))
                .when(new LogInWithCode(id, "000000"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(Matchers.equalTo(new LoginCodeRejected(id, "new", 5)),
                        lockingFailure(5), andNoMore())));
    }

    @Test
    void givenLocked_whenTheRightCode_thenStillRefused() {
        Instant until = Instant.now().plusSeconds(600);
        fixture.given(verified, code("c1"), new LoginFailed(id, 5, until)).when(new LogInWithCode(id, "123456"))
                .expectNoEvents().expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.ACCOUNT_LOCKED, until));
    }

    @Test
    void givenMfaOn_whenReauthenticatingWithoutCode_thenRefusedAndWithWrongPasswordCounted() {
        Object[] mfa = {verified, new MfaEnrollmentStarted(id, SEALER.seal(SECRET), List.of()),
                new MfaActivated(id, Totp.step(Instant.now()) - 5)};
        fixture.given(mfa).when(new Reauthenticate(id, PASSWORD, null)).expectNoEvents()
                .expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.MFA_REQUIRED, null));
        fixture.given(mfa).when(new Reauthenticate(id, "wrong password 1", "123456"))
                .expectEvents(new LoginFailed(id, 1, null))
                .expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.REAUTHENTICATION_FAILED, null));
        long step = Totp.step(Instant.now());
        fixture.given(mfa).when(new Reauthenticate(id, PASSWORD, Totp.code(SECRET, step)))
                .expectEvents(new Reauthenticated(id, step));
        fixture.given(mfa).when(new DisableMfa(id)).expectEvents(new MfaDisabled(id));
        fixture.given(verified).when(new DisableMfa(id)).expectException(DomainException.class);
    }

    /**
     * Turning MFA on when it is on already is refused before the proof is looked at: the refused step spends neither a
     * recovery code nor the authenticator's step, and counts no failure (a refused enrollment spent a recovery code
     * before 2026-12-07; walkthrough Z36). Without MFA the proof is checked as before.
     */
    @Test
    void givenMfaOn_whenReauthenticatingToEnrollAgain_thenRefusedBeforeAnyCodeIsSpent() {
        Object[] mfa = {verified, new MfaEnrollmentStarted(id, SEALER.seal(SECRET), List.of(Passwords.hash("ABCDEFGHJK"))),
                new MfaActivated(id, Totp.step(Instant.now()) - 5)};
        fixture.given(mfa).when(new Reauthenticate(id, PASSWORD, "ABCDE-FGHJK", false, true)).expectNoEvents()
                .expectException(DomainException.class).expectExceptionMessage("multi-factor authentication is already on");
        fixture.given(mfa).when(new Reauthenticate(id, PASSWORD, Totp.code(SECRET, Totp.step(Instant.now())), false, true))
                .expectNoEvents().expectException(DomainException.class);
        fixture.given(verified).when(new Reauthenticate(id, "wrong password 1", null, false, true))
                .expectEvents(new LoginFailed(id, 1, null));
    }

    @Test
    void givenAnotherAccountsAddressId_whenReplaced_thenNotFoundAndAddingATakenIdConflicts() {
        Address home = new Address("home", "Street 1", null, "Berlin", null, "10117", "DE", false);
        fixture.given(verified).when(new ReplaceAddress(id, "victims-address", home, self))
                .expectException(DomainException.class).expectExceptionMessage("address victims-address not found");
        fixture.given(verified, new AddressSaved(id, "a1", home, null)).when(new AddAddress(id, "a1", home, self))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenUnverifiedPastItsDeadline_whenExpired_thenClosedErasedAndEmailFreed() {
        fixture.given(unverified).when(new ExpireRegistration(id))
                .expectEvents(new RegistrationExpired(id), new UserErased(id));
        verify(fixtures.personal).erase(id.value());
        verify(fixtures.keys).release("user-email", "ada@example.org", id.value());
        fixture.given(verified).when(new ExpireRegistration(id)).expectNoEvents();
    }

    private LoginCodeIssued code(String codeId) {
        return new LoginCodeIssued(id, codeId, Passwords.hash("123456"), Instant.now().plusSeconds(600));
    }

    private static Matcher<Object> lockingFailure(int count) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof LoginFailed f && f.consecutiveFailures() == count && f.lockedUntil() != null;
            }

            @Override
            public void describeTo(org.hamcrest.Description d) { d.appendText("LoginFailed #" + count + " that locks"); }
        };
    }
}
