package dev.stoa.command.identity;

import dev.stoa.api.identity.EmailVerified;
import dev.stoa.api.identity.UserRegistered;
import dev.stoa.api.identity.UserReinstated;
import dev.stoa.api.identity.UserSuspended;
import dev.stoa.command.ordering.BuyerMails;
import dev.stoa.api.notification.NotificationId;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.command.notification.MailRequest;
import dev.stoa.command.notification.Mailer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mails identity events call for: the verification link after registering, a welcome once verified, an account's
 * suspension (with its reason) and its reinstatement.
 * Never on a replay, and named after the event that caused them, so a redelivered event sends nothing more
 * (the outbox keeps every id it sent). Events older than {@link #MAX_AGE} are not mailed: a processor
 * deployed over an existing history must not mail it (and a verification link that old would be expired). A user
 * whose key is not there yet fails the handler ({@code PersonalDataUnavailable}) and is retried, so the mail goes to
 * the real address, never to "[erased]". Never replayed: the processor refuses a reset (every handler disallows it).
 */
@Component
@ProcessingGroup(IdentityMails.NAME)
@DisallowReplay
class IdentityMails {
    static final String NAME = "identity-mail";
    static final Duration MAX_AGE = Duration.ofHours(48);
    private final Mailer mailer;
    private final TokenIssuer tokens;
    private final String publicUrl;
    private final PersonalData personal;
    /** Mails to an account's address as registered, named after the event, none older than its age (nor erased). */
    private final BuyerMails accountMails;

    IdentityMails(Mailer mailer, TokenIssuer tokens, PersonalData personal, BuyerMails accountMails,
                  @Value("${stoa.public-url:http://localhost:8080}") String publicUrl) {
        this.accountMails = accountMails;
        this.mailer = mailer;
        this.tokens = tokens;
        this.personal = personal;
        this.publicUrl = publicUrl;
    }

    @EventHandler
    void on(UserRegistered e, EventMessage<?> message) {
        String id = e.userId().value();
        if (e.emailVerified() || tooOld(message) || personal.isErased(id)) return;
        String email = personal.open(id, e.email());
        String token = tokens.emailVerificationToken(e.userId(), email);
        mailer.send(new MailRequest(NotificationId.derivedFrom("email-verification", message.getIdentifier()).value(),
                id, email, "email-verification", Map.of("firstName", personal.open(id, e.firstName()), "token", token,
                        "verifyUrl", publicUrl + "/verify-email?token=" + token)));
    }

    @EventHandler
    void on(EmailVerified e, EventMessage<?> message) {
        String id = e.userId().value();
        if (tooOld(message) || personal.isErased(id)) return;
        mailer.send(new MailRequest(NotificationId.derivedFrom("welcome", message.getIdentifier()).value(),
                id, personal.open(id, e.email()), "welcome", Map.of("firstName", "")));
    }

    /**
     * The account's owner is told it was suspended, and why when the admin said, and when it is open again: before
     * 2026-12-07 they learnt it from a refused login, which says no reason (walkthrough Z47). The reason is the user's
     * data (sealed in the event), opened for their own mail only.
     */
    @EventHandler
    void on(UserSuspended e, EventMessage<?> message) {
        String id = e.userId().value();
        String reason = e.reason() == null ? null : personal.open(id, e.reason());
        accountMails.send("account-suspended", id, message,
                Map.of("reason", reason == null || reason.isBlank() ? "none was given" : reason));
    }

    @EventHandler
    void on(UserReinstated e, EventMessage<?> message) {
        accountMails.send("account-reinstated", e.userId().value(), message, Map.of());
    }

    private static boolean tooOld(EventMessage<?> message) {
        return message.getTimestamp().isBefore(Instant.now().minus(MAX_AGE));
    }
}
