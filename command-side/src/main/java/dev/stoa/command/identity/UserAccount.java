package dev.stoa.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.identity.*;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.platform.SecretSealer;
import dev.stoa.command.platform.UniqueKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A user's account: unique e-mail, password hash, roles, profile, addresses, e-mail verification, login
 * lockout and its state machine: active → suspended → active; active or suspended → deactivated (final).
 * Suspending or deactivating ends every session at once (refreshes are refused); access tokens already
 * out expire within their 15 minutes.
 */
@Aggregate(cache = "aggregateCache")
public class UserAccount {
    static final String EMAIL = "user-email";
    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);
    static final int MAX_CODE_ATTEMPTS = 5;
    static final BCryptPasswordEncoder PASSWORDS = new BCryptPasswordEncoder();

    enum Status { ACTIVE, SUSPENDED, DEACTIVATED, ERASED }

    @AggregateIdentifier
    private UserId userId;
    private String email;
    private String passwordHash;
    private String firstName;
    private String lastName;
    private String phone;
    private Set<String> roles;
    private boolean emailVerified;
    private Status status;
    private Instant sessionsValidAfter = Instant.EPOCH;
    private int failures;
    private Instant lockedUntil;
    private final AddressBook addresses = new AddressBook();
    private final Mfa mfa = new Mfa();
    private String codeId;
    private String codeHash;
    private Instant codeExpiresAt;
    private int codeAttempts;

    protected UserAccount() {}

    @CommandHandler
    public UserAccount(RegisterUser cmd, UniqueKeys keys, PersonalData personal) {
        String email = emailKey(cmd.email());
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) throw DomainException.badInput("email must be an e-mail address");
        if (cmd.passwordHash() == null || !cmd.passwordHash().startsWith("$2"))
            throw DomainException.badInput("passwordHash must be a bcrypt hash");
        requireRoles(cmd.roles());
        if (!keys.claim(EMAIL, email, cmd.userId().value()))
            throw DomainException.conflict("duplicate_email", "an account with this e-mail already exists");
        String id = cmd.userId().value();
        apply(new UserRegistered(cmd.userId(), personal.seal(id, email), cmd.passwordHash(), personal.seal(id, cmd.firstName()),
                personal.seal(id, cmd.lastName()), personal.seal(id, cmd.phone()), Set.copyOf(cmd.roles()), cmd.emailVerified()));
    }

    @CommandHandler
    void handle(VerifyEmail cmd, PersonalData personal) {
        if (status != Status.ACTIVE || !emailKey(cmd.email()).equals(personal.open(userId.value(), email)))
            throw DomainException.refused("invalid_token", "this link was sent to another address");
        if (!emailVerified) apply(new EmailVerified(userId, email));
    }

    @CommandHandler
    LoginOutcome handle(LogIn cmd, SecretSealer sealer) {
        Instant now = Instant.now();
        if (status != Status.ACTIVE) return LoginOutcome.refused("account_" + status.name().toLowerCase(Locale.ROOT), null);
        if (lockedUntil != null && now.isBefore(lockedUntil)) return LoginOutcome.refused("account_locked", lockedUntil);
        if (cmd.password() == null || !PASSWORDS.matches(cmd.password(), passwordHash)) return failedLogin(now, "invalid_credentials");
        if (!emailVerified) return LoginOutcome.refused("email_not_verified", null);
        Long step = null;
        if (mfa.active()) {
            if (cmd.totpCode() == null || cmd.totpCode().isBlank()) return LoginOutcome.refused("mfa_required", null);
            Mfa.Match match = mfa.login(cmd.totpCode(), sealer, now);
            if (!match.matched()) return failedLogin(now, "invalid_mfa_code");
            if (match.recoveryIndex() != null) apply(new RecoveryCodeUsed(userId, match.recoveryIndex()));
            step = match.step();
        }
        apply(new LoginSucceeded(userId, step));
        return LoginOutcome.accepted(roles);
    }

    /** A wrong password or second factor: counted, and the fifth in a row locks the account for a while. */
    private LoginOutcome failedLogin(Instant now, String refusal) {
        int count = failures + 1;
        apply(new LoginFailed(userId, count, count >= MAX_FAILURES ? now.plus(LOCKOUT) : null));
        return count >= MAX_FAILURES ? LoginOutcome.refused("account_locked", lockedUntil) : LoginOutcome.refused(refusal, null);
    }

    @CommandHandler
    String handle(StartMfaEnrollment cmd, PersonalData personal) {
        requireActive();
        if (mfa.active()) throw DomainException.conflict("mfa_already_active", "multi-factor authentication is already on");
        apply(new MfaEnrollmentStarted(userId, cmd.sealedSecret(), List.copyOf(cmd.recoveryCodeHashes())));
        return personal.open(userId.value(), email);
    }

    @CommandHandler
    void handle(EraseUser cmd, PersonalData personal, UniqueKeys keys) {
        AccountAccess.requireSelfOr(cmd.actor(), userId.value());
        if (status == Status.ERASED) return;
        keys.release(EMAIL, emailKey(personal.open(userId.value(), email)), userId.value());
        personal.erase(userId.value());
        apply(new UserErased(userId));
    }

    @CommandHandler
    void handle(ActivateMfa cmd, SecretSealer sealer) {
        requireActive();
        if (mfa.active()) return;
        if (!mfa.enrolling()) throw DomainException.refused("mfa_not_enrolled", "enroll first: POST /api/v1/auth/mfa/enroll");
        long step = mfa.activationStep(cmd.code(), sealer, Instant.now());
        if (step < 0) throw DomainException.refused("invalid_code", "that is not the authenticator's current code");
        apply(new MfaActivated(userId, step));
    }

    /** @return whether a code was issued: not for an account that is not active (and nobody is told why) */
    @CommandHandler
    boolean handle(IssueLoginCode cmd) {
        if (status != Status.ACTIVE) return false;
        apply(new LoginCodeIssued(userId, cmd.codeId(), cmd.codeHash(), cmd.expiresAt()));
        return true;
    }

    @CommandHandler
    LoginOutcome handle(LogInWithCode cmd) {
        if (status != Status.ACTIVE) return LoginOutcome.refused("account_" + status.name().toLowerCase(Locale.ROOT), null);
        if (codeId == null || Instant.now().isAfter(codeExpiresAt) || codeAttempts >= MAX_CODE_ATTEMPTS)
            return LoginOutcome.refused("invalid_code", null);
        if (cmd.code() == null || !PASSWORDS.matches(cmd.code(), codeHash)) {
            apply(new LoginCodeRejected(userId, codeId, codeAttempts + 1));
            return LoginOutcome.refused("invalid_code", null);
        }
        if (mfa.active()) return LoginOutcome.refused("mfa_required", null); // a mailed code is no second factor
        apply(new LoginCodeUsed(userId, codeId));
        if (!emailVerified) apply(new EmailVerified(userId, email)); // the code reached that mailbox
        apply(new LoginSucceeded(userId, null));
        return LoginOutcome.accepted(roles);
    }

    @CommandHandler
    String handle(PreparePasswordReset cmd) {
        if (status != Status.ACTIVE) return null;
        apply(new PasswordResetRequested(userId));
        return PasswordVersion.of(passwordHash);
    }

    @CommandHandler
    void handle(ResetPassword cmd) {
        requireActive();
        if (!PasswordVersion.of(passwordHash).equals(cmd.passwordVersion()))
            throw DomainException.refused("invalid_token", "this reset link was already used or is outdated");
        if (cmd.newPasswordHash() == null || !cmd.newPasswordHash().startsWith("$2"))
            throw DomainException.badInput("newPasswordHash must be a bcrypt hash");
        apply(new PasswordReset(userId, cmd.newPasswordHash()));
    }

    @CommandHandler
    LoginOutcome handle(CheckSession cmd) {
        if (status != Status.ACTIVE) return LoginOutcome.refused("account_" + status.name().toLowerCase(Locale.ROOT), null);
        // session start times are whole seconds: one that began in the same second as the cut-off is ended too
        if (!cmd.sessionStartedAt().isAfter(sessionsValidAfter.truncatedTo(ChronoUnit.SECONDS)))
            return LoginOutcome.refused("session_ended", null);
        return LoginOutcome.accepted(roles);
    }

    @CommandHandler
    void handle(SuspendUser cmd) {
        AccountAccess.requireAdmin(cmd.actor());
        if (status == Status.SUSPENDED) return;
        if (status != Status.ACTIVE) throw DomainException.invalidTransition("a closed account cannot be suspended");
        apply(new UserSuspended(userId, cmd.reason()));
    }

    @CommandHandler
    void handle(ReinstateUser cmd) {
        AccountAccess.requireAdmin(cmd.actor());
        if (status == Status.ACTIVE) return;
        if (status != Status.SUSPENDED) throw DomainException.invalidTransition("a deactivated account stays closed");
        apply(new UserReinstated(userId));
    }

    @CommandHandler
    void handle(DeactivateUser cmd) {
        AccountAccess.requireSelfOr(cmd.actor(), userId.value(), Roles.ADMIN);
        if (status != Status.DEACTIVATED && status != Status.ERASED) apply(new UserDeactivated(userId));
    }

    @CommandHandler
    void handle(ChangeRoles cmd) {
        AccountAccess.requireAdmin(cmd.actor());
        requireRoles(cmd.roles());
        if (cmd.actor().userId().equals(userId.value()) && !cmd.roles().contains(Roles.ADMIN))
            throw DomainException.refused("last_admin_guard", "admins cannot take their own admin role away");
        if (!cmd.roles().equals(roles)) apply(new RolesChanged(userId, Set.copyOf(cmd.roles())));
    }

    @CommandHandler
    void handle(UpdateProfile cmd, PersonalData personal) {
        AccountAccess.requireSelfOr(cmd.actor(), userId.value(), Roles.SUPPORT, Roles.ADMIN);
        requireActive();
        String id = userId.value();
        apply(new ProfileUpdated(userId, cmd.firstName() != null ? personal.seal(id, cmd.firstName()) : firstName,
                cmd.lastName() != null ? personal.seal(id, cmd.lastName()) : lastName,
                cmd.phone() != null ? personal.seal(id, cmd.phone()) : phone));
    }

    @CommandHandler
    void handle(SaveAddress cmd, PersonalData personal) {
        AccountAccess.requireSelfOr(cmd.actor(), userId.value(), Roles.ADMIN);
        requireActive();
        addresses.validate(cmd.addressId(), cmd.address());
        String previousDefault = cmd.address().isDefault() ? addresses.otherDefault(cmd.addressId()) : null;
        apply(new AddressSaved(userId, cmd.addressId(), AddressBook.sealed(cmd.address(), userId.value(), personal), previousDefault));
    }

    @CommandHandler
    void handle(RemoveAddress cmd) {
        AccountAccess.requireSelfOr(cmd.actor(), userId.value(), Roles.ADMIN);
        if (!addresses.has(cmd.addressId())) throw DomainException.notFound("address " + cmd.addressId());
        apply(new AddressRemoved(userId, cmd.addressId()));
    }

    private void requireActive() {
        if (status != Status.ACTIVE) throw DomainException.invalidTransition("the account is " + status.name().toLowerCase(Locale.ROOT));
    }

    private static void requireRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !Roles.ALL.containsAll(roles))
            throw DomainException.badInput("roles must be among " + Roles.ALL);
    }

    @EventSourcingHandler
    void on(UserRegistered e) {
        userId = e.userId();
        email = e.email();
        passwordHash = e.passwordHash();
        firstName = e.firstName();
        lastName = e.lastName();
        phone = e.phone();
        roles = e.roles();
        emailVerified = e.emailVerified();
        status = Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(EmailVerified e) { emailVerified = true; }

    @EventSourcingHandler
    void on(LoginFailed e) {
        failures = e.consecutiveFailures();
        if (e.lockedUntil() != null) {
            lockedUntil = e.lockedUntil();
            failures = 0;
        }
    }

    @EventSourcingHandler
    void on(LoginSucceeded e) {
        failures = 0;
        lockedUntil = null;
        mfa.stepUsed(e.totpStep());
    }

    @EventSourcingHandler
    void on(MfaEnrollmentStarted e) { mfa.enrollmentStarted(e.sealedSecret(), e.recoveryCodeHashes()); }

    @EventSourcingHandler
    void on(MfaActivated e) { mfa.activated(e.totpStep()); }

    @EventSourcingHandler
    void on(RecoveryCodeUsed e) { mfa.recoveryCodeUsed(e.index()); }

    @EventSourcingHandler
    void on(UserSuspended e, @org.axonframework.eventhandling.Timestamp Instant at) {
        status = Status.SUSPENDED;
        sessionsValidAfter = at;
    }

    @EventSourcingHandler
    void on(UserReinstated e) { status = Status.ACTIVE; }

    @EventSourcingHandler
    void on(LoginCodeIssued e) {
        codeId = e.codeId();
        codeHash = e.codeHash();
        codeExpiresAt = e.expiresAt();
        codeAttempts = 0;
    }

    @EventSourcingHandler
    void on(LoginCodeRejected e) { codeAttempts = e.attempts(); }

    @EventSourcingHandler
    void on(LoginCodeUsed e) { codeId = null; }

    @EventSourcingHandler
    void on(PasswordReset e, @org.axonframework.eventhandling.Timestamp Instant at) {
        passwordHash = e.passwordHash();
        sessionsValidAfter = at;
        failures = 0;
        lockedUntil = null;
    }

    @EventSourcingHandler
    void on(UserDeactivated e, @org.axonframework.eventhandling.Timestamp Instant at) {
        status = Status.DEACTIVATED;
        sessionsValidAfter = at;
    }

    @EventSourcingHandler
    void on(RolesChanged e) { roles = e.roles(); }

    @EventSourcingHandler
    void on(UserErased e, @org.axonframework.eventhandling.Timestamp Instant at) {
        status = Status.ERASED;
        sessionsValidAfter = at;
        email = null;
        firstName = null;
        lastName = null;
        phone = null;
    }

    @EventSourcingHandler
    void on(ProfileUpdated e) {
        firstName = e.firstName();
        lastName = e.lastName();
        phone = e.phone();
    }

    @EventSourcingHandler
    void on(AddressSaved e) { addresses.saved(e.addressId(), e.address(), e.previousDefaultId()); }

    @EventSourcingHandler
    void on(AddressRemoved e) { addresses.removed(e.addressId()); }

    static String emailKey(String email) { return email == null ? "" : email.trim().toLowerCase(Locale.ROOT); }
}
