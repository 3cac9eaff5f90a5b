package dev.stoa.command.identity;

import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.identity.*;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.platform.UniqueKeys;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import dev.stoa.command.platform.web.SecretResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** Registration, e-mail verification, login, refresh rotation and logout. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Identity")
class AuthController {
    private static final Set<String> SELF_SERVICE_ROLES = Set.of(Roles.CUSTOMER, Roles.INSTRUCTOR, Roles.VENDOR);
    private final Commands commands;
    private final UniqueKeys keys;
    private final TokenIssuer tokens;
    private final Sessions sessions;
    private final PhantomLockout phantoms;
    private final PersonalData personal;
    private final BootstrapAdmin bootstrapAdmin;

    AuthController(Commands commands, UniqueKeys keys, TokenIssuer tokens, Sessions sessions, PhantomLockout phantoms,
                   PersonalData personal, BootstrapAdmin bootstrapAdmin) {
        this.commands = commands;
        this.keys = keys;
        this.tokens = tokens;
        this.sessions = sessions;
        this.phantoms = phantoms;
        this.personal = personal;
        this.bootstrapAdmin = bootstrapAdmin;
    }

    record RegisterRequest(@NotBlank @Email @Size(max = 254) String email,
                           @NotNull @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
                           @NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
                           @Pattern(regexp = Phones.E164, message = Phones.MESSAGE) String phone,
                           Set<@NotBlank String> roles) {}

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 128) String password,
                        @Size(max = 32) String totpCode) {}

    record TokenRequest(@NotBlank @Size(max = 4096) String refreshToken) {}

    /** {@code password}: the one chosen at registration; without it the link proves the mailbox only (see README). */
    /**
     * An empty {@code password} is refused (400): it is neither the registration's password nor its absence, which
     * voids it; it was checked as a wrong password before 2026-12-06 (ninth session), a failure towards the lockout.
     */
    record VerifyRequest(@NotBlank @Size(max = 4096) String token,
                         @Size(min = 1, max = 128, message = "must not be empty: send the password chosen at registration "
                                 + "to keep it, or leave it out to void it") String password) {
        @Override
        public String toString() { return "VerifyRequest[***]"; }
    }

    /** The new account. */
    record CreatedUser(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String userId) {}

    @PostMapping("/register")
    @Operation(operationId = "register", summary = "Open an account (customer, instructor and/or vendor) and send the e-mail verification mail")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedUser> register(@Valid @RequestBody RegisterRequest body) {
        Set<String> roles = body.roles() == null || body.roles().isEmpty() ? Set.of(Roles.CUSTOMER) : body.roles();
        if (!SELF_SERVICE_ROLES.containsAll(roles))
            throw DomainException.forbidden("roles may be customer, instructor or vendor; others are granted by an admin");
        Names.requireVisible(body.firstName(), "firstName");
        Names.requireVisible(body.lastName(), "lastName");
        // printable ASCII only: invisible characters (U+200B, U+00A0, U+FEFF ...) and look-alike letters (a Cyrillic
        // а) made another account's address look the same, and some could never be mailed
        if (!body.email().matches("[\\x21-\\x7E]+") || !dev.stoa.command.notification.Mailer.sendable(body.email()))
            throw DomainException.badInput("email must be an address a mail can be sent to, in printable ASCII (no "
                    + "spaces, invisible characters or letters of other alphabets)"); // errors[0].field: its first word
        PasswordPolicy.weakness(body.password(), body.email()).ifPresent(why ->
                { throw DomainException.badInput("password " + why); });
        if (bootstrapAdmin.reserves(body.email())) // answered as the taken address it is about to be
            throw new DomainException(ErrorCode.DUPLICATE_EMAIL, "an account with this e-mail already exists");
        UserId id = UserId.random();
        personal.prepareKey(id.value()); // before the command's transaction: with Axon Server it needs no second connection
        commands.send(new RegisterUser(id, body.email(), Passwords.hash(body.password()), body.firstName().trim(),
                body.lastName().trim(), body.phone(), roles, false));
        return ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(new CreatedUser(id.value()));
    }

    @PostMapping("/email/verify")
    @Operation(operationId = "verifyEmail", summary = "Confirm the e-mail address with the token from the verification mail; send the password "
            + "chosen at registration to keep it (without it the password is voided: log in with a code or reset it)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> verifyEmail(@Valid @RequestBody VerifyRequest body) {
        TokenIssuer.EmailClaims claims = tokens.readEmailVerificationToken(body.token())
                .orElseThrow(() -> new DomainException(ErrorCode.INVALID_LINK, "the verification link is invalid or expired"));
        LoginOutcome outcome = commands.send(new VerifyEmail(claims.userId(), claims.email(), body.password()));
        if (!outcome.accepted()) throw Sessions.refusal(outcome);
        return ResponseEntity.noContent().build();
    }

    @SecretResponse
    @PostMapping("/login")
    @Operation(operationId = "login", summary = "Log in with e-mail and password: an access token (15 min) and a refresh token (7 days)")
    ResponseEntity<Sessions.Tokens> login(@Valid @RequestBody LoginRequest body) {
        var owner = keys.ownerOf(UserAccount.EMAIL, UserAccount.emailKey(body.email()));
        if (owner.isEmpty()) throw phantoms.refusal(UserAccount.emailKey(body.email()), body.password(), ErrorCode.INVALID_CREDENTIALS);
        UserId userId = new UserId(owner.get());
        LoginOutcome outcome;
        try {
            outcome = commands.send(new LogIn(userId, body.password(), body.totpCode()));
        } catch (RuntimeException e) {
            // the address is claimed, its account not stored (a registration under way, or one that failed and whose
            // claim is not released yet): answered as an address without an account, not 404 with the account's id
            if (!Refusals.is(e, ErrorCode.NOT_FOUND_CODE)) throw e;
            throw phantoms.refusal(UserAccount.emailKey(body.email()), body.password(), ErrorCode.INVALID_CREDENTIALS);
        }
        if (!outcome.accepted()) throw Sessions.refusal(outcome);
        return ResponseEntity.ok(sessions.start(userId, outcome.roles()));
    }

    @SecretResponse
    @PostMapping("/refresh")
    @Operation(operationId = "refreshTokens", summary = "Spend a refresh token for a new pair; reusing a spent one revokes "
            + "the whole session, but the one spent last, presented again within stoa.identity.refresh-reuse-grace (10 s; "
            + "a second tab, a lost answer), is 409 refresh_token_rotated and the session goes on")
    ResponseEntity<Sessions.Tokens> refresh(@Valid @RequestBody TokenRequest body) {
        TokenIssuer.RefreshClaims claims = tokens.readRefreshToken(body.refreshToken()).orElseThrow(AuthController::invalidToken);
        Instant expiresAt = sessions.refreshExpiry(claims.sessionStartedAt()); // 401 session_expired past the absolute lifetime
        // the account and the session first: a refresh refused for the account's state (suspended, closed) or an ended
        // session spends nothing. It spent the token, and the client's next try, which it never got a pair for, was
        // taken for a stolen token's reuse and revoked the family (found by a walkthrough, 2026-12-06, fifth session)
        LoginOutcome before = commands.send(new CheckSession(claims.userId(), claims.sessionStartedAt()));
        if (!before.accepted()) throw Sessions.refusal(before);
        String next = UUID.randomUUID().toString();
        boolean rotated = commands.send(new RotateRefreshToken(claims.familyId(), claims.tokenId(), next, expiresAt,
                sessions.reuseGrace()));
        if (!rotated) throw new DomainException(ErrorCode.REFRESH_TOKEN_REVOKED, "this refresh token was already used or its session ended; log in again");
        // and again after: a suspension between the two is not given a new pair (the roles are read here too)
        LoginOutcome session = commands.send(new CheckSession(claims.userId(), claims.sessionStartedAt()));
        if (!session.accepted()) throw Sessions.refusal(session);
        TokenIssuer.Issued issued = tokens.issue(claims.userId(), session.roles(), claims.familyId(), next, expiresAt,
                claims.sessionStartedAt());
        return ResponseEntity.ok(Sessions.Tokens.of(issued));
    }

    @PostMapping("/logout")
    @Operation(operationId = "logout", summary = "End the session of this refresh token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> logout(@Valid @RequestBody TokenRequest body, Actor actor) {
        TokenIssuer.RefreshClaims claims = tokens.readRefreshToken(body.refreshToken()).orElseThrow(AuthController::invalidToken);
        commands.send(new RevokeTokenFamily(claims.familyId(), new UserId(actor.userId()), "logout"));
        return ResponseEntity.noContent().build();
    }

    private static DomainException invalidToken() {
        return new DomainException(ErrorCode.INVALID_REFRESH_TOKEN, "the refresh token is invalid or expired");
    }

}
