package dev.stoa.command.identity;

import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.identity.*;
import dev.stoa.api.notification.NotificationId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.notification.MailRequest;
import dev.stoa.command.notification.Mailer;
import dev.stoa.command.platform.UniqueKeys;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import dev.stoa.command.platform.web.SecretResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * E-mailed one-time login codes and password reset links. The request endpoints answer 202 whether or
 * not the address has an account, so they cannot be used to find out who is registered; what they do for an account
 * runs after the answer ({@link AfterTheAnswer}), so their time does not tell either.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Identity")
class OneTimeAccessController {
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final Duration RESET_LIFETIME = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Commands commands;
    private final UniqueKeys keys;
    private final Mailer mailer;
    private final TokenIssuer tokens;
    private final Sessions sessions;
    private final PhantomLockout phantoms;
    private final AfterTheAnswer later;
    private final String publicUrl;
    private final AccountEmails emails;

    OneTimeAccessController(Commands commands, UniqueKeys keys, Mailer mailer, TokenIssuer tokens, Sessions sessions,
                            PhantomLockout phantoms, AfterTheAnswer later, AccountEmails emails,
                            @Value("${stoa.public-url:http://localhost:8080}") String publicUrl) {
        this.emails = emails;
        this.commands = commands;
        this.keys = keys;
        this.mailer = mailer;
        this.tokens = tokens;
        this.sessions = sessions;
        this.phantoms = phantoms;
        this.later = later;
        this.publicUrl = publicUrl;
    }

    record EmailRequest(@NotBlank @Email @Size(max = 254) String email) {}

    record CodeRequest(@NotBlank @Size(max = 254) String email,
                       @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits from the mail") String code) {}

    record ResetRequest(@NotBlank @Size(max = 4096) String token, @NotNull @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String newPassword) {}

    @PostMapping("/otp/request")
    @Operation(operationId = "requestLoginCode", summary = "Mail a 6-digit login code (valid 10 minutes, 5 attempts); always 202")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<Void> requestCode(@Valid @RequestBody EmailRequest body) {
        account(body.email()).ifPresent(userId -> later.run("A login code's request", "login-code:" + userId.value(), () -> {
            // past the cap (or not active) no code is made: a request then costs no bcrypt hash of the worker's time
            if (!Boolean.TRUE.equals(commands.send(new MayIssueLoginCode(userId)))) return;
            String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
            String codeId = UUID.randomUUID().toString();
            boolean issued = commands.send(new IssueLoginCode(userId, codeId, Passwords.hash(code),
                    Instant.now().plus(CODE_LIFETIME)));
            if (issued) mailer.send(new MailRequest(NotificationId.derivedFrom("login-code", codeId).value(), userId.value(),
                    UserAccount.emailKey(body.email()), "login-code", Map.of("code", code, "minutes", CODE_LIFETIME.toMinutes())));
        }));
        return ResponseEntity.accepted().build();
    }

    @SecretResponse
    @PostMapping("/otp/verify")
    @Operation(operationId = "loginWithCode", summary = "Log in with the mailed code: the same tokens as a password login")
    ResponseEntity<Sessions.Tokens> verifyCode(@Valid @RequestBody CodeRequest body) {
        // an address without an account is answered as a real one's wrong code, lockout included
        UserId userId = account(body.email()).orElseThrow(() ->
                phantoms.refusal(UserAccount.emailKey(body.email()), body.code(), ErrorCode.INVALID_LOGIN_CODE));
        LoginOutcome outcome;
        try {
            outcome = commands.send(new LogInWithCode(userId, body.code()));
        } catch (RuntimeException e) {
            // claimed, not stored (see AuthController.login): as an address without an account
            if (!Refusals.is(e, ErrorCode.NOT_FOUND_CODE)) throw e;
            throw phantoms.refusal(UserAccount.emailKey(body.email()), body.code(), ErrorCode.INVALID_LOGIN_CODE);
        }
        if (!outcome.accepted()) throw Sessions.refusal(outcome);
        return ResponseEntity.ok(sessions.start(userId, outcome.roles()));
    }

    @PostMapping("/password-reset/request")
    @Operation(operationId = "requestPasswordReset", summary = "Mail a password reset link (valid 30 minutes, once); always 202")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<Void> requestReset(@Valid @RequestBody EmailRequest body) {
        account(body.email()).ifPresent(userId -> later.run("A password reset's request", "password-reset:" + userId.value(), () -> {
            String version = commands.send(new PreparePasswordReset(userId));
            if (version == null) return;
            String token = tokens.passwordResetToken(userId, version);
            mailer.send(new MailRequest(NotificationId.derivedFrom("password-reset", userId.value(), UUID.randomUUID().toString()).value(),
                    userId.value(), UserAccount.emailKey(body.email()), "password-reset",
                    Map.of("token", token, "resetUrl", publicUrl + "/reset-password?token=" + token,
                            "minutes", RESET_LIFETIME.toMinutes())));
        }));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/password-reset/confirm")
    @Operation(operationId = "confirmPasswordReset", summary = "Set a new password with the mailed token; every session of the user ends")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> confirmReset(@Valid @RequestBody ResetRequest body) {
        TokenIssuer.ResetClaims claims = tokens.readPasswordResetToken(body.token()).orElseThrow(() ->
                new DomainException(ErrorCode.INVALID_LINK, "the reset link is invalid or expired"));
        // the rule of registration, the account's address included (before 2026-12-06, ninth session, a reset took
        // the address itself, or a password containing its name part; found by a walkthrough)
        String email = emails.of(claims.userId().value()).orElse(null);
        PasswordPolicy.weakness(body.newPassword(), email).ifPresent(why -> { throw DomainException.badInput("newPassword " + why); });
        commands.send(new ResetPassword(claims.userId(), claims.passwordVersion(), Passwords.hash(body.newPassword())));
        return ResponseEntity.noContent().build();
    }

    private Optional<UserId> account(String email) {
        return keys.ownerOf(UserAccount.EMAIL, UserAccount.emailKey(email)).map(UserId::new);
    }
}
