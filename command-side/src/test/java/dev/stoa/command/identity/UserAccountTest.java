package dev.stoa.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.*;
import static org.mockito.Mockito.*;

import dev.stoa.api.identity.*;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.platform.UniqueKeys;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAccountTest {
    private static final String HASH = UserAccountFixtures.HASH;
    private static final String SECRET = UserAccountFixtures.SECRET;
    private static final dev.stoa.command.platform.SecretSealer SEALER = UserAccountFixtures.SEALER;
    private final UserId id = UserId.random();
    private AggregateTestFixture<UserAccount> fixture;
    private UniqueKeys keys;
    private dev.stoa.api.platform.PersonalData personal;

    @BeforeEach
    void setUp() {
        UserAccountFixtures fixtures = new UserAccountFixtures();
        fixture = fixtures.fixture;
        keys = fixtures.keys;
        personal = fixtures.personal;
    }

    /**
     * At most five reset links an hour for one account: a sixth request mails nothing (the endpoint still answers 202).
     * There was no cap: one address's inbox could be sent a link per request.
     */
    @Test
    void aSixthResetLinkWithinTheHourIsNotMailed() {
        Object[] five = new Object[6];
        five[0] = registered(true);
        for (int i = 1; i <= 5; i++) five[i] = new dev.stoa.api.identity.PasswordResetRequested(id);
        fixture.given(five).when(new dev.stoa.api.identity.PreparePasswordReset(id))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(null);
        fixture.given(registered(true), new dev.stoa.api.identity.PasswordResetRequested(id))
                .when(new dev.stoa.api.identity.PreparePasswordReset(id))
                .expectEvents(new dev.stoa.api.identity.PasswordResetRequested(id));
    }

    private Object[] withMfa() {
        long step = Totp.step(Instant.now()) - 5;
        return new Object[] {registered(true),
                new MfaEnrollmentStarted(id, SEALER.seal(SECRET), java.util.List.of(Passwords.hash("ABCDEFGHJK"))),
                new MfaActivated(id, step)};
    }

    @Test
    void givenMfaActive_whenLogInWithoutCode_thenMfaRequired() {
        fixture.given(withMfa()).when(new LogIn(id, "correct horse 42", null)).expectNoEvents()
                .expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.MFA_REQUIRED, null));
    }

    @Test
    void givenMfaActive_whenLogInWithCurrentCode_thenAcceptedAndStepRemembered() {
        long step = Totp.step(Instant.now());
        fixture.given(withMfa()).when(new LogIn(id, "correct horse 42", Totp.code(SECRET, step)))
                .expectEvents(new LoginSucceeded(id, step));
        Object[] history = java.util.stream.Stream.concat(java.util.Arrays.stream(withMfa()),
                java.util.stream.Stream.of(new LoginSucceeded(id, step))).toArray();
        fixture.given(history).when(new LogIn(id, "correct horse 42", Totp.code(SECRET, step)))
                .expectEvents(new LoginFailed(id, 1, null))
                .expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.INVALID_MFA_CODE, null));
    }

    @Test
    void givenMfaActive_whenRecoveryCodeUsed_thenSpentOnce() {
        fixture.given(withMfa()).when(new LogIn(id, "correct horse 42", "abcde-fghjk"))
                .expectEvents(new RecoveryCodeUsed(id, 0), new LoginSucceeded(id, null));
        Object[] spent = java.util.stream.Stream.concat(java.util.Arrays.stream(withMfa()),
                java.util.stream.Stream.of(new RecoveryCodeUsed(id, 0))).toArray();
        fixture.given(spent).when(new LogIn(id, "correct horse 42", "ABCDE-FGHJK"))
                .expectEvents(new LoginFailed(id, 1, null));
    }

    @Test
    void givenEnrolling_whenActivatedWithWrongCode_thenRefused() {
        fixture.given(registered(true), new MfaEnrollmentStarted(id, SEALER.seal(SECRET), java.util.List.of()))
                .when(new ActivateMfa(id, "000000".equals(Totp.code(SECRET, Totp.step(Instant.now()))) ? "111111" : "000000"))
                .expectException(DomainException.class).expectNoEvents();
    }

    private UserRegistered registered(boolean verified) { return UserAccountFixtures.registered(id, verified); }

    @Test
    void givenNothing_whenRegister_thenEmailClaimedLowerCaseAndRegistered() {
        when(keys.claim(eq("user-email"), eq("ada@example.org"), anyString())).thenReturn(true);
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(id, " Ada@Example.org ", HASH, "Ada", "Lovelace", null, Set.of("customer"), false))
                .expectEvents(registered(false));
    }

    @Test
    void givenEmailTaken_whenRegister_thenDuplicateEmail() {
        when(keys.claim(anyString(), anyString(), anyString())).thenReturn(false);
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(id, "ada@example.org", HASH, "Ada", "Lovelace", null, Set.of("customer"), false))
                .expectException(DomainException.class).expectExceptionMessage("an account with this e-mail already exists");
    }

    @Test
    void givenRegistered_whenVerifyEmail_thenVerifiedOnce() {
        fixture.given(registered(false)).when(new VerifyEmail(id, "ADA@example.org", "correct horse 42"))
                .expectEvents(new EmailVerified(id, "ada@example.org"));
        fixture.given(registered(false), new EmailVerified(id, "ada@example.org"))
                .when(new VerifyEmail(id, "ada@example.org", null)).expectNoEvents();
    }

    @Test
    void checkAccountRoleAnswersWhetherTheOpenAccountHasTheRole() {
        fixture.given(registered(false)).when(new CheckAccountRole(id, "customer")).expectNoEvents()
                .expectResultMessagePayload(true);
        fixture.given(registered(true)).when(new CheckAccountRole(id, "vendor")).expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(registered(true), new RolesChanged(id, Set.of("customer", "vendor")))
                .when(new CheckAccountRole(id, "vendor")).expectResultMessagePayload(true);
        fixture.given(registered(true), new RolesChanged(id, Set.of("vendor")), new UserSuspended(id, "checking"))
                .when(new CheckAccountRole(id, "vendor")).expectResultMessagePayload(true); // suspended: for a while
        fixture.given(registered(true), new RolesChanged(id, Set.of("vendor")), new UserDeactivated(id))
                .when(new CheckAccountRole(id, "vendor")).expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void givenVerified_whenLogInWithRightPassword_thenAcceptedWithRoles() {
        fixture.given(registered(true)).when(new LogIn(id, "correct horse 42", null))
                .expectEvents(new LoginSucceeded(id, null))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.equalTo(LoginOutcome.accepted(Set.of("customer"))));
    }

    @Test
    void givenUnverified_whenLogIn_thenRefusedWithoutEvents() {
        fixture.given(registered(false)).when(new LogIn(id, "correct horse 42", null)).expectNoEvents()
                .expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.EMAIL_NOT_VERIFIED, null));
    }

    @Test
    void givenFourFailures_whenWrongPasswordAgain_thenLockedFor15Minutes() {
        fixture.given(registered(true), new LoginFailed(id, 1, null), new LoginFailed(id, 2, null),
                        new LoginFailed(id, 3, null), new LoginFailed(id, 4, null))
                .when(new LogIn(id, "wrong password 1", null))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(lockedFor15Minutes(),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    /** Forgotten after 30 days without one, as an unknown address's are: the count starts again, nothing locks. */
    @Test
    void givenFourFailuresAMonthAgo_whenWrongPasswordAgain_thenCountedFromOne() {
        fixture.givenCurrentTime(Instant.now().minus(java.time.Duration.ofDays(31)))
                .andGiven(registered(true), new LoginFailed(id, 1, null), new LoginFailed(id, 2, null),
                        new LoginFailed(id, 3, null), new LoginFailed(id, 4, null))
                .when(new LogIn(id, "wrong password 1", null))
                .expectEvents(new LoginFailed(id, 1, null))
                .expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.INVALID_CREDENTIALS, null));
        fixture.givenCurrentTime(Instant.now().minus(java.time.Duration.ofDays(29)))
                .andGiven(registered(true), new LoginFailed(id, 1, null), new LoginFailed(id, 2, null),
                        new LoginFailed(id, 3, null), new LoginFailed(id, 4, null))
                .when(new LogIn(id, "wrong password 1", null))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(lockedFor15Minutes(),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    private static org.hamcrest.Matcher<Object> lockedFor15Minutes() {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof LoginFailed f && f.consecutiveFailures() == 5 && f.lockedUntil() != null
                        && f.lockedUntil().isAfter(Instant.now().plusSeconds(14 * 60))
                        && f.lockedUntil().isBefore(Instant.now().plusSeconds(16 * 60));
            }

            @Override
            public void describeTo(org.hamcrest.Description d) { d.appendText("LoginFailed #5 locking for 15 minutes"); }
        };
    }

    @Test
    void givenLocked_whenRightPassword_thenStillRefused() {
        Instant until = Instant.now().plusSeconds(600);
        fixture.given(registered(true), new LoginFailed(id, 5, until))
                .when(new LogIn(id, "correct horse 42", null)).expectNoEvents()
                .expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.ACCOUNT_LOCKED, until));
    }

    @Test
    void givenLockExpired_whenRightPassword_thenAccepted() {
        fixture.given(registered(true), new LoginFailed(id, 5, Instant.now().minusSeconds(1)))
                .when(new LogIn(id, "correct horse 42", null)).expectEvents(new LoginSucceeded(id, null));
    }

    private static final dev.stoa.api.platform.Actor ADMIN = new dev.stoa.api.platform.Actor(UserId.random().value(), Set.of("admin"));

    @Test
    void givenSuspended_whenLoginCodeRequested_thenNoneIssuedAndNoError() {
        fixture.given(registered(true), new UserSuspended(id, null))
                .when(new IssueLoginCode(id, "c1", HASH, Instant.now().plusSeconds(600)))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    /** With MFA on, a code login is refused whatever the code: no code is made or mailed (one was, before 2026-12-06). */
    @Test
    void givenMfaOn_whenLoginCodeRequested_thenNoneIssued() {
        fixture.given(registered(true), new MfaEnrollmentStarted(id, "sealed", java.util.List.of("h1")), new MfaActivated(id, 1L))
                .when(new IssueLoginCode(id, "c1", HASH, Instant.now().plusSeconds(600)))
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(registered(true), new MfaEnrollmentStarted(id, "sealed", java.util.List.of("h1")), new MfaActivated(id, 1L))
                .when(new MayIssueLoginCode(id))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void givenRegistered_whenUserErasesThemself_thenKeyDestroyedEmailReleasedAndClosed() {
        fixture.given(registered(true)).when(new EraseUser(id, new dev.stoa.api.platform.Actor(id.value(), Set.of("customer"))))
                .expectEvents(new UserErased(id));
        verify(personal).erase(id.value());
        verify(keys).release("user-email", "ada@example.org", id.value());
    }

    @Test
    void givenErased_whenLogIn_thenRefused() {
        fixture.given(registered(true), new UserErased(id)).when(new LogIn(id, "correct horse 42", null))
                .expectNoEvents().expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.SESSION_ENDED, null));
    }

    @Test
    void givenActive_whenAdminSuspends_thenSuspendedAndLoginAndSessionsRefused() {
        fixture.given(registered(true)).when(new SuspendUser(id, "fraud", ADMIN)).expectEvents(new UserSuspended(id, "fraud"));
        fixture.given(registered(true), new UserSuspended(id, "fraud")).when(new LogIn(id, "correct horse 42", null))
                .expectNoEvents().expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.ACCOUNT_SUSPENDED, null));
        fixture.given(registered(true), new UserSuspended(id, "fraud")).when(new CheckSession(id, Instant.now()))
                .expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.ACCOUNT_SUSPENDED, null));
    }

    /** A new reason replaces the last (it was dropped before 2026-12-07 evening); a repeat without one changes nothing. */
    @Test
    void givenSuspended_whenSuspendedAgain_thenOnlyANewReasonIsRecorded() {
        fixture.given(registered(true), new UserSuspended(id, "fraud")).when(new SuspendUser(id, "fraud, confirmed", ADMIN))
                .expectEvents(new UserSuspended(id, "fraud, confirmed"));
        fixture.given(registered(true), new UserSuspended(id, "fraud")).when(new SuspendUser(id, null, ADMIN))
                .expectNoEvents();
        // an empty reason is none, and the reason in force given again no new one (both were recorded; Z32)
        fixture.given(registered(true), new UserSuspended(id, "fraud")).when(new SuspendUser(id, "", ADMIN))
                .expectNoEvents();
        fixture.given(registered(true), new UserSuspended(id, "fraud")).when(new SuspendUser(id, " fraud ", ADMIN))
                .expectNoEvents();
        fixture.given(registered(true)).when(new SuspendUser(id, "", ADMIN)).expectEvents(new UserSuspended(id, null));
        fixture.given(registered(true), new UserSuspended(id, "fraud"), new UserReinstated(id))
                .when(new SuspendUser(id, "fraud", ADMIN)).expectEvents(new UserSuspended(id, "fraud"));
        fixture.given(registered(true)).when(new ReinstateUser(id, ADMIN)).expectNoEvents();
    }

    @Test
    void givenSuspendedThenReinstated_whenOldSessionRefreshes_thenEnded() {
        Instant before = Instant.now().minusSeconds(60);
        fixture.given(registered(true)).andGivenCommands(new SuspendUser(id, null, ADMIN), new ReinstateUser(id, ADMIN))
                .when(new CheckSession(id, before))
                .expectResultMessagePayload(LoginOutcome.refused(dev.stoa.api.platform.ErrorCode.SESSION_ENDED, null));
    }

    @Test
    void givenDeactivated_whenReinstateOrSuspend_thenInvalidTransition() {
        fixture.given(registered(true), new UserDeactivated(id)).when(new ReinstateUser(id, ADMIN))
                .expectException(DomainException.class);
        fixture.given(registered(true), new UserDeactivated(id)).when(new SuspendUser(id, null, ADMIN))
                .expectException(DomainException.class);
    }

    /**
     * An admin's act leaves its actor an active admin: no admin suspends, deactivates or erases their own account
     * (the only admin suspended itself, and nothing could reinstate it, before 2026-12-06); another admin may, and a
     * former admin closes their own account as anyone does.
     */
    @Test
    void givenAnAdmin_whenTheyCloseTheirOwnAccount_thenLastAdminGuard_butAnotherAdminMay() {
        var self = new dev.stoa.api.platform.Actor(id.value(), Set.of("admin"));
        RolesChanged admin = new RolesChanged(id, Set.of("admin"));
        for (Object own : java.util.List.of(new SuspendUser(id, "oops", self), new DeactivateUser(id, self), new EraseUser(id, self)))
            fixture.given(registered(true), admin).when(own).expectNoEvents()
                    .expectException(DomainException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("admins cannot"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("their own account"));
        fixture.given(registered(true), admin).when(new SuspendUser(id, "checking", ADMIN))
                .expectEvents(new UserSuspended(id, "checking"));
        fixture.given(registered(true), admin).when(new DeactivateUser(id, ADMIN)).expectEvents(new UserDeactivated(id));
        fixture.given(registered(true), admin, new RolesChanged(id, Set.of("customer")))
                .when(new DeactivateUser(id, new dev.stoa.api.platform.Actor(id.value(), Set.of("customer"))))
                .expectEvents(new UserDeactivated(id));
    }

    /**
     * Deactivating a deactivated account again is a repeat (nothing new); an erased one is past deactivation, and says
     * so: it answered 204 as if deactivated before 2026-12-07.
     */
    @Test
    void givenErased_whenAnAdminDeactivates_thenInvalidTransition_andDeactivatedAgainIsARepeat() {
        fixture.given(registered(true), new UserErased(id)).when(new DeactivateUser(id, ADMIN)).expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("erased"));
        fixture.given(registered(true), new UserDeactivated(id)).when(new DeactivateUser(id, ADMIN)).expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    /**
     * A suspended account's MFA change is refused for the suspension, as every other write of the account is, whatever
     * its session: it read "session ended" before 2026-12-07 (walkthrough Z36). Closing the account still may.
     */
    @Test
    void givenSuspended_whenItsSessionAsksToChangeMfa_thenAccountSuspended() {
        java.time.Instant began = java.time.Instant.now().minusSeconds(600);
        fixture.given(registered(true), new UserSuspended(id, null))
                .when(new dev.stoa.api.identity.RequireLiveSession(id, began, false)).expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("this account is suspended"));
        fixture.given(registered(true), new UserSuspended(id, null))
                .when(new dev.stoa.api.identity.RequireLiveSession(id, began, true)).expectSuccessfulHandlerExecution();
    }

    @Test
    void givenActive_whenNonAdminSuspends_thenForbidden() {
        fixture.given(registered(true))
                .when(new SuspendUser(id, null, new dev.stoa.api.platform.Actor(id.value(), Set.of("customer"))))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void givenDefaultAddress_whenAnotherDefaultSaved_thenPreviousDefaultNamed() {
        var self = new dev.stoa.api.platform.Actor(id.value(), Set.of("customer"));
        Address home = new Address("home", "Street 1", null, "Berlin", null, "10117", "DE", true);
        fixture.given(registered(true), new AddressSaved(id, "a1", home, null))
                .when(new AddAddress(id, "a2", home, self))
                .expectEvents(new AddressSaved(id, "a2", home, "a1"));
    }

    @Test
    void givenAnotherUser_whenSavingMyAddress_thenNotFound() {
        var stranger = new dev.stoa.api.platform.Actor(UserId.random().value(), Set.of("customer"));
        fixture.given(registered(true))
                .when(new AddAddress(id, "a1", new Address("home", "S", null, "C", null, "1", "DE", false), stranger))
                .expectException(DomainException.class).expectExceptionMessage("user " + id + " not found");
    }

    @Test
    void passwordPolicyRefusesWeakPasswords() {
        assertThat(PasswordPolicy.weakness("short1", "a@b.c")).isPresent();
        assertThat(PasswordPolicy.weakness("onlyletterslong", "a@b.c")).isPresent();
        assertThat(PasswordPolicy.weakness("adalovelace1", "adalovelace@example.org")).isPresent();
        assertThat(PasswordPolicy.weakness("correct horse 42", "ada@example.org")).isEmpty();
        assertThat(PasswordPolicy.weakness("a long passphrase without digits", "ada@example.org")).isEmpty();
    }
}
